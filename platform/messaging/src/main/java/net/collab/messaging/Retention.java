package net.collab.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Keeps {@code outbox_event} and {@code processed_event} from growing forever. A published outbox
 * row is only history once the broker has it; an unpublished row is never pruned. A
 * processed-event record must outlive every redelivery of its event, or a late redelivery would
 * take effect twice: keep it longer than the topics' retention and any replay of dead letters.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    /** Deleted per statement, so that pruning never holds many row locks at once. */
    private static final int CHUNK = 5000;

    @ConfigMapping(prefix = "collabnet.retention")
    public interface Settings {
        /** How long published outbox rows are kept (for inspection). */
        @WithDefault("P7D")
        Duration publishedEvents();

        /** How long a consumer remembers an event id; longer than any redelivery can come late. */
        @WithDefault("P30D")
        Duration processedEvents();
    }

    /** What one pruning removed. */
    public record Pruned(long publishedEvents, long processedEvents) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    Settings settings;

    @Scheduled(every = "${collabnet.retention.prune-every:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() throws SQLException {
        Pruned pruned = prune();
        if (pruned.publishedEvents() + pruned.processedEvents() > 0) {
            LOG.infof("pruned %d published outbox rows and %d processed-event records", pruned.publishedEvents(),
                    pruned.processedEvents());
        }
    }

    /** Deletes what is older than the retention periods. */
    public Pruned prune() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new Pruned(
                deleteOlder("delete from outbox_event where id in (select id from outbox_event"
                        + " where published_at < ? limit " + CHUNK + ")", now.minus(settings.publishedEvents())),
                deleteOlder("delete from processed_event where (consumer, event_id) in (select consumer, event_id"
                        + " from processed_event where processed_at < ? limit " + CHUNK + ")", now.minus(settings.processedEvents())));
    }

    private long deleteOlder(String sql, OffsetDateTime cutoff) throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            int chunk;
            do {
                delete.setObject(1, cutoff);
                chunk = delete.executeUpdate();
                deleted += chunk;
            } while (chunk == CHUNK);
        }
        return deleted;
    }
}
