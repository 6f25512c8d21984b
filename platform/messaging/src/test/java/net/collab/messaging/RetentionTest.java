package net.collab.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.action.NeedWithdrawn;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    DataSource dataSource;

    @Test
    void publishedOutboxRowsAndProcessedEventsOlderThanTheirRetentionArePrunedAndNothingElse() throws Exception {
        UUID oldPublished = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
        UUID oldUnpublished = outboxRow("now() - interval '8 days'", "null");
        UUID recentPublished = outboxRow("now() - interval '6 days'", "now() - interval '6 days'");
        UUID oldProcessed = processed("now() - interval '31 days'");
        UUID recentProcessed = processed("now() - interval '29 days'");

        Retention.Pruned pruned = retention.prune();

        assertThat(pruned.publishedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.processedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from outbox_event where id = '" + oldPublished + "'")).isZero();
        assertThat(count("select count(*) from outbox_event where id = '" + oldUnpublished + "'"))
                .as("an unpublished row is never pruned").isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where id = '" + recentPublished + "'")).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = '" + oldProcessed + "'")).isZero();
        assertThat(count("select count(*) from processed_event where event_id = '" + recentProcessed + "'")).isEqualTo(1);
    }

    @Test
    void aRedeliveryInsideTheRetentionWindowStillHasNoSecondEffect() throws Exception {
        UUID needId = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        TestEvents.send(TestApplication.need(needId), event);
        awaitEffect(event);

        retention.prune();
        TestEvents.send(TestApplication.need(needId), event);
        UUID marker = TestEvents.send(new NeedWithdrawn(needId, UUID.randomUUID(), "marker")); // same key, after it
        awaitEffect(marker);

        assertThat(count("select count(*) from test_effect where event_id = '" + event + "'")).isEqualTo(1);
    }

    private UUID outboxRow(String occurredAt, String publishedAt) throws Exception {
        UUID id = UUID.randomUUID();
        execute("insert into outbox_event (id, topic, aggregate_id, event_type, occurred_at, payload, published_at) values ('"
                + id + "', '" + Topics.NEEDS + "', 'retention-test', 'net.collab.need.posted.v1', " + occurredAt + ", '"
                + EventCodec.toJson(TestApplication.need(UUID.randomUUID())) + "', " + publishedAt + ")");
        return id;
    }

    private UUID processed(String processedAt) throws Exception {
        UUID id = UUID.randomUUID();
        execute("insert into processed_event (consumer, event_id, processed_at) values ('retention-test', '" + id + "', "
                + processedAt + ")");
        return id;
    }

    private void awaitEffect(UUID eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from test_effect where event_id = '" + eventId + "'") > 0);
    }

    private void execute(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
