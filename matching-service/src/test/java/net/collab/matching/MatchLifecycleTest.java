package net.collab.matching;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.action.OfferQuantityChanged;
import net.collab.events.action.OfferWithdrawn;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchProposed;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

/** Proposed → accepted | declined; accepted → delivered (in parts) → confirmed; each by the right party only. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MatchLifecycleTest {

    private static final String PROPOSED = "net.collab.match.proposed.v1";

    @Inject
    OrganizationReplica replica;

    private UUID organization(String admin) {
        UUID id = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(id).equals(Optional.of(OrganizationStatus.APPROVED)));
        return id;
    }

    private static String proposalFor(TopicProbe probe, NeedPosted need) {
        var record = probe.await(ofType(PROPOSED).and(r -> r.value().contains(need.needId().toString())), Duration.ofSeconds(20));
        return ((MatchProposed) EventCodec.fromJson(PROPOSED, record.value())).matchId().toString();
    }

    @Test
    void theProviderAcceptsAndDeliversInPartsAndTheRequesterConfirms() {
        String providerMember = "provider-" + UUID.randomUUID();
        UUID provider = organization(providerMember);
        String requesterMember = "requester-" + UUID.randomUUID();
        UUID requester = organization(requesterMember);
        String stranger = "stranger-" + UUID.randomUUID();
        organization(stranger);
        String item = "口罩-" + UUID.randomUUID();
        NeedPosted need = IncrementalMatchingTest.need(requester, item, 5, "370811012002");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(IncrementalMatchingTest.offer(provider, item, 10, "3708"));
            TestEvents.send(need);
            String match = proposalFor(probe, need);

            given().when().post("/matches/{id}/acceptance", match).then().statusCode(401);
            for (String outsider : new String[] {stranger, requesterMember}) {
                given().auth().oauth2(TestTokens.user(outsider)).when().post("/matches/{id}/acceptance", match)
                        .then().statusCode(403).contentType("application/problem+json");
            }
            given().auth().oauth2(TestTokens.user(providerMember)).when().post("/matches/{id}/acceptance", match)
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
            probe.awaitEvent("net.collab.match.accepted.v1", match);
            given().auth().oauth2(TestTokens.user(providerMember)).when().post("/matches/{id}/acceptance", match)
                    .then().statusCode(409);
            given().auth().oauth2(TestTokens.user(providerMember)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .when().post("/matches/{id}/decline", match).then().statusCode(409);

            Map<String, Object> three = Map.of("quantity", 3, "note", "第一批");
            given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(three)
                    .when().post("/matches/{id}/deliveries", match).then().statusCode(403);
            given().auth().oauth2(TestTokens.user(providerMember)).contentType(ContentType.JSON).body(three)
                    .when().post("/matches/{id}/deliveries", match)
                    .then().statusCode(201).body("match.quantityDelivered", equalTo(3.0f)).body("match.status", equalTo("ACCEPTED"));
            given().auth().oauth2(TestTokens.user(requesterMember)).when().post("/matches/{id}/confirmation", match)
                    .then().statusCode(409); // not everything has arrived
            given().auth().oauth2(TestTokens.user(providerMember)).contentType(ContentType.JSON).body(three)
                    .when().post("/matches/{id}/deliveries", match)
                    .then().statusCode(400).body("errors[0].field", equalTo("quantity"))
                    .body("errors[0].message", containsString("2 are left"));
            for (Object bad : new Object[] {0, -1, "lots"}) {
                given().auth().oauth2(TestTokens.user(providerMember)).contentType(ContentType.JSON).body(Map.of("quantity", bad))
                        .when().post("/matches/{id}/deliveries", match).then().statusCode(400);
            }
            given().auth().oauth2(TestTokens.user(providerMember)).contentType(ContentType.JSON).body(Map.of("quantity", 2))
                    .when().post("/matches/{id}/deliveries", match).then().statusCode(201).body("match.status", equalTo("DELIVERED"));
            var deliveries = probe.awaitEvents(2, ofType("net.collab.match.delivered.v1").and(about(match))).stream()
                    .map(record -> (MatchDelivered) EventCodec.fromJson("net.collab.match.delivered.v1", record.value())).toList();
            assertThat(deliveries).extracting(delivered -> delivered.quantityDelivered().intValue()).containsExactly(3, 5);

            given().when().post("/matches/{id}/confirmation", match).then().statusCode(401);
            given().auth().oauth2(TestTokens.user(providerMember)).when().post("/matches/{id}/confirmation", match)
                    .then().statusCode(403);
            given().auth().oauth2(TestTokens.user(requesterMember)).when().post("/matches/{id}/confirmation", match)
                    .then().statusCode(200).body("status", equalTo("CONFIRMED"));
            probe.awaitEvent("net.collab.match.confirmed.v1", match);
            given().auth().oauth2(TestTokens.user(stranger)).when().get("/matches/{id}", match).then().statusCode(403);
            given().auth().oauth2(TestTokens.user(requesterMember)).when().get("/matches/{id}", match)
                    .then().statusCode(200).body("confirmedAt", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void aDeclinedProposalReleasesItsQuantityAndTheNeedIsMatchedWithAnotherOfferAtOnce() {
        String decliner = "decliner-" + UUID.randomUUID();
        UUID declining = organization(decliner);
        String item = "轮椅-" + UUID.randomUUID();
        NeedPosted need = IncrementalMatchingTest.need(Parties.approved(replica), item, 2, "370811012002");
        OfferPosted first = IncrementalMatchingTest.offer(declining, item, 2, "370811");
        OfferPosted second = IncrementalMatchingTest.offer(Parties.approved(replica), item, 2, "3708");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(first);
            TestEvents.send(need);
            String match = proposalFor(probe, need);
            // The second offer arrives while the need is covered: nothing is proposed from it yet.
            TestEvents.send(second);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offerKnown(second.offerId()));
            given().when().get("/needs/{id}/matches", need.needId()).then().body("items", hasSize(1));

            given().auth().oauth2(TestTokens.user(decliner)).contentType(ContentType.JSON).body(Map.of("reason", " "))
                    .when().post("/matches/{id}/decline", match).then().statusCode(400).body("errors[0].field", equalTo("reason"));
            given().auth().oauth2(TestTokens.user(decliner)).contentType(ContentType.JSON).body(Map.of("reason", "库存不足"))
                    .when().post("/matches/{id}/decline", match).then().statusCode(200).body("declineReason", equalTo("库存不足"));
            var declined = (MatchDeclined) EventCodec.fromJson("net.collab.match.declined.v1",
                    probe.awaitEvent("net.collab.match.declined.v1", match).value());
            assertThat(declined.reason()).isEqualTo("库存不足");

            // In the same transaction as the decline, the need takes the second offer (never the first again).
            var again = probe.await(ofType(PROPOSED).and(r -> r.value().contains(need.needId().toString())
                    && !r.key().equals(match)), Duration.ofSeconds(20));
            assertThat(((MatchProposed) EventCodec.fromJson(PROPOSED, again.value())).offerId()).isEqualTo(second.offerId());
            // The public list of a need's matches does not carry the reasons the parties wrote.
            given().when().get("/needs/{id}/matches", need.needId()).then().body("items", hasSize(2))
                    .body("items[0].status", equalTo("DECLINED")).body("items[0]", not(hasKey("declineReason")));
        }
    }

    /** What is free after a decline is the offer's whole quantity less what still holds, even after the offer shrank. */
    @Test
    void aDeclineAfterTheOfferShrankFreesOnlyWhatTheOfferStillHas() {
        String decliner = "decliner-" + UUID.randomUUID();
        UUID declining = organization(decliner);
        String item = "消毒液-" + UUID.randomUUID();
        NeedPosted need = IncrementalMatchingTest.need(Parties.approved(replica), item, 10, "370811012002");
        OfferPosted offer = IncrementalMatchingTest.offer(declining, item, 10, "3708");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer);
            TestEvents.send(need);
            String match = proposalFor(probe, need);
            UUID shrink = TestEvents.send(new OfferQuantityChanged(offer.offerId(), declining, new BigDecimal(4), new BigDecimal(10),
                    OffsetDateTime.now()));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processed(shrink));
            given().auth().oauth2(TestTokens.user(decliner)).contentType(ContentType.JSON).body(Map.of("reason", "只剩4瓶"))
                    .when().post("/matches/{id}/decline", match).then().statusCode(200);

            NeedPosted other = IncrementalMatchingTest.need(Parties.approved(replica), item, 10, "370811012007");
            TestEvents.send(other);
            var record = probe.await(ofType(PROPOSED).and(r -> r.value().contains(other.needId().toString())), Duration.ofSeconds(20));
            assertThat(((MatchProposed) EventCodec.fromJson(PROPOSED, record.value())).quantity()).isEqualByComparingTo("4");
        }
    }

    /**
     * A withdrawn need's proposals and accepted matches are cancelled (MatchCancelled), and what they
     * held is offered to the other open needs at once; an offer withdrawn cancels only its proposals.
     */
    @Test
    void closingANeedCancelsItsMatchesAndFreesTheirQuantity() {
        String providerMember = "provider-" + UUID.randomUUID();
        UUID provider = organization(providerMember);
        String item = "米-" + UUID.randomUUID();
        NeedPosted first = IncrementalMatchingTest.need(Parties.approved(replica), item, 3, "370811012002");
        NeedPosted second = IncrementalMatchingTest.need(Parties.approved(replica), item, 3, "370811012007");
        OfferPosted offer = IncrementalMatchingTest.offer(provider, item, 3, "3708");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer);
            TestEvents.send(first);
            String match = proposalFor(probe, first);
            given().auth().oauth2(TestTokens.user(providerMember)).when().post("/matches/{id}/acceptance", match)
                    .then().statusCode(200);
            TestEvents.send(second); // nothing left for it
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(second.needId()));

            TestEvents.send(new NeedWithdrawn(first.needId(), first.organizationId(), "已解决"));
            var cancelled = (MatchCancelled) EventCodec.fromJson("net.collab.match.cancelled.v1",
                    probe.awaitEvent("net.collab.match.cancelled.v1", match).value());
            assertThat(cancelled.reason()).contains("withdrawn");
            String secondMatch = proposalFor(probe, second);
            given().auth().oauth2(TestTokens.user(providerMember)).when().post("/matches/{id}/acceptance", match)
                    .then().statusCode(409);

            // The offer is withdrawn: its proposal to the second need is cancelled too.
            TestEvents.send(new OfferWithdrawn(offer.offerId(), provider, "用完了"));
            probe.awaitEvent("net.collab.match.cancelled.v1", secondMatch);
            given().auth().oauth2(TestTokens.user(providerMember)).when().get("/matches/{id}", secondMatch)
                    .then().body("status", equalTo("CANCELLED")).body("cancelReason", containsString("offer"));
        }
    }

    @Inject
    javax.sql.DataSource dataSource;

    private boolean offerKnown(UUID offerId) throws Exception {
        return count("select count(*) from offer_replica where id = '" + offerId + "'") == 1;
    }

    private boolean needKnown(UUID needId) throws Exception {
        return count("select count(*) from need_replica where id = '" + needId + "'") == 1;
    }

    private boolean processed(UUID eventId) throws Exception {
        return count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1;
    }

    private long count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
