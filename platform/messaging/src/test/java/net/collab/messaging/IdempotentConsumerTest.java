package net.collab.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import net.collab.events.EventEnvelope;
import net.collab.events.Topics;
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
        var flaky = new net.collab.events.action.NeedPosted(needId, UUID.randomUUID(),
                net.collab.events.Vocabulary.ResourceCategory.SUPPLIES, TestApplication.FLAKY, java.math.BigDecimal.ONE, "只",
                net.collab.events.Vocabulary.Urgency.LOW, "110108010009", null, null, OffsetDateTime.now());
        try (TopicProbe deadLetters = TopicProbe.open("messaging-test.needs-test.dlq")) {
            UUID event = TestEvents.send(flaky);

            awaitEffect(event);

            assertThat(TestApplication.attempts.get(needId)).hasValue(3);
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
