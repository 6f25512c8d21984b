package net.collab.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import net.collab.events.EventEnvelope;

/**
 * Publishes committed outbox rows to Kafka in commit order, then marks them published.
 *
 * <p>Woken by {@link Outbox} right after a commit, and polling as a backstop, so rows left by a
 * process that died between commit and publication go out when the service starts again. A
 * failed send leaves the rows unpublished for the next round: delivery is at least once, and
 * consumers deduplicate on the event id. A session-level advisory lock lets only one
 * instance of a service relay at a time, which keeps the order per aggregate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock in this service's database. */
    private static final long RELAY_LOCK = 0x0c011ab0L;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @ConfigProperty(name = "collabnet.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "collabnet.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "collabnet.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    /** Used by the relay's thread only. */
    private Connection connection;

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(sendTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new rows now. */
    public void wakeUp() {
        wakeUps.release();
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox-relay");
        // Written out on purpose: every replica acknowledges, retries cannot duplicate or reorder.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // The relay sends whole batches and flushes: a short linger only groups what is ready.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(sendTimeout.toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(sendTimeout.toMillis(), 15_000)));
        return config;
    }

    private void run() {
        try {
            relayWhileRunning();
        } finally {
            dropConnection();
        }
    }

    private void relayWhileRunning() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int published = relayOnce();
                backoff = pollInterval;
                if (published < batchSize) {
                    awaitWakeUp(pollInterval);
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay round failed, retrying in %s: %s", backoff, e.toString());
                awaitWakeUp(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Publishes one batch of unpublished rows: claims them and marks them published in one
     * statement, sends them, and commits only once the broker has acknowledged them all (a failed
     * send rolls the marks back).
     *
     * @return how many rows were published
     */
    int relayOnce() throws Exception {
        Connection connection = lockedConnection();
        if (connection == null) {
            return 0; // another instance of this service relays
        }
        try {
            List<Row> rows = claimUnpublished(connection);
            if (!rows.isEmpty()) {
                send(rows);
            }
            connection.commit();
            return rows.size();
        } catch (Exception e) {
            dropConnection();
            throw e;
        }
    }

    /**
     * The relay's own connection, holding the relay's session-level advisory lock: only one
     * instance of a service relays at a time, which keeps the order per aggregate. Null while
     * another instance holds the lock. A broken connection is dropped and the lock taken anew.
     */
    private Connection lockedConnection() throws SQLException {
        if (connection != null) {
            return connection;
        }
        Connection candidate = dataSource.getConnection();
        try (PreparedStatement lock = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    candidate.close();
                    return null;
                }
            }
            candidate.setAutoCommit(false);
            connection = candidate;
            return connection;
        } catch (SQLException e) {
            candidate.close();
            throw e;
        }
    }

    /**
     * Gives the connection back to the pool without the lock. (If the connection is broken, its
     * session is gone and the server has released the lock already.)
     */
    private void dropConnection() {
        if (connection == null) {
            return;
        }
        try (Connection held = connection; PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
            held.rollback();
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
            held.commit();
        } catch (SQLException e) {
            LOG.debugf("releasing the relay's connection: %s", e);
        }
        connection = null;
    }

    private List<Row> claimUnpublished(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement("""
                update outbox_event set published_at = now()
                where id in (select id from outbox_event where published_at is null order by seq limit ?)
                returning seq, id, topic, aggregate_id, event_type, occurred_at, payload""")) {
            claim.setInt(1, batchSize);
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getObject(6, OffsetDateTime.class),
                            result.getString(7)));
                }
            }
        }
        rows.sort(Comparator.comparingLong(Row::seq)); // "returning" keeps no order
        return rows;
    }

    private void send(List<Row> rows) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
            KafkaCloudEvents.write(new EventEnvelope(row.id(), source, row.type(), row.aggregateId(), row.occurredAt()),
                    record.headers());
            acks.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private record Row(long seq, UUID id, String topic, String aggregateId, String type, OffsetDateTime occurredAt,
            String payload) {
    }
}
