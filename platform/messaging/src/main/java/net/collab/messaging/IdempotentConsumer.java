package net.collab.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import net.collab.domain.TransientFailures;
import net.collab.events.DomainEvent;
import net.collab.events.EventCatalog;
import net.collab.events.EventCodec;
import net.collab.events.EventCodec.MalformedEventException;
import net.collab.events.EventEnvelope;

/**
 * Runs a consumer's effect exactly once per event id, for a whole batch of records (one poll of
 * the channel, {@code batch=true}) in one transaction with the record of their event ids: one
 * commit per batch rather than one per record, which is what lets a consumer keep up with a burst.
 *
 * <p>A consumer's {@code @Incoming @Blocking} method takes the channel's
 * {@code ConsumerRecords<String, String>} and passes them here with a handler for one event.
 * Failures:
 * <ul>
 * <li>A record that cannot be read (headers or data not as the contract says) goes to the
 * channel's dead-letter topic at once; the others go on.</li>
 * <li>If the batch fails, it is rolled back and each record is tried alone, each attempt a
 * transaction of its own; so one bad record costs its neighbours nothing but a retry.</li>
 * <li>A transient failure (the database unreachable or restarting, a lost lock race) is retried
 * with growing pauses until it passes: the consumer waits rather than dead-letter good events.</li>
 * <li>Any other failure is retried up to {@code collabnet.consumer.max-attempts} times, then the
 * record is dead-lettered with the reason, and the consumer keeps going.</li>
 * </ul>
 * Types this version does not know are skipped (and not recorded), so producers can add event
 * types without breaking older consumers.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerSettings settings;

    @Inject
    EntityManager entityManager;

    /** A record and the event read from it. */
    private record Delivery(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    /**
     * @param channel  the channel the records came from (names its dead-letter topic)
     * @param consumer a name unique to this consumer within the service, e.g. {@code organizations-replica}
     * @param records  the records of one poll, in order
     * @param handler  the effect of one event, run inside the batch's transaction
     */
    public void handleBatch(String channel, String consumer, Iterable<ConsumerRecord<String, String>> records,
            Consumer<IncomingEvent> handler) {
        List<Delivery> deliveries = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = read(record);
                if (event != null) {
                    deliveries.add(new Delivery(record, event));
                } else {
                    LOG.debugf("%s skips record %s-%d@%d of a type it does not know", consumer, record.topic(),
                            record.partition(), record.offset());
                }
            } catch (MalformedEventException e) {
                deadLetter(channel, consumer, record, e);
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        RuntimeException failure = attempt(consumer, deliveries, handler, deliveries.size() > 1 ? 1 : settings.maxAttempts());
        if (failure == null) {
            return;
        }
        if (deliveries.size() == 1) {
            deadLetter(channel, consumer, deliveries.get(0).record(), failure);
            return;
        }
        LOG.infof("%s: a batch of %d failed (%s); trying its records one by one", consumer, deliveries.size(), failure);
        for (Delivery delivery : deliveries) {
            RuntimeException alone = attempt(consumer, List.of(delivery), handler, settings.maxAttempts());
            if (alone != null) {
                deadLetter(channel, consumer, delivery.record(), alone);
            }
        }
    }

    /**
     * As {@link #handleBatch(String, String, Iterable, Consumer)}, for a channel whose events are
     * {@code topicEvents} (the topic's sealed interface, e.g. {@code NeedEvent}); an event of
     * another topic's type on this channel is dead-lettered, never silently marked processed.
     */
    public <E extends DomainEvent> void handleBatch(String channel, String consumer,
            Iterable<ConsumerRecord<String, String>> records, Class<E> topicEvents, BiConsumer<EventEnvelope, E> handler) {
        handleBatch(channel, consumer, records, event -> {
            if (!topicEvents.isInstance(event.data())) {
                throw new MalformedEventException(event.envelope().type(),
                        "is not an event of this channel's topic (" + topicEvents.getSimpleName() + ")");
            }
            handler.accept(event.envelope(), topicEvents.cast(event.data()));
        });
    }

    /** Null when the record's type is unknown to this version. */
    private static IncomingEvent read(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = KafkaCloudEvents.read(record.headers());
        if (EventCatalog.byType(envelope.type()).isEmpty()) {
            return null;
        }
        if (record.value() == null) {
            throw new MalformedEventException(envelope.type(), "no data");
        }
        return new IncomingEvent(envelope, EventCodec.fromJson(envelope.type(), record.value()));
    }

    /**
     * Runs the deliveries in one transaction until it commits, retrying transient failures
     * without limit and others up to {@code maxAttempts} in all.
     *
     * @return null once committed, or the last failure
     */
    private RuntimeException attempt(String consumer, List<Delivery> deliveries, Consumer<IncomingEvent> handler,
            int maxAttempts) {
        Duration pause = settings.retryDelay();
        int attempts = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(consumer, deliveries, handler));
                return null;
            } catch (RuntimeException e) {
                boolean transientFailure = TransientFailures.isTransient(e);
                if (!transientFailure && (++attempts >= maxAttempts || e instanceof MalformedEventException)) {
                    return e;
                }
                LOG.warnf("%s: %s failure of %d record(s), retrying in %d ms: %s", consumer,
                        transientFailure ? "transient" : "attempt " + attempts, deliveries.size(), pause.toMillis(), e.toString());
                sleep(pause);
                pause = longer(pause);
            }
        }
    }

    private void apply(String consumer, List<Delivery> deliveries, Consumer<IncomingEvent> handler) {
        Set<UUID> fresh = processedEvents.markProcessed(consumer,
                deliveries.stream().map(delivery -> delivery.event().envelope().id()).toList());
        for (Delivery delivery : deliveries) {
            UUID id = delivery.event().envelope().id();
            if (!fresh.remove(id)) { // already processed, or a second copy within this batch
                LOG.debugf("%s already processed event %s (%s)", consumer, id, delivery.event().envelope().type());
                continue;
            }
            handler.accept(delivery.event());
            if (deliveries.size() > 1) {
                // Each event's effect is complete on its own: keep the persistence context small.
                entityManager.flush();
                entityManager.clear();
            }
        }
    }

    private void deadLetter(String channel, String consumer, ConsumerRecord<String, String> record, Throwable why) {
        Duration pause = settings.retryDelay();
        while (true) {
            try {
                deadLetters.send(channel, consumer, record, why);
                return;
            } catch (DeadLetters.Undeliverable e) {
                // Nothing of the batch is acknowledged; the channel stops and its health says so.
                throw e;
            } catch (Exception e) {
                // Moving on without the dead letter would lose the record: wait for the broker.
                LOG.warnf("%s: cannot dead-letter %s-%d@%d yet, retrying in %d ms: %s", consumer, record.topic(),
                        record.partition(), record.offset(), pause.toMillis(), e.toString());
                sleep(pause);
                pause = longer(pause);
            }
        }
    }

    private Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : doubled;
    }

    private static void sleep(Duration pause) {
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, pause.toMillis() / 5));
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis() + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
