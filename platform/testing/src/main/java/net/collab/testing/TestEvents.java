package net.collab.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import net.collab.events.DomainEvent;
import net.collab.events.EventCatalog;
import net.collab.events.EventCodec;
import net.collab.events.EventContract;
import net.collab.events.EventEnvelope;

/**
 * Puts events on the test broker as another service would: a test of one service plays the part
 * of the services it listens to. Sending the same id twice is a redelivery.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** Sends the event as a CloudEvent with a new id; returns the id. */
    public static UUID send(DomainEvent event) {
        UUID id = UUID.randomUUID();
        send(event, id);
        return id;
    }

    /** Sends the event with the given id (use twice for a redelivery). */
    public static void send(DomainEvent event, UUID id) {
        send(event, id, OffsetDateTime.now());
    }

    /** Sends the event with the given id and CloudEvents time (when the change happened). */
    public static void send(DomainEvent event, UUID id, OffsetDateTime time) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        EventEnvelope envelope = new EventEnvelope(id, "test", contract.type(), event.aggregateId(), time);
        sendRaw(contract.topic(), event.aggregateId(), envelope, EventCodec.toJson(event));
    }

    /** Sends any value with the given envelope, e.g. a malformed one (a poison message). */
    public static void sendRaw(String topic, String key, EventEnvelope envelope, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            envelope.headers().forEach((name, headerValue) -> record.headers().add(name,
                    headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test event: " + e.getMessage(), e);
        }
    }
}
