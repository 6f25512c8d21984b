package net.collab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: {@code POST /needs} at a fixed rate whatever the answers' pace, over keep-alive
 * connections with a token fetched beforehand. A request's latency counts from when it was due,
 * so a server that falls behind cannot hide it by slowing the generator down.
 */
final class NeedLoad {

    /** A need the server accepted: when it was due and when the answer arrived (System.nanoTime). */
    record Posted(UUID needId, long dueNanos, long answeredNanos) {
    }

    record Result(double rate, List<Posted> posted, int failed, String firstFailure, long startedNanos, long endedNanos) {
        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }
    }

    private static final int MAX_IN_FLIGHT = 2048;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI needs;
    private final String authorization;
    private final String body;

    NeedLoad(String actionUrl, String token, UUID requesterOrganizationId, String areaCode) {
        this.needs = URI.create(actionUrl + "/needs");
        this.authorization = "Bearer " + token;
        this.body = """
                {"organizationId":"%s","category":"SUPPLIES","item":"口罩","quantity":10,"unit":"只","urgency":"HIGH",
                 "areaCode":"%s","targetGroup":"孤寡老人","description":"benchmark",
                 "beneficiary":{"name":"测试老人","phone":"13900000000","address":"1号楼"}}"""
                .formatted(requesterOrganizationId, areaCode);
    }

    String body() {
        return body;
    }

    /** Posts {@code rate} needs per second for the duration, then waits for the last answers. */
    Result run(double rate, Duration duration) throws InterruptedException {
        long count = Math.round(rate * duration.toNanos() / 1e9);
        long interval = (long) (1e9 / rate);
        ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(needs).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long answered = System.nanoTime();
                inFlight.release();
                String location = response == null ? null : response.headers().firstValue("Location").orElse(null);
                if (error == null && response.statusCode() == 201 && location != null) {
                    posted.add(new Posted(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), due, answered));
                } else {
                    failed.incrementAndGet();
                    failures.add(error != null ? error.toString() : "HTTP " + response.statusCode());
                }
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT); // every answer is in
        inFlight.release(MAX_IN_FLIGHT);
        return new Result(rate, List.copyOf(posted), failed.get(), failures.peek(), start, System.nanoTime());
    }
}
