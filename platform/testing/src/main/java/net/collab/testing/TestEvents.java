package net.collab.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
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

    /**
     * Sends the events in this order as fast as one producer can, so that a consumer is likely
     * to receive them in one poll; returns their new ids in the same order.
     */
    public static List<UUID> sendAll(List<? extends DomainEvent> events) {
        List<UUID> ids = new ArrayList<>();
        try (var producer = producer()) {
            List<Future<?>> acks = new ArrayList<>();
            for (DomainEvent event : events) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                EventContract contract = EventCatalog.contractOf(event.getClass());
                acks.add(producer.send(record(contract.topic(), event.aggregateId(),
                        new EventEnvelope(id, "test", contract.type(), event.aggregateId(), OffsetDateTime.now()),
                        EventCodec.toJson(event))));
            }
            for (Future<?> ack : acks) {
                ack.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test events: " + e.getMessage(), e);
        }
        return ids;
    }

    /** Sends any value with the given envelope, e.g. a malformed one (a poison message). */
    public static void sendRaw(String topic, String key, EventEnvelope envelope, String value) {
        try (var producer = producer()) {
            producer.send(record(topic, key, envelope, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test event: " + e.getMessage(), e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static ProducerRecord<String, String> record(String topic, String key, EventEnvelope envelope, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        envelope.headers().forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
