package net.collab.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.collab.devstack.CollabNetwork;

/**
 * A poison message (bytes that are no event) on every topic every service consumes, found from
 * the broker's consumer groups rather than listed here: each consumer moves past it (its committed
 * offset passes the poison's), and each puts it in its dead-letter topic
 * ({@code <service>.<channel>.dlq}) with the original key and where it came from. The reader of
 * the dead-letter topics (notification-service, which shows them to the coordinator) goes on too.
 */
class DeadLettersIT {

    private static CollabNetwork network;

    @BeforeAll
    static void joinTheNetwork() throws Exception {
        network = SharedNetwork.get();
    }

    @Test
    void aPoisonMessageOnEveryConsumedTopicIsSetAsideAndTheConsumerGoesOn() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, network.kafkaBootstrapServers());
        String key = "poison-" + UUID.randomUUID();

        // The services' consumers of events (registry-service consumes none).
        // (Read until two readings a second apart agree: a group rebalancing shows only some of its topics.)
        Map<String, Set<String>> eventConsumers = new TreeMap<>();
        Map<String, Set<String>> previous = new TreeMap<>();
        try (Admin admin = Admin.create(config)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                previous.clear();
                previous.putAll(eventConsumers);
                eventConsumers.clear();
                consumers(admin).forEach((group, topics) -> {
                    topics.removeIf(topic -> topic.endsWith(".dlq"));
                    if (!topics.isEmpty()) {
                        eventConsumers.put(group, topics);
                    }
                });
                assertThat(eventConsumers).containsKeys("action-service", "matching-service", "notification-service")
                        .isEqualTo(previous);
            });
        }
        Map<String, RecordMetadata> poisons = poisonEveryTopicOf(eventConsumers, key, config);

        // Each of them set it aside in its dead-letter topic, saying where it came from.
        List<String> deadLetters = new ArrayList<>();
        Map<String, Map<String, String>> setAside = readDeadLetters(config, key, deadLetters);
        int expected = 0;
        for (Map.Entry<String, Set<String>> group : eventConsumers.entrySet()) {
            for (String topic : group.getValue()) {
                expected++;
                String service = group.getKey();
                assertThat(setAside.entrySet()).as("%s's dead letter of the poison on %s", service, topic)
                        .anySatisfy(entry -> {
                            assertThat(entry.getKey()).startsWith(service + ".").endsWith(".dlq");
                            assertThat(entry.getValue()).containsEntry("dead-letter-topic", topic)
                                    .containsEntry("dead-letter-offset", Long.toString(poisons.get(topic).offset()))
                                    .containsKey("dead-letter-reason");
                        });
            }
        }
        assertThat(deadLetters).hasSize(expected);

        // The reader of every dead-letter topic (for the coordinator's list) has found the new ones; poisoned too, it goes on.
        Map<String, Set<String>> deadLetterReaders = new TreeMap<>();
        try (Admin admin = Admin.create(config)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                deadLetterReaders.clear();
                consumers(admin).forEach((group, topics) -> {
                    topics.removeIf(topic -> !topic.endsWith(".dlq"));
                    if (!topics.isEmpty()) {
                        deadLetterReaders.put(group, topics);
                    }
                });
                assertThat(deadLetterReaders.values().stream().flatMap(Set::stream)).containsAll(setAside.keySet());
            });
        }
        Map<String, RecordMetadata> poisonedDeadLetters = poisonEveryTopicOf(deadLetterReaders, key, config);
        System.out.printf("dead letters: a poison message on each of %d event topics read by %d services (%s); each service"
                + " moved past it and set it aside: %d dead letters %s; a poison on each of %d dead-letter topics, and their"
                + " reader (%s) moved past it%n", poisons.size(), eventConsumers.size(), eventConsumers.keySet(), deadLetters.size(),
                deadLetters, poisonedDeadLetters.size(), deadLetterReaders.keySet());
    }

    /** A poison record (the key, bytes that are no event) on each topic the groups read; waits until each group is past it. */
    private static Map<String, RecordMetadata> poisonEveryTopicOf(Map<String, Set<String>> groups, String key, Properties config)
            throws Exception {
        Set<String> topics = new TreeSet<>();
        groups.values().forEach(topics::addAll);
        Map<String, RecordMetadata> poisons = new TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : topics) {
                byte[] poison = ("\u00ff\u0000 not an event at all {" + topic).getBytes(StandardCharsets.ISO_8859_1);
                poisons.put(topic, producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), poison)).get());
            }
        }
        try (Admin admin = Admin.create(config)) {
            for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                            .partitionsToOffsetAndMetadata().get();
                    for (String topic : group.getValue()) {
                        RecordMetadata poison = poisons.get(topic);
                        OffsetAndMetadata offset = committed.get(new TopicPartition(topic, poison.partition()));
                        assertThat(offset == null ? -1 : offset.offset()).as("%s past the poison on %s", group.getKey(), topic)
                                .isGreaterThan(poison.offset());
                    }
                });
            }
        }
        return poisons;
    }

    /** The topics each consumer group of the services reads (the console's monitors and other readers aside). */
    private static Map<String, Set<String>> consumers(Admin admin) throws Exception {
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get()) {
            if (CollabNetwork.SERVICES.stream().anyMatch(service -> listing.groupId().startsWith(service))) {
                groups.add(listing.groupId());
            }
        }
        Map<String, Set<String>> consumedBy = new TreeMap<>();
        Collection<ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get().values();
        for (ConsumerGroupDescription description : descriptions) {
            Set<String> topics = new TreeSet<>();
            for (MemberDescription member : description.members()) {
                member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic()));
            }
            consumedBy.put(description.groupId(), topics);
        }
        return consumedBy;
    }

    /** Per dead-letter topic holding a record with the key: its dead-letter headers. */
    private static Map<String, Map<String, String>> readDeadLetters(Properties config, String key, List<String> found) {
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(config);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-test-" + UUID.randomUUID());
        Map<String, Map<String, String>> setAside = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (topic.endsWith(".dlq")) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        Map<String, String> headers = new TreeMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                        }
                        setAside.put(record.topic(), headers);
                        found.add(record.topic());
                    }
                }
            }
        }
        return setAside;
    }
}
