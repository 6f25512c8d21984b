package net.collab.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import net.collab.events.EventEnvelope;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as {@code ce_*} headers. */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    public static void write(EventEnvelope envelope, Headers headers) {
        envelope.headers().forEach((name, value) -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Reads the envelope; a record without the required attributes is malformed. */
    public static EventEnvelope read(Headers headers) {
        return EventEnvelope.fromHeaders(name -> {
            Header header = headers.lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
    }
}
