package net.collab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

import net.collab.devstack.PostgresServer;

/** What the machine can do without our code: one Kafka hop, and PostgreSQL commits. */
final class Floor {

    private Floor() {
    }

    /**
     * A bare produce → consume round trip ({@code acks=all}, {@code linger.ms=0}), one message at
     * a time, each sent after the previous one arrived.
     */
    static Latencies kafkaHop(String bootstrapServers, int messages) throws Exception {
        String topic = "bench.floor.v1";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Latencies latencies = new Latencies();
        try (var producer = new KafkaProducer<>(producerConfig, new LongSerializer(), new LongSerializer());
                var consumer = new KafkaConsumer<>(consumerConfig, new LongDeserializer(), new LongDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = 0; i < messages; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, (long) i, sent));
                boolean arrived = false;
                while (!arrived) {
                    for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.key() == i) {
                            long received = System.nanoTime();
                            if (i >= messages / 10) { // the first tenth warms up
                                latencies.add(received - record.value());
                            }
                            arrived = true;
                        }
                    }
                }
            }
        }
        return latencies;
    }

    /** Single-row INSERT commits per second over JDBC, with this many connections in parallel. */
    static double postgresCommitsPerSecond(PostgresServer postgres, int connections, Duration duration) throws Exception {
        String url = postgres.createDatabase("bench_floor");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists floor_row (id bigserial primary key, payload text not null,"
                    + " written_at timestamptz not null default now())");
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long until = System.nanoTime() + duration.toNanos();
            List<Callable<Long>> writers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                writers.add(() -> insertUntil(url, postgres, until));
            }
            long started = System.nanoTime();
            long commits = 0;
            for (Future<Long> done : pool.invokeAll(writers)) {
                commits += done.get();
            }
            return commits / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long insertUntil(String url, PostgresServer postgres, long until) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                PreparedStatement insert = connection.prepareStatement("insert into floor_row (payload) values (?)")) {
            connection.setAutoCommit(false);
            long commits = 0;
            while (System.nanoTime() < until) {
                insert.setString(1, "a need of 10 masks for 草桥口社区");
                insert.executeUpdate();
                connection.commit();
                commits++;
            }
            return commits;
        }
    }
}
