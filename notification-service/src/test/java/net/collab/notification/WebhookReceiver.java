package net.collab.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on this machine, as an organization would run one: it checks each call's
 * signature and timestamp the way the README tells receivers to, and answers 503 to the first
 * {@code failures} calls.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A call as received, and whether its signature and timestamp were good. */
    record Call(String body, String timestamp, String signature, boolean verified, int answered) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger failures;
    private volatile String secret = "";

    private WebhookReceiver(int failures) throws IOException {
        this.failures = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Collabnet-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Collabnet-Signature");
            boolean verified = verify(secret, timestamp, body, signature);
            int status = !verified ? 401 : this.failures.getAndDecrement() > 0 ? 503 : 200;
            synchronized (calls) {
                calls.add(new Call(body, timestamp, signature, verified, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver failingFirst(int failures) throws IOException {
        return new WebhookReceiver(failures);
    }

    /** From now on, every call with a good signature is taken (the receiver was fixed). */
    void acceptFromNow() {
        failures.set(0);
    }

    void secret(String secret) {
        this.secret = secret;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * The check the README gives receivers: the signature is {@code v1=} and the hex HMAC-SHA256,
     * keyed with the webhook's secret, of the timestamp, a dot and the raw body; the timestamp is
     * within five minutes of now (older calls are replays). Compared in constant time.
     */
    static boolean verify(String secret, String timestamp, String body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        if (age > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
