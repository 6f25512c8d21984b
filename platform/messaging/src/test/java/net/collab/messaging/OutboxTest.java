package net.collab.messaging;

import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.header;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.testing.DevStackResource;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class OutboxTest {

    private static final String NEED_POSTED = "net.collab.need.posted.v1";

    @Inject
    TestApplication application;

    @Inject
    DataSource dataSource;

    @Test
    void committedChangeIsPublishedOnceAsACloudEvent() throws Exception {
        UUID id = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            application.createWidgetWithEvent(id);

            var record = probe.awaitEvent(NEED_POSTED, id.toString());

            assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo("messaging-test");
            assertThat(header(record, "ce_subject")).isEqualTo(id.toString());
            assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isBeforeOrEqualTo(OffsetDateTime.now());
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(EventCodec.fromJson(NEED_POSTED, record.value()).aggregateId()).isEqualTo(id.toString());
            assertThat(probe.seen(ofType(NEED_POSTED).and(about(id.toString())))).hasSize(1);
            // The relay marks the row after the broker acknowledged it, so a little after the probe saw the event.
            awaitScalar("select count(*) from outbox_event where aggregate_id = '" + id + "' and published_at is not null", 1);
        }
    }

    @Test
    void rolledBackChangeLeavesNoEvent() throws Exception {
        UUID failed = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            assertThatThrownBy(() -> application.createWidgetWithEventThenFail(failed)).isInstanceOf(IllegalStateException.class);
            application.createWidgetWithEvent(later);

            probe.awaitEvent(NEED_POSTED, later.toString());

            assertThat(scalar("select count(*) from test_widget where id = '" + failed + "'")).isZero();
            assertThat(scalar("select count(*) from outbox_event where aggregate_id = '" + failed + "'")).isZero();
            assertThat(probe.seen(about(failed.toString()))).isEmpty();
        }
    }

    /** What a process killed between commit and publication leaves behind: a committed, unpublished row. */
    @Test
    void rowsLeftUnpublishedByADeadProcessArePublished() throws Exception {
        UUID id = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            insertUnpublished(id, EventCodec.toJson(TestApplication.need(id)));

            probe.awaitEvent(NEED_POSTED, id.toString());

            awaitScalar("select count(*) from outbox_event where aggregate_id = '" + id + "' and published_at is null", 0);
        }
    }

    @Test
    void eventsOfOneAggregateArePublishedInCommitOrder() throws Exception {
        UUID first = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            // Three rows for one aggregate committed together; the payload's area code tells them apart.
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < 3; i++) {
                    try (var insert = connection.prepareStatement("""
                            insert into outbox_event (id, topic, aggregate_id, event_type, occurred_at, payload)
                            values (?, ?, ?, ?, now(), ?)""")) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, Topics.NEEDS);
                        insert.setString(3, first.toString());
                        insert.setString(4, NEED_POSTED);
                        insert.setString(5, EventCodec.toJson(TestApplication.need(first)).replace("110108010009", "order-" + i));
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            }

            probe.await(record -> record.value().contains("order-2"), java.time.Duration.ofSeconds(20));

            assertThat(probe.seen(about(first.toString()))).extracting(record -> record.value().replaceAll(".*(order-\\d).*", "$1"))
                    .containsExactly("order-0", "order-1", "order-2");
        }
    }

    /** The relay holds its lock on a session of its own; when that session dies, it takes a new one. */
    @Test
    void theRelayCarriesOnWhenItsDatabaseSessionIsKilled() throws Exception {
        String relaySession = "from pg_locks where locktype = 'advisory' and classid = 0 and objid = " + 0x0c011ab0L;
        awaitScalar("select count(*) " + relaySession, 1);
        scalar("select count(pg_terminate_backend(pid)) " + relaySession);

        UUID id = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            application.createWidgetWithEvent(id);

            probe.awaitEvent(NEED_POSTED, id.toString());
        }
        awaitScalar("select count(*) " + relaySession, 1);
    }

    /** Too large for the broker: set aside with its reason, reported by readiness, and the events behind it go out. */
    @Test
    void anEventTheBrokerCanNeverTakeIsSetAsideAndTheEventsBehindItGoOut() throws Exception {
        UUID huge = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            insertUnpublished(huge, EventCodec.toJson(TestApplication.need(huge)).replace("110108010009", "x".repeat(1_200_000)));
            application.createWidgetWithEvent(after);

            probe.awaitEvent(NEED_POSTED, after.toString());
            awaitScalar("select count(*) from outbox_event where aggregate_id = '" + huge
                    + "' and parked_at is not null and park_reason like '%RecordTooLarge%'", 1);
            assertThat(probe.seen(about(huge.toString()))).isEmpty();
        }
        // Reported (the service stays ready: everything behind it went out) until someone deals with it.
        io.restassured.RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.set-aside", org.hamcrest.Matchers.equalTo(1));
        scalar("with deleted as (delete from outbox_event where aggregate_id = '" + huge + "' returning 1) select count(*) from deleted");
        io.restassured.RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.set-aside", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theOutboxRefusesAnEventTooLargeForTheBrokerSoTheChangeFailsInstead() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> application.createWidgetWithEvent(id, "x".repeat(1_000_000)))
                .hasMessageContaining("more than an event may carry");
        try {
            assertThat(scalar("select count(*) from test_widget where id = '" + id + "'")).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Inject
    OutboxRelay relay;

    @Test
    void theRelaysProducerTakesTheServicesKafkaSettings() {
        var config = relay.producerConfig();
        assertThat(config.get("client.dns.lookup")).isEqualTo("use_all_dns_ips");
        assertThat(config.get("bootstrap.servers")).isNotNull();
        assertThat(config).doesNotContainKey("max.poll.records"); // a consumer's setting, not the producer's
        assertThat(config.get("max.block.ms")).isEqualTo("10000");
        assertThat(config.get("acks")).isEqualTo("all");
    }

    /** A committed, unpublished row, as the outbox writes it. */
    private void insertUnpublished(UUID aggregateId, String payload) throws Exception {
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into outbox_event (id, topic, aggregate_id, event_type, occurred_at, payload)
                values (?, ?, ?, ?, now(), ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.NEEDS);
            insert.setString(3, aggregateId.toString());
            insert.setString(4, NEED_POSTED);
            insert.setString(5, payload);
            insert.executeUpdate();
        }
    }

    private void awaitScalar(String sql, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scalar(sql) == expected);
    }

    private long scalar(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
