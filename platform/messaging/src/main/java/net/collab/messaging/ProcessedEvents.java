package net.collab.messaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * The processed-event log. An insert under a unique key, in the consumer's own transaction: two
 * deliveries of one event cannot both pass, even concurrently, and a rolled-back effect leaves
 * the event unprocessed.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Records the events as processed by this consumer, in one statement.
     *
     * @return the ids that were not processed before (a mutable set)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id) select ?, unnest(?)
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }
}
