package net.collab.matching;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.OfferQuantityChanged;
import net.collab.events.matching.MatchProposed;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IncrementalMatchingTest {

    private static final String PROPOSED = "net.collab.match.proposed.v1";

    @Inject
    OrganizationReplica replica;

    static NeedPosted need(UUID organization, String item, int quantity, String area) {
        return new NeedPosted(UUID.randomUUID(), organization, ResourceCategory.SUPPLIES, item, new BigDecimal(quantity), "只",
                Urgency.HIGH, area, "孤寡老人", null, OffsetDateTime.now());
    }

    static OfferPosted offer(UUID organization, String item, int quantity, String area) {
        return new OfferPosted(UUID.randomUUID(), organization, ResourceCategory.SUPPLIES, item, new BigDecimal(quantity), "只",
                area, null, OffsetDateTime.now());
    }

    @Test
    void offerThatCoversTheNeedsPlaceIsProposedOnceEvenWhenTheNeedIsRedelivered() {
        String item = "口罩-" + UUID.randomUUID();
        UUID provider = Parties.approved(replica);
        UUID requester = Parties.approved(replica);
        OfferPosted offer = offer(provider, item, 300, "370811");
        NeedPosted need = need(requester, item, 500, "370811012002");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer);
            UUID needEvent = TestEvents.send(need);
            TestEvents.send(need, needEvent);

            var record = probe.await(ofType(PROPOSED).and(r -> r.value().contains(need.needId().toString())), Duration.ofSeconds(20));
            var proposed = (MatchProposed) EventCodec.fromJson(PROPOSED, record.value());
            assertThat(proposed.offerId()).isEqualTo(offer.offerId());
            assertThat(proposed.providerOrganizationId()).isEqualTo(provider);
            assertThat(proposed.requesterOrganizationId()).isEqualTo(requester);
            assertThat(proposed.quantity()).isEqualByComparingTo("300"); // all the offer has, part of the need
            assertThat(proposed.explanation()).contains("370811").contains("370811012002");

            given().when().get("/needs/{id}/matches", need.needId())
                    .then().statusCode(200).body("items", hasSize(1)).body("items[0].quantity", equalTo(300.0f));
        }
    }

    @Test
    void offersElsewhereOrOfAnotherItemOrFromTheSameOrganizationAreNotProposed() {
        String item = "消毒液-" + UUID.randomUUID();
        UUID requester = Parties.approved(replica);
        NeedPosted need = need(requester, item, 10, "110108010009");
        TestEvents.send(offer(Parties.approved(replica), item, 10, "370811"));            // another city
        TestEvents.send(offer(Parties.approved(replica), item + "-其他", 10, "110108")); // another item
        TestEvents.send(offer(requester, item, 10, "110108"));                   // the requester itself
        OfferPosted fitting = offer(Parties.approved(replica), item, 4, "110108010");
        TestEvents.send(need);
        TestEvents.send(fitting);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when()
                .get("/needs/{id}/matches", need.needId()).then().body("items", hasSize(1)));
        given().when().get("/needs/{id}/matches", need.needId())
                .then().body("items[0].offerId", equalTo(fitting.offerId().toString()));
    }

    @Test
    void organizationMatchesAreForItsMembersAndTheCoordinator() {
        String member = "provider-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(member);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> replica.status(provider).equals(java.util.Optional.of(OrganizationStatus.APPROVED)));
        String item = "轮椅-" + UUID.randomUUID();
        NeedPosted need = need(Parties.approved(replica), item, 2, "350302");
        TestEvents.send(offer(provider, item, 5, "3503"));
        TestEvents.send(need);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.user(member)).when().get("/matches?org={org}", provider)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].needId", equalTo(need.needId().toString())));
        given().auth().oauth2(TestTokens.coordinator("coordinator")).when().get("/matches?org={org}", provider)
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.user("stranger")).when().get("/matches?org={org}", provider)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(member)).when().get("/matches")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(member)).when().get("/matches?org=not-an-id")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("org"));
        given().auth().oauth2(TestTokens.user(member)).when().get("/matches?org={org}&page=-1", provider)
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().when().get("/matches?org={org}", provider).then().statusCode(401);
    }

    @Test
    void aHubsAdministratorSeesTheMatchesOfTheGroupItSponsors() {
        String hubAdmin = "hub-admin-" + UUID.randomUUID();
        UUID hub = TestOrganizations.approvedHub(hubAdmin);
        UUID group = TestOrganizations.approvedSponsoredBy(hub, "group-admin-" + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> replica.status(group).isPresent() && replica.status(hub).isPresent());
        String item = "口罩-" + UUID.randomUUID();
        NeedPosted need = need(group, item, 3, "350302");
        TestEvents.send(offer(Parties.approved(replica), item, 5, "3503"));
        TestEvents.send(need);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.user(hubAdmin)).when().get("/matches?org={org}", group)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].needId", equalTo(need.needId().toString())));
        String matchId = given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/matches?org={org}", group)
                .then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/matches/{id}", matchId).then().statusCode(200);
        given().auth().oauth2(TestTokens.user("stranger")).when().get("/matches/{id}", matchId).then().statusCode(403);
    }

    /** A paused need (its organization suspended) is proposed nothing; resumed, it is matched with what is open. */
    @Test
    void aPausedNeedIsProposedNothingUntilItIsResumed() throws Exception {
        String item = "药品-" + UUID.randomUUID();
        UUID requester = Parties.approved(replica);
        NeedPosted need = need(requester, item, 10, "370811012002");
        TestEvents.send(need);
        TestEvents.send(new net.collab.events.action.NeedPaused(need.needId(), requester));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pausedNeedClosed(need.needId()));
        OfferPosted offer = offer(Parties.approved(replica), item, 10, "3708");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offerKnown(offer.offerId()));
            // The offer's transaction has committed: any proposal it made would be in the table now.
            assertThat(scalar("select count(*) from match where need_id = '" + need.needId() + "'")).isZero();

            TestEvents.send(new net.collab.events.action.NeedResumed(need.needId(), requester));
            var record = probe.await(ofType(PROPOSED).and(r -> r.value().contains(need.needId().toString())), Duration.ofSeconds(20));
            assertThat(((MatchProposed) EventCodec.fromJson(PROPOSED, record.value())).offerId()).isEqualTo(offer.offerId());
        }
    }

    /**
     * A district-wide offer covered a need in community 002 and so could not cover one in 007; an offer
     * for community 002 arrives: it takes over that proposal (not yet accepted), and the district-wide
     * offer goes to the need in 007. An accepted match is never moved.
     */
    @Test
    void aCloserOfferTakesOverAWiderOffersProposalWhichThenServesANeedOnlyItReaches() throws Exception {
        String item = "护理垫-" + UUID.randomUUID();
        String providerMember = "provider-" + UUID.randomUUID();
        OfferPosted district = offer(Parties.approved(replica, providerMember), item, 10, "370811");
        NeedPosted near = need(Parties.approved(replica), item, 10, "370811012002");
        NeedPosted elsewhere = need(Parties.approved(replica), item, 10, "370811012007");
        OfferPosted community = offer(Parties.approved(replica), item, 10, "370811012002");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(district);
            TestEvents.send(near);
            var first = (MatchProposed) EventCodec.fromJson(PROPOSED, probe.await(ofType(PROPOSED)
                    .and(r -> r.value().contains(near.needId().toString())), Duration.ofSeconds(20)).value());
            assertThat(first.offerId()).isEqualTo(district.offerId());
            TestEvents.send(elsewhere);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scalar(
                    "select count(*) from need_replica where id = '" + elsewhere.needId() + "'") == 1);
            TestEvents.send(community);

            var toElsewhere = (MatchProposed) EventCodec.fromJson(PROPOSED, probe.await(ofType(PROPOSED)
                    .and(r -> r.value().contains(elsewhere.needId().toString())), Duration.ofSeconds(20)).value());
            assertThat(toElsewhere.offerId()).isEqualTo(district.offerId());
            assertThat(toElsewhere.quantity()).isEqualByComparingTo("10");
            probe.await(ofType("net.collab.match.cancelled.v1").and(r -> r.value().contains(first.matchId().toString())),
                    Duration.ofSeconds(20));
            given().when().get("/needs/{id}/matches", near.needId()).then().statusCode(200)
                    .body("items.find { it.status == 'PROPOSED' }.offerId", equalTo(community.offerId().toString()))
                    .body("items.find { it.status == 'CANCELLED' }.offerId", equalTo(district.offerId().toString()));
            // Nothing promised twice, nothing lost: both offers fully proposed, both needs fully covered.
            assertThat(scalar("select count(*) from offer_replica where id in ('" + district.offerId() + "', '"
                    + community.offerId() + "') and quantity_available = 0")).isEqualTo(2);
            assertThat(scalar("select count(*) from need_replica where id in ('" + near.needId() + "', '"
                    + elsewhere.needId() + "') and quantity_covered = quantity")).isEqualTo(2);

            // Accepted, the match to the need in 007 stays where it is when an offer for 007 arrives.
            given().auth().oauth2(TestTokens.user(providerMember)).when().post("/matches/{id}/acceptance", toElsewhere.matchId())
                    .then().statusCode(200);
            OfferPosted closerStill = offer(Parties.approved(replica), item, 10, "370811012007");
            TestEvents.send(closerStill);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offerKnown(closerStill.offerId()));
            given().when().get("/needs/{id}/matches", elsewhere.needId()).then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].status", equalTo("ACCEPTED"));
        }
    }

    /** An offer that grows is offered again to the needs it could not cover; one that shrinks keeps what it proposed. */
    @Test
    void anOfferThatGrowsCoversWhatItCouldNotBefore() {
        String item = "血压计-" + UUID.randomUUID();
        UUID provider = Parties.approved(replica);
        OfferPosted offer = offer(provider, item, 3, "3708");
        NeedPosted first = need(Parties.approved(replica), item, 3, "370811012002");
        NeedPosted second = need(Parties.approved(replica), item, 5, "370811012007");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer);
            TestEvents.send(first);
            probe.await(ofType(PROPOSED).and(r -> r.value().contains(first.needId().toString())), Duration.ofSeconds(20));
            TestEvents.send(second);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scalar(
                    "select count(*) from need_replica where id = '" + second.needId() + "'") == 1);

            // Shrinking below what was proposed leaves nothing to offer (and the proposal stands).
            TestEvents.send(new OfferQuantityChanged(offer.offerId(), provider, new BigDecimal(2), new BigDecimal(3), OffsetDateTime.now()));
            TestEvents.send(new OfferQuantityChanged(offer.offerId(), provider, new BigDecimal(6), new BigDecimal(2), OffsetDateTime.now()));
            var record = probe.await(ofType(PROPOSED).and(r -> r.value().contains(second.needId().toString())), Duration.ofSeconds(20));
            // 3 proposed to the first need; at 2 nothing is left; at 6, 6 − 3 = 3 are left for the second need (not 2 + 4 − …).
            assertThat(((MatchProposed) EventCodec.fromJson(PROPOSED, record.value())).quantity()).isEqualByComparingTo("3");
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private boolean pausedNeedClosed(UUID needId) throws Exception {
        return scalar("select count(*) from need_replica where id = '" + needId + "' and not open") == 1;
    }

    private boolean offerKnown(UUID offerId) throws Exception {
        return scalar("select count(*) from offer_replica where id = '" + offerId + "'") == 1;
    }

    private long scalar(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
