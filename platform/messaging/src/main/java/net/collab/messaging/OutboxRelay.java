package net.collab.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import net.collab.events.EventEnvelope;

/**
 * Publishes committed outbox rows to Kafka in commit order, then marks them published.
 *
 * <p>Woken by {@link Outbox} right after a commit, and polling as a backstop, so rows left by a
 * process that died between commit and publication go out when the service starts again. No
 * database transaction is open while the relay waits for the broker: it reads a batch, sends it,
 * and marks published the rows acknowledged in order up to the first failure; the rest go again
 * next round (delivery is at least once, and consumers deduplicate on the event id). A row the
 * broker can never take (too large, say) is set aside with an error in the log, so that it does
 * not block the rows behind it for good; {@link OutboxHealth} reports it. A session-level advisory
 * lock lets only one instance of a service relay at a time, which keeps the order per aggregate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock in this service's database. */
    private static final long RELAY_LOCK = 0x0c011ab0L;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxSettings settings;

    /** The service's own {@code kafka.*} configuration (servers, TLS, SASL…), as Quarkus reads it. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    /** Used by the relay's thread only. */
    private Connection connection;

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::relayWhileRunning, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(settings.sendTimeout().toMillis());
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

    /** Whether the relay's thread runs (it is meant to run for as long as the service does). */
    public boolean isRunning() {
        return worker != null && worker.isAlive();
    }

    Properties producerConfig() {
        Properties config = new Properties();
        Set<String> producerSettings = ProducerConfig.configNames();
        kafkaConfig.forEach((key, value) -> {
            if (producerSettings.contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox-relay");
        // Written out on purpose: every replica acknowledges, retries cannot duplicate or reorder.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // The relay sends whole batches and waits: a short linger only groups what is ready.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        long sendTimeout = settings.sendTimeout().toMillis();
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(sendTimeout - 1, 15_000)));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(sendTimeout));
        // A send blocks at most this long for metadata or buffer space when the broker is away.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(settings.maxBlock().toMillis()));
        return config;
    }

    private void relayWhileRunning() {
        Duration backoff = settings.pollInterval();
        try {
            while (running) {
                try {
                    int published = relayOnce();
                    backoff = settings.pollInterval();
                    if (published == 0) { // after a round that sent something, look again at once: a backlog drains at full speed
                        awaitWakeUp(settings.pollInterval());
                    }
                } catch (Throwable e) { // whatever happens, the relay goes on: a dead relay would stop all publication silently
                    LOG.warnf("outbox relay round failed, retrying in %s: %s", backoff, e.toString());
                    awaitWakeUp(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            dropConnection();
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
     * Publishes one batch of unpublished rows.
     *
     * @return how many rows were published or set aside
     */
    int relayOnce() throws Exception {
        Connection connection = lockedConnection();
        if (connection == null) {
            return 0; // another instance of this service relays
        }
        try {
            List<Row> rows = unpublished(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            Outcome outcome = send(rows);
            markPublished(connection, rows.subList(0, outcome.done()), outcome.setAside());
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.done();
        } catch (SQLException e) {
            dropConnection();
            throw e;
        }
    }

    /**
     * The relay's own connection (autocommit), holding the relay's session-level advisory lock:
     * only one instance of a service relays at a time, which keeps the order per aggregate. Null
     * while another instance holds the lock. A broken connection is dropped and the lock taken anew.
     */
    private Connection lockedConnection() throws SQLException {
        if (connection != null) {
            return connection;
        }
        Connection candidate = dataSource.getConnection();
        try (PreparedStatement lock = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
            candidate.setAutoCommit(true);
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    candidate.close();
                    return null;
                }
            }
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
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debugf("releasing the relay's connection: %s", e);
        }
        connection = null;
    }

    /** The oldest unpublished rows, at most batch-size of them and batch-bytes of payload (but at least one). */
    private List<Row> unpublished(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, id, topic, aggregate_id, event_type, occurred_at, payload from (
                    select batch.*, sum(octet_length(payload)) over (order by seq) - octet_length(payload) as before
                    from (select * from outbox_event where published_at is null and parked_at is null
                          order by seq limit ?) batch) sized
                where before < ? order by seq""")) {
            select.setInt(1, settings.batchSize());
            select.setLong(2, settings.batchBytes());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getObject(6, OffsetDateTime.class),
                            result.getString(7)));
                }
            }
        }
        return rows;
    }

    /**
     * What a round achieved: the first {@code done} rows are acknowledged or set aside (those in
     * {@code setAside}, with the reason); {@code failure} stopped it before the end.
     */
    private record Outcome(int done, Map<Row, String> setAside, Exception failure) {
    }

    /**
     * Sends the rows in order and waits for their acknowledgements, within one deadline for the
     * whole round (the send timeout): when the broker is away, a round ends after that rather than
     * after {@code max.block.ms} for each of its rows.
     */
    private Outcome send(List<Row> rows) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (System.nanoTime() > deadline || !acks.isEmpty() && failedForNow(acks.get(acks.size() - 1))) {
                break; // the rest go next round, in order
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
            KafkaCloudEvents.write(new EventEnvelope(row.id(), source, row.type(), row.aggregateId(), row.occurredAt()),
                    record.headers());
            acks.add(producer.send(record)); // failures (even synchronous ones) come back in the future
        }
        Map<Row, String> setAside = new java.util.LinkedHashMap<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (neverSendable(e.getCause())) {
                    setAside.put(rows.get(i), e.getCause().toString());
                    continue;
                }
                return new Outcome(i, setAside, e);
            } catch (TimeoutException e) {
                return new Outcome(i, setAside, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(i, setAside, e);
            }
        }
        return new Outcome(acks.size(), setAside, acks.size() < rows.size()
                ? new TimeoutException("the round's deadline passed before all rows were sent") : null);
    }

    /** A send that already failed for a reason other than the record itself: the broker is away. */
    private static boolean failedForNow(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return !neverSendable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Failures that would recur on every try of this record, whatever the broker's state. */
    private static boolean neverSendable(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof SerializationException || failure instanceof InvalidTopicException;
    }

    private void markPublished(Connection connection, List<Row> done, Map<Row, String> setAside) throws SQLException {
        if (done.isEmpty()) {
            return;
        }
        try (PreparedStatement publish = connection.prepareStatement(
                "update outbox_event set published_at = now() where seq = any(?)")) {
            publish.setArray(1, connection.createArrayOf("bigint",
                    done.stream().filter(row -> !setAside.containsKey(row)).map(Row::seq).toArray()));
            publish.executeUpdate();
        }
        for (Map.Entry<Row, String> aside : setAside.entrySet()) {
            Row row = aside.getKey();
            try (PreparedStatement park = connection.prepareStatement(
                    "update outbox_event set parked_at = now(), park_reason = ? where seq = ?")) {
                park.setString(1, aside.getValue());
                park.setLong(2, row.seq());
                park.executeUpdate();
            }
            LOG.errorf("outbox event %s (%s on %s, key %s, %d characters) can never be published and was set aside: %s."
                    + " Its consumers will not hear of it; fix the cause, then set parked_at to null to send it again.",
                    row.id(), row.type(), row.topic(), row.aggregateId(), row.payload().length(), aside.getValue());
        }
    }

    private record Row(long seq, UUID id, String topic, String aggregateId, String type, OffsetDateTime occurredAt,
            String payload) {
    }
}
