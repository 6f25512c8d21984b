package net.collab.messaging;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import net.collab.events.EventCatalog;
import net.collab.events.EventCodec;
import net.collab.events.EventEnvelope;

/**
 * Runs a consumer's effect at most once per event id, in one transaction with the record of the
 * event id (a new transaction, unless the caller has one).
 *
 * <p>Consumers put {@code @Retry(abortOn = MalformedEventException.class)} on their
 * {@code @Incoming} method and no {@code @Transactional}: each attempt is then a transaction of
 * its own, a transient failure (the database restarting, a lock timeout) is retried, and what
 * still fails goes to the channel's dead-letter topic. A record that cannot be read goes there at
 * once. Types this version does not know are skipped, so producers can add event types without
 * breaking older consumers.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    ProcessedEvents processedEvents;

    /**
     * @param consumer a name unique to this consumer within the service, e.g. {@code organizations-replica}
     * @return true when the handler ran; false for a duplicate or an unknown type
     */
    @Transactional
    public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        EventEnvelope envelope = KafkaCloudEvents.read(record.headers());
        if (EventCatalog.byType(envelope.type()).isEmpty()) {
            LOG.debugf("%s skips event %s of unknown type %s", consumer, envelope.id(), envelope.type());
            return false;
        }
        if (record.value() == null) {
            throw new EventCodec.MalformedEventException(envelope.type(), "no data");
        }
        var data = EventCodec.fromJson(envelope.type(), record.value());
        if (!processedEvents.markProcessed(consumer, envelope.id())) {
            LOG.debugf("%s already processed event %s (%s)", consumer, envelope.id(), envelope.type());
            return false;
        }
        handler.accept(new IncomingEvent(envelope, data));
        return true;
    }
}
