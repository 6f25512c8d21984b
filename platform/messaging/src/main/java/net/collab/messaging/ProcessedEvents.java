package net.collab.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event log. An insert under a unique key, in the consumer's own transaction: two
 * deliveries of one event cannot both pass, even concurrently, and a rolled-back effect leaves
 * the event unprocessed.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the event as processed by this consumer; false when it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, UUID eventId) {
        return entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id) values (?1, ?2)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
