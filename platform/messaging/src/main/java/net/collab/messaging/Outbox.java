package net.collab.messaging;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

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

    @Inject
    OutboxSettings settings;

    /**
     * Appends the event to the outbox of the current transaction.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        EventContract contract = EventCatalog.contractOf(event.getClass());
        UUID id = UUID.randomUUID();
        String payload = EventCodec.toJson(event);
        int size = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > settings.maxEventBytes()) {
            // The broker would refuse it: better the change fail now than its event never be heard of.
            throw new IllegalStateException(contract.type() + " of " + event.aggregateId() + " has " + size
                    + " bytes, more than an event may carry (collabnet.outbox.max-event-bytes=" + settings.maxEventBytes() + ")");
        }
        // The aggregate's changes go to the database first, so that its row is locked before the
        // event takes its place (seq) in the outbox: two transactions changing one aggregate then
        // take their places in the order they commit. Plain JDBC for the row itself: a Hibernate
        // native query costs its parsing on every event (a profile showed it as consumers' top cost).
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, aggregate_id, event_type, occurred_at, payload)
                    values (?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, contract.topic());
                insert.setString(3, event.aggregateId());
                insert.setString(4, contract.type());
                insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(6, payload);
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        return id;
    }

    // The relay also polls, but waking it at commit makes publication immediate.
    private void wakeRelayAfterCommit() {
        AfterCommit.once(transactions, WAKE_UP_REGISTERED, relay::wakeUp);
    }
}
