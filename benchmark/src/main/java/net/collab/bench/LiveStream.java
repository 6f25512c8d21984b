package net.collab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provider's person with the console open: one live stream ({@code GET /inbox/stream},
 * Server-Sent Events) read as a browser would, noting when each match proposal arrives. A stream
 * that breaks is reopened with the last position seen ({@code Last-Event-ID}), as browsers do.
 */
final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;
    private final String token;
    private final Map<UUID, Long> proposals = new ConcurrentHashMap<>(); // match id -> nanos it arrived
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final CountDownLatch open = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean running = true;
    private volatile Stream<String> current;
    private String lastEventId;

    LiveStream(String notificationUrl, String token) throws InterruptedException {
        this.uri = URI.create(notificationUrl + "/inbox/stream");
        this.token = token;
        this.reader = new Thread(this::read, "live-stream");
        reader.setDaemon(true);
        reader.start();
        if (!open.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live stream did not open within 30 s");
        }
    }

    /** When the proposal's item arrived on the stream, or null. */
    Long proposal(UUID matchId) {
        return proposals.get(matchId);
    }

    long proposalsSeen() {
        return proposals.size();
    }

    /** Items that came a second time (the stream may repeat an item around a reconnect). */
    long duplicates() {
        return duplicates.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    private void read() {
        while (running) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("live stream answered " + response.statusCode());
                }
                open.countDown();
                current = response.body();
                String id = null;
                StringBuilder data = new StringBuilder();
                for (Iterator<String> lines = current.iterator(); lines.hasNext();) {
                    String line = lines.next();
                    long now = System.nanoTime();
                    if (line.isEmpty()) { // an event ends with an empty line
                        if (!data.isEmpty()) {
                            event(data.toString(), now);
                            lastEventId = id;
                        }
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                reconnects.incrementAndGet();
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void event(String data, long nanos) {
        try {
            JsonNode item = JSON.readTree(data);
            if ("MATCH_PROPOSED".equals(item.path("kind").asText())
                    && proposals.putIfAbsent(UUID.fromString(item.path("aboutId").asText()), nanos) != null) {
                duplicates.incrementAndGet();
            }
        } catch (IOException e) {
            throw new IllegalStateException("an event the stream sent is not an inbox item: " + data, e);
        }
    }

    @Override
    public void close() {
        running = false;
        Stream<String> stream = current;
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
