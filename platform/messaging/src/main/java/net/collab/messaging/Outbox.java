package net.collab.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import net.collab.events.DomainEvent;
import net.collab.events.EventCatalog;
import net.collab.events.EventCodec;
import net.collab.events.EventContract;

/**
 * Records outgoing events in the caller's database transaction: the event exists if and only if
 * the state change committed. {@link OutboxRelay} publishes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Appends the event to the outbox of the current transaction.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into outbox_event (id, topic, aggregate_id, event_type, occurred_at, payload)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id)
                .setParameter(2, contract.topic())
                .setParameter(3, event.aggregateId())
                .setParameter(4, contract.type())
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(6, EventCodec.toJson(event))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    // The relay also polls, but waking it at commit makes publication immediate.
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
