package net.collab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import net.collab.devstack.PostgresServer;

/**
 * Sees, the moment they commit, each match that matching-service proposes and each inbox item that
 * notification-service writes. The benchmark instruments the two services' databases with a
 * trigger that calls {@code pg_notify}: PostgreSQL delivers a notification when (and only when)
 * the inserting transaction commits, which is when a person's next read would find the row.
 * The instrumentation belongs to the benchmark; the services' code knows nothing of it, but their
 * commits pay for it: a notifying transaction holds PostgreSQL's notification-queue lock through
 * its commit, so the two services' commits are serialized against each other a little.
 */
final class DeliveryObserver implements AutoCloseable {

    /** When a need's match committed at matching-service. */
    record MatchSeen(UUID matchId, long nanos) {
    }

    private final Map<UUID, MatchSeen> matchByNeed = new ConcurrentHashMap<>();
    private final Map<String, Long> inboxItems = new ConcurrentHashMap<>(); // "matchId recipientId" -> nanos
    private final Listener matches;
    private final Listener inbox;

    DeliveryObserver(PostgresServer postgres) throws SQLException {
        matches = new Listener(postgres, "matching", "bench_match", "match", "new.id::text || ' ' || new.need_id::text",
                (payload, nanos) -> {
                    String[] ids = payload.split(" ");
                    matchByNeed.putIfAbsent(UUID.fromString(ids[1]), new MatchSeen(UUID.fromString(ids[0]), nanos));
                });
        inbox = new Listener(postgres, "notification", "bench_inbox", "inbox_item",
                "new.about_id::text || ' ' || new.recipient_organization_id::text",
                (payload, nanos) -> inboxItems.putIfAbsent(payload, nanos));
        matches.start();
        inbox.start();
    }

    MatchSeen match(UUID needId) {
        return matchByNeed.get(needId);
    }

    /** When the organization's inbox item about the match committed, or null. */
    Long inboxItem(UUID matchId, UUID recipientOrganizationId) {
        return inboxItems.get(matchId + " " + recipientOrganizationId);
    }

    @Override
    public void close() {
        matches.finish();
        inbox.finish();
    }

    private static final class Listener extends Thread {
        private final Connection connection;
        private final String channel;
        private final java.util.function.ObjLongConsumer<String> onNotification;
        private volatile boolean running = true;

        Listener(PostgresServer postgres, String database, String channel, String table, String payload,
                java.util.function.ObjLongConsumer<String> onNotification) throws SQLException {
            super("observer-" + channel);
            setDaemon(true);
            this.channel = channel;
            this.onNotification = onNotification;
            this.connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
            try (Statement statement = connection.createStatement()) {
                statement.execute("create or replace function " + channel + "_notify() returns trigger language plpgsql as $$"
                        + " begin perform pg_notify('" + channel + "', " + payload + "); return new; end $$");
                statement.execute("drop trigger if exists " + channel + " on " + table);
                statement.execute("create trigger " + channel + " after insert on " + table
                        + " for each row execute function " + channel + "_notify()");
                statement.execute("listen " + channel);
            }
        }

        @Override
        public void run() {
            PGConnection pg;
            try {
                pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(200);
                    long now = System.nanoTime();
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            onNotification.accept(notification.getParameter(), now);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    throw new IllegalStateException(channel + " listener failed", e);
                }
            }
        }

        void finish() {
            running = false;
            try {
                join(1000);
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
