package net.collab.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Open-loop load: {@code POST /needs} at a fixed rate whatever the answers' pace, over keep-alive
 * connections (one event-loop thread) with a token fetched beforehand. A request's latency
 * counts from when it was due, so a server that falls behind cannot hide it by slowing the
 * generator down.
 */
final class NeedLoad implements AutoCloseable {

    /** A need the server accepted: when it was due and when the answer arrived (System.nanoTime). */
    record Posted(UUID needId, long dueNanos, long answeredNanos) {
    }

    record Result(double rate, List<Posted> posted, int failed, String firstFailure, long startedNanos, long endedNanos) {
    }

    private static final int MAX_IN_FLIGHT = 2048;
    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final HttpClient http;
    private final RequestOptions post;
    private final Buffer body;
    private final String bodyText;

    NeedLoad(String actionUrl, String token, UUID requesterOrganizationId, String areaCode) {
        URI uri = URI.create(actionUrl);
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(256));
        this.post = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI("/needs").setConnectTimeout(TIMEOUT_MILLIS).setIdleTimeout(TIMEOUT_MILLIS)
                .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
        this.bodyText = """
                {"organizationId":"%s","category":"SUPPLIES","item":"口罩","quantity":10,"unit":"只","urgency":"HIGH",
                 "areaCode":"%s","targetGroup":"ELDERLY_LIVING_ALONE","description":"benchmark",
                 "beneficiary":{"name":"测试老人","phone":"13900000000","address":"1号楼"}}"""
                .formatted(requesterOrganizationId, areaCode);
        this.body = Buffer.buffer(bodyText);
    }

    String body() {
        return bodyText;
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
            // The body handler is attached inside the send's own callback, on the event loop: attached
            // from this thread instead, it could come after the response had been read, and the
            // answer would be lost (a request counted as unanswered though the server stored it).
            http.request(post)
                    .compose(request -> request.send(body).compose(response -> response.body().map(ignored -> response)))
                    .onComplete(answer -> {
                        long answered = System.nanoTime();
                        try {
                            String location = answer.succeeded() ? answer.result().getHeader("Location") : null;
                            if (answer.succeeded() && answer.result().statusCode() == 201 && location != null) {
                                posted.add(new Posted(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), due,
                                        answered));
                            } else {
                                failed.incrementAndGet();
                                failures.add(answer.failed() ? answer.cause().toString() : "HTTP " + answer.result().statusCode());
                            }
                        } catch (RuntimeException e) { // every request is counted: accepted, or failed with the reason
                            failed.incrementAndGet();
                            failures.add("answer not readable: " + e);
                        } finally {
                            inFlight.release();
                        }
                    });
        }
        // Every answer is in, or counted as failed once it is overdue (the server may still store the
        // need: the zero-loss check counts what was stored).
        int unanswered = 0;
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 2 * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            unanswered = MAX_IN_FLIGHT - inFlight.availablePermits();
            failures.add(unanswered + " requests without an answer after " + 2 * TIMEOUT_MILLIS / 1000 + " s");
        }
        return new Result(rate, List.copyOf(posted), failed.get() + unanswered, failures.peek(), start, System.nanoTime());
    }

    @Override
    public void close() {
        http.close();
        vertx.close();
    }
}
