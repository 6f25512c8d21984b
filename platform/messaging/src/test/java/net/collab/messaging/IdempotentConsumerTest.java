package net.collab.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import net.collab.events.EventEnvelope;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedWithdrawn;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class IdempotentConsumerTest {

    @Inject
    DataSource dataSource;

    @Test
    void redeliveredEventTakesEffectOnce() throws Exception {
        UUID needId = UUID.randomUUID();
        UUID redelivered = UUID.randomUUID();
        TestEvents.send(TestApplication.need(needId), redelivered);
        TestEvents.send(TestApplication.need(needId), redelivered);
        // Same key, so same partition: once this one is handled, both deliveries before it were too.
        UUID marker = TestEvents.send(new NeedWithdrawn(needId, UUID.randomUUID(), "marker"));

        awaitEffect(marker);

        assertThat(count("select count(*) from test_effect where event_id = '" + redelivered + "'")).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = 'needs-test' and event_id = '" + redelivered + "'"))
                .isEqualTo(1);
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        UUID needId = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.open("messaging-test.needs-test.dlq")) {
            TestEvents.sendRaw(Topics.NEEDS, needId.toString(),
                    new EventEnvelope(poison, "test", "net.collab.need.posted.v1", needId.toString(), OffsetDateTime.now()),
                    "{this is not json");
            UUID good = TestEvents.send(TestApplication.need(needId));

            awaitEffect(good);
            var deadLetter = deadLetters.await(record -> needId.toString().equals(record.key()), Duration.ofSeconds(20));

            assertThat(deadLetter.value()).isEqualTo("{this is not json");
            assertThat(TopicProbe.header(deadLetter, "ce_id")).isEqualTo(poison.toString());
            assertThat(TopicProbe.header(deadLetter, "dead-letter-reason")).contains("malformed");
            assertThat(count("select count(*) from test_effect where event_id = '" + poison + "'")).isZero();
            assertThat(count("select count(*) from processed_event where event_id = '" + poison + "'")).isZero();
        }
    }

    @Test
    void aTransientFailureIsRetriedInAFreshTransactionAndTakesEffectOnce() throws Exception {
        UUID needId = UUID.randomUUID();
        var flaky = need(needId, TestApplication.FLAKY);
        try (TopicProbe deadLetters = TopicProbe.open("messaging-test.needs-test.dlq")) {
            UUID event = TestEvents.send(flaky);

            awaitEffect(event);

            assertThat(TestApplication.attempts.get(needId)).hasValue(3);
            assertThat(count("select count(*) from test_effect where event_id = '" + event + "'")).isEqualTo(1);
            assertThat(deadLetters.seen(record -> needId.toString().equals(record.key()))).isEmpty();
        }
    }

    /** One poll brings all of them: the batch fails, its records are tried alone, only the broken one is lost to the DLQ. */
    @Test
    void aRecordThatAlwaysFailsIsDeadLetteredAndItsBatchNeighboursTakeEffectOnce() throws Exception {
        UUID needId = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.open("messaging-test.needs-test.dlq")) {
            List<NeedPosted> events = new ArrayList<>();
            for (int i = 0; i < 41; i++) {
                events.add(i == 20 ? need(needId, TestApplication.BROKEN) : TestApplication.need(needId));
            }
            List<UUID> ids = TestEvents.sendAll(events);
            UUID broken = ids.get(20);
            List<UUID> before = ids.subList(0, 20);
            List<UUID> after = ids.subList(21, 41);

            awaitEffect(after.get(after.size() - 1));
            var deadLetter = deadLetters.await(record -> broken.toString().equals(TopicProbe.header(record, "ce_id")),
                    Duration.ofSeconds(30));

            assertThat(TopicProbe.header(deadLetter, "dead-letter-reason")).isEqualTo("this need can never be handled");
            assertThat(TopicProbe.header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.NEEDS);
            assertThat(TopicProbe.header(deadLetter, "dead-letter-consumer")).isEqualTo("needs-test");
            for (UUID event : concat(before, after)) {
                assertThat(count("select count(*) from test_effect where event_id = '" + event + "'")).as("effect of %s", event)
                        .isEqualTo(1);
            }
            assertThat(count("select count(*) from test_effect where event_id = '" + broken + "'")).isZero();
            assertThat(count("select count(*) from processed_event where event_id = '" + broken + "'")).isZero();
            assertThat(deadLetters.seen(record -> needId.toString().equals(record.key()))).hasSize(1);
        }
    }

    /** Effects in the order of the topic: the last event of the key is also the last effect written. */
    @Test
    void aBatchTakesEffectInTheOrderOfItsRecords() throws Exception {
        UUID needId = UUID.randomUUID();
        List<NeedPosted> needs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            needs.add(TestApplication.need(needId));
        }
        List<UUID> events = TestEvents.sendAll(needs);

        awaitEffect(events.get(events.size() - 1));

        List<UUID> applied = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("select event_id from test_effect where need_id = '" + needId + "' order by id")) {
            while (result.next()) {
                applied.add(result.getObject(1, UUID.class));
            }
        }
        assertThat(applied).containsExactlyElementsOf(events);
    }

    private static NeedPosted need(UUID needId, String item) {
        return new NeedPosted(needId, UUID.randomUUID(), ResourceCategory.SUPPLIES, item, java.math.BigDecimal.ONE, "只",
                Urgency.LOW, "110108010009", null, null, OffsetDateTime.now());
    }

    private static List<UUID> concat(List<UUID> first, List<UUID> second) {
        List<UUID> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A transient failure is never a reason to dead-letter: the consumer waits it out, beyond max-attempts. */
    @Test
    void aTransientDatabaseFailureIsRetriedUntilItPassesAndNeverDeadLettered() throws Exception {
        UUID needId = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.open("messaging-test.needs-test.dlq")) {
            UUID event = TestEvents.send(need(needId, TestApplication.CONTENDED));

            awaitEffect(event);

            assertThat(TestApplication.attempts.get(needId)).hasValue(8);
            assertThat(count("select count(*) from test_effect where event_id = '" + event + "'")).isEqualTo(1);
            assertThat(deadLetters.seen(record -> needId.toString().equals(record.key()))).isEmpty();
        }
    }

    @Test
    void eventOfATypeThisVersionDoesNotKnowIsSkipped() throws Exception {
        UUID needId = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        TestEvents.sendRaw(Topics.NEEDS, needId.toString(),
                new EventEnvelope(unknown, "test", "net.collab.need.reprioritized.v1", needId.toString(), OffsetDateTime.now()),
                "{}");
        UUID marker = TestEvents.send(TestApplication.need(needId));

        awaitEffect(marker);

        assertThat(count("select count(*) from test_effect where event_id = '" + unknown + "'")).isZero();
    }

    /** A type the catalog knows, but of another topic: dead-lettered, never silently marked processed. */
    @Test
    void anEventOfAnotherTopicsTypeIsDeadLetteredNotIgnored() throws Exception {
        UUID offerId = UUID.randomUUID();
        UUID stray = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.open("messaging-test.needs-test.dlq")) {
            var offer = new net.collab.events.action.OfferWithdrawn(offerId, UUID.randomUUID(), "used up");
            TestEvents.sendRaw(Topics.NEEDS, offerId.toString(),
                    new EventEnvelope(stray, "test", "net.collab.offer.withdrawn.v1", offerId.toString(), OffsetDateTime.now()),
                    net.collab.events.EventCodec.toJson(offer));
            UUID marker = TestEvents.send(TestApplication.need(UUID.randomUUID()));

            awaitEffect(marker);
            var deadLetter = deadLetters.await(record -> offerId.toString().equals(record.key()), Duration.ofSeconds(20));
            assertThat(TopicProbe.header(deadLetter, "dead-letter-reason")).contains("NeedEvent");
            assertThat(count("select count(*) from processed_event where event_id = '" + stray + "'")).isZero();
        }
    }

    private void awaitEffect(UUID eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from test_effect where event_id = '" + eventId + "'") > 0);
    }

    private long count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
