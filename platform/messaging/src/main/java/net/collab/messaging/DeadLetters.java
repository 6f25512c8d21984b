package net.collab.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Sends a record that can never be handled to its channel's dead-letter topic
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}, by default
 * {@code <service>.<channel>.dlq}): the original key, value and headers, plus why. The send is
 * acknowledged by the broker before the consumer moves past the record.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    Config config;

    private KafkaProducer<String, String> producer;
    private boolean closed;

    /** Dead letters are rare: the producer connects on the first one. */
    private synchronized KafkaProducer<String, String> producer() {
        if (closed) {
            throw new Undeliverable("the service is stopping", null);
        }
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
            properties.put(ProducerConfig.CLIENT_ID_CONFIG,
                    config.getValue("quarkus.application.name", String.class) + "-dead-letters");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    public String topicOf(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElseGet(() -> config.getValue("quarkus.application.name", String.class) + "." + channel + ".dlq");
    }

    /** Sends the record to the channel's dead-letter topic and waits for the broker's acknowledgement. */
    public void send(String channel, String consumer, ConsumerRecord<String, String> record, Throwable why) throws Exception {
        String topic = topicOf(channel);
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()));
        header(letter, REASON, why.getMessage() == null ? why.getClass().getName() : why.getMessage());
        header(letter, CAUSE, why.getClass().getName());
        header(letter, TOPIC, record.topic());
        header(letter, PARTITION, Integer.toString(record.partition()));
        header(letter, OFFSET, Long.toString(record.offset()));
        header(letter, CONSUMER, consumer);
        try {
            // Bounded by the producer's delivery timeout (2 minutes), which retries within itself.
            producer().send(letter).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                throw e;
            }
            throw new Undeliverable("the broker refuses the dead letter: " + e.getCause(), e.getCause());
        }
        LOG.warnf("%s: record %s-%d@%d dead-lettered to %s: %s", consumer, record.topic(), record.partition(), record.offset(),
                topic, why.toString());
    }

    /**
     * Puts a dead letter back on the topic it came from — its key, value and headers, without the
     * dead-letter headers — and waits for the broker's acknowledgement (the coordinator's replay, once
     * the cause is fixed). Its consumers see the same event id, so one that did handle it skips it.
     */
    public void replay(String topic, String key, String value, org.apache.kafka.common.header.Headers headers) throws Exception {
        RecordHeaders kept = new RecordHeaders();
        for (org.apache.kafka.common.header.Header header : headers) {
            if (!header.key().startsWith("dead-letter-")) {
                kept.add(header);
            }
        }
        producer().send(new ProducerRecord<>(topic, null, key, value, kept)).get();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A dead letter that can never be sent (too large, not allowed, the service stopping). */
    public static final class Undeliverable extends RuntimeException {
        Undeliverable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
