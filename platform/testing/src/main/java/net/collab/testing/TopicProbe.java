package net.collab.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import net.collab.events.EventEnvelope;

/**
 * Reads what lands on topics from the moment it is opened, so a test can assert which events a
 * request produced (and how many).
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        createMissing(bootstrapServers, topics);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    // A topic that nobody has written yet (e.g. a dead-letter topic) has no partitions to assign.
    private static void createMissing(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var missing = topics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a probe on the test broker. */
    public static TopicProbe open(String... topics) {
        return new TopicProbe(DevStackResource.bootstrapServers(), List.of(topics));
    }

    public static TopicProbe open(String bootstrapServers, List<String> topics) {
        return new TopicProbe(bootstrapServers, topics);
    }

    /** Waits until a record matching the condition arrived, and returns it. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> condition, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return seen.stream().anyMatch(condition);
        });
        return seen.stream().filter(condition).findFirst().orElseThrow();
    }

    /** Waits for an event of this CloudEvents type about this subject. */
    public ConsumerRecord<String, String> awaitEvent(String type, String subject) {
        return await(ofType(type).and(about(subject)), Duration.ofSeconds(20));
    }

    /** Waits until {@code count} records matching the condition arrived, and returns them in the order they came. */
    public List<ConsumerRecord<String, String>> awaitEvents(int count, Predicate<ConsumerRecord<String, String>> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return seen.stream().filter(condition).count() >= count;
        });
        return seen.stream().filter(condition).collect(Collectors.toList());
    }

    /** Everything seen so far (after one more poll) that matches. */
    public List<ConsumerRecord<String, String>> seen(Predicate<ConsumerRecord<String, String>> condition) {
        poll();
        return seen.stream().filter(condition).collect(Collectors.toList());
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String type) {
        return record -> type.equals(header(record, EventEnvelope.HEADER_TYPE));
    }

    public static Predicate<ConsumerRecord<String, String>> about(String subject) {
        return record -> subject.equals(record.key());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
