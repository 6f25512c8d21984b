package net.collab.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.Topics;
import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchProposed;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

/** A need's status and its beneficiary's visibility follow what matching does (played here by sending its events). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NeedLifecycleTest {

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void places() {
        Network.awaitPlaces(areas);
    }

    private static String post(String member, UUID organization) {
        return given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(NeedsAndOffersTest.need(organization))
                .when().post("/needs").then().statusCode(201).extract().path("id");
    }

    private static void awaitStatus(String needId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/needs/{id}", needId)
                .then().body("status", equalTo(status)));
    }

    private static MatchProposed proposal(UUID need, UUID requester, UUID provider, int quantity) {
        return new MatchProposed(UUID.randomUUID(), need, UUID.randomUUID(), requester, provider, ResourceCategory.SERVICE, "送药",
                new BigDecimal(quantity), "次", "370811012002", "同一社区");
    }

    @Test
    void aNeedsStatusFollowsItsMatchesFromOpenToFulfilled() {
        String member = Network.person("member");
        UUID requester = Network.approved(replica, member);
        UUID provider = UUID.randomUUID();
        String needId = post(member, requester); // 12 次
        UUID need = UUID.fromString(needId);

        MatchProposed first = proposal(need, requester, provider, 8);
        MatchProposed second = proposal(need, requester, UUID.randomUUID(), 4);
        TestEvents.send(first);
        awaitStatus(needId, "PARTIALLY_MATCHED");
        TestEvents.send(second);
        awaitStatus(needId, "MATCHED");
        given().when().get("/needs?organizationId=" + requester).then().body("total", equalTo(0)); // nothing left to seek

        // A decline gives its quantity back: the need is sought again, on the board.
        TestEvents.send(new MatchDeclined(second.matchId(), need, second.offerId(), requester, second.providerOrganizationId(),
                new BigDecimal(4), "次", "人手不够", OffsetDateTime.now()));
        awaitStatus(needId, "PARTIALLY_MATCHED");
        given().when().get("/needs?organizationId=" + requester).then().body("items.id", contains(needId))
                .body("items[0].quantityMatched", equalTo(8.0f)).body("items[0].statusLabel", equalTo("部分匹配"));
        MatchProposed third = proposal(need, requester, provider, 4);
        TestEvents.send(third);
        awaitStatus(needId, "MATCHED");

        for (MatchProposed match : List.of(first, third)) {
            TestEvents.send(new MatchAccepted(match.matchId(), need, match.offerId(), requester, provider, match.quantity(), "次",
                    OffsetDateTime.now()));
        }
        TestEvents.send(new MatchDelivered(first.matchId(), UUID.randomUUID(), need, first.offerId(), requester, provider,
                new BigDecimal(8), new BigDecimal(8), new BigDecimal(8), "次", OffsetDateTime.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/needs/{id}", needId)
                .then().body("quantityDelivered", equalTo(8.0f)).body("status", equalTo("MATCHED")));
        TestEvents.send(new MatchDelivered(third.matchId(), UUID.randomUUID(), need, third.offerId(), requester, provider,
                new BigDecimal(4), new BigDecimal(4), new BigDecimal(4), "次", OffsetDateTime.now()));
        awaitStatus(needId, "DELIVERED");
        TestEvents.send(new MatchConfirmed(first.matchId(), need, first.offerId(), requester, provider, new BigDecimal(8), "次",
                OffsetDateTime.now()));
        TestEvents.send(new MatchConfirmed(third.matchId(), need, third.offerId(), requester, provider, new BigDecimal(4), "次",
                OffsetDateTime.now()));
        awaitStatus(needId, "FULFILLED");
        given().when().get("/needs/{id}", needId).then().body("quantityReceived", equalTo(12.0f)).body("statusLabel", equalTo("已完成"));

        // Fulfilled is final: nothing to withdraw.
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/needs/{id}/withdrawal", needId).then().statusCode(409);
    }

    @Test
    void aNeedPastItsDeadlineExpiresAndTheNetworkHearsOfIt() throws Exception {
        String member = Network.person("member");
        UUID requester = Network.approved(replica, member);
        var need = NeedsAndOffersTest.need(requester);
        need.put("deadline", OffsetDateTime.now().plusSeconds(2).toString());
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            String needId = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need)
                    .when().post("/needs").then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
            probe.awaitEvent("net.collab.need.expired.v1", needId);
            given().when().get("/needs/{id}", needId).then().body("status", equalTo("EXPIRED")).body("statusLabel", equalTo("已过期"));
            given().when().get("/needs?organizationId=" + requester).then().body("items.id", not(hasItem(needId)));
        }
    }

    /**
     * Who reads a beneficiary's details, on every path: the requesting organization, its sponsoring
     * hub's administrators, a provider whose match was accepted (until receipt is confirmed) and the
     * coordinator; no one else, and no public page.
     */
    @Test
    void theBeneficiarysDetailsAreForTheirReadersOnlyOnEveryPath() {
        String hubAdmin = Network.person("hub-admin");
        UUID hub = hubOrganization(hubAdmin);
        String member = Network.person("member");
        UUID requester = TestOrganizations.approvedSponsoredBy(hub, member);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(requester).isPresent());
        String providerMember = Network.person("provider");
        UUID provider = Network.approved(replica, providerMember);
        String proposedOnly = Network.person("proposed-only");
        UUID proposedProvider = Network.approved(replica, proposedOnly);
        String stranger = Network.person("stranger");
        Network.approved(replica, stranger);
        String needId = post(member, requester);
        UUID need = UUID.fromString(needId);

        MatchProposed accepted = proposal(need, requester, provider, 6);
        MatchProposed proposed = proposal(need, requester, proposedProvider, 6);
        TestEvents.send(accepted);
        TestEvents.send(proposed);
        TestEvents.send(new MatchAccepted(accepted.matchId(), need, accepted.offerId(), requester, provider, accepted.quantity(),
                "次", OffsetDateTime.now()));

        Map<String, Integer> readers = Map.of(member, 200, hubAdmin, 200, providerMember, 200, proposedOnly, 403, stranger, 403);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(providerMember))
                .when().get("/needs/{id}/beneficiary", needId).then().statusCode(200).body("name", equalTo("王奶奶")));
        readers.forEach((reader, status) -> given().auth().oauth2(TestTokens.user(reader))
                .when().get("/needs/{id}/beneficiary", needId).then().statusCode(status));
        given().auth().oauth2(TestTokens.coordinator("coordinator-7")).when().get("/needs/{id}/beneficiary", needId)
                .then().statusCode(200).body("phone", equalTo("13800000000"));
        given().when().get("/needs/{id}/beneficiary", needId).then().statusCode(401);

        // The audit log: every read, in its capacity; for the requester, its hub and the coordinator, not the provider.
        given().auth().oauth2(TestTokens.user(member)).when().get("/needs/{id}/beneficiary/accesses", needId)
                .then().statusCode(200).body("items.asRole", org.hamcrest.Matchers.hasItems("REQUESTING_ORGANIZATION",
                        "SPONSORING_HUB", "ACCEPTED_PROVIDER", "COORDINATOR"))
                .body("total", equalTo(5));
        for (String outsider : List.of(providerMember, proposedOnly, stranger)) {
            given().auth().oauth2(TestTokens.user(outsider)).when().get("/needs/{id}/beneficiary/accesses", needId)
                    .then().statusCode(403);
        }
        given().when().get("/needs/{id}/beneficiary/accesses", needId).then().statusCode(401);

        // No public path carries it.
        String everythingPublic = String.join("\n",
                given().when().get("/needs/{id}", needId).then().statusCode(200).extract().asString(),
                given().when().get("/needs?organizationId=" + requester).then().extract().asString(),
                given().when().get("/actions?organizationId=" + requester).then().extract().asString(),
                given().when().get("/ledgers/{o}", requester).then().extract().asString());
        assertThat(everythingPublic).contains(needId).doesNotContain("王奶奶").doesNotContain("13800000000").doesNotContain("3号楼");

        // Receipt confirmed: the provider's sight of the beneficiary ends.
        TestEvents.send(new MatchConfirmed(accepted.matchId(), need, accepted.offerId(), requester, provider, accepted.quantity(), "次",
                OffsetDateTime.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(providerMember))
                .when().get("/needs/{id}/beneficiary", needId).then().statusCode(403));
        given().auth().oauth2(TestTokens.user(member)).when().get("/needs/{id}/beneficiary", needId).then().statusCode(200);
    }

    /** A withdrawn need ends every provider's sight of its beneficiary at once, whatever matching still has to say. */
    @Test
    void withdrawingANeedEndsTheAcceptedProvidersSightOfTheBeneficiary() {
        String member = Network.person("member");
        UUID requester = Network.approved(replica, member);
        String providerMember = Network.person("provider");
        UUID provider = Network.approved(replica, providerMember);
        String needId = post(member, requester);
        UUID need = UUID.fromString(needId);
        MatchProposed match = proposal(need, requester, provider, 12);
        TestEvents.send(match);
        TestEvents.send(new MatchAccepted(match.matchId(), need, match.offerId(), requester, provider, match.quantity(), "次",
                OffsetDateTime.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(providerMember))
                .when().get("/needs/{id}/beneficiary", needId).then().statusCode(200));

        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("reason", "已解决"))
                .when().post("/needs/{id}/withdrawal", needId).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestTokens.user(providerMember)).when().get("/needs/{id}/beneficiary", needId).then().statusCode(403);

        // An acceptance arriving after the need closed grants nothing.
        MatchProposed late = proposal(need, requester, provider, 1);
        TestEvents.send(new MatchAccepted(late.matchId(), need, late.offerId(), requester, provider, late.quantity(), "次",
                OffsetDateTime.now()));
        UUID marker = TestEvents.send(late); // processed after the acceptance: same key, same partition
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processed(marker));
        given().auth().oauth2(TestTokens.user(providerMember)).when().get("/needs/{id}/beneficiary", needId).then().statusCode(403);
    }

    /**
     * A suspended organization's needs are all paused, matched ones too, so that a decline meanwhile
     * does not bring one back to the board; a need that expired while paused stays expired on reinstatement.
     */
    @Test
    void suspensionPausesMatchedNeedsAndANeedThatExpiredMeanwhileDoesNotComeBack() throws Exception {
        String member = Network.person("member");
        UUID requester = Network.approved(replica, member);
        String matchedId = post(member, requester);
        UUID matched = UUID.fromString(matchedId);
        MatchProposed match = proposal(matched, requester, UUID.randomUUID(), 12);
        TestEvents.send(match);
        awaitStatus(matchedId, "MATCHED");
        var expiring = NeedsAndOffersTest.need(requester);
        expiring.put("deadline", OffsetDateTime.now().plusSeconds(3).toString());
        String expiringId = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(expiring)
                .when().post("/needs").then().statusCode(201).extract().path("id");
        String openId = post(member, requester);

        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            TestOrganizations.suspend(requester, member);
            probe.awaitEvent("net.collab.need.paused.v1", matchedId);
            probe.awaitEvent("net.collab.need.expired.v1", expiringId);

            TestEvents.send(new MatchDeclined(match.matchId(), matched, match.offerId(), requester, match.providerOrganizationId(),
                    match.quantity(), "次", "人手不够", OffsetDateTime.now()));
            awaitStatus(matchedId, "OPEN");
            given().when().get("/needs?organizationId=" + requester).then().body("total", equalTo(0)); // all paused

            TestOrganizations.reinstate(requester, member);
            probe.awaitEvent("net.collab.need.resumed.v1", openId);
            probe.awaitEvent("net.collab.need.resumed.v1", matchedId);
            assertThat(probe.seen(TopicProbe.ofType("net.collab.need.resumed.v1").and(TopicProbe.about(expiringId)))).isEmpty();
            given().when().get("/needs/{id}", expiringId).then().body("status", equalTo("EXPIRED"));
            given().when().get("/needs?organizationId=" + requester).then().body("items.id", org.hamcrest.Matchers
                    .containsInAnyOrder(openId, matchedId));
        }
    }

    @Inject
    javax.sql.DataSource dataSource;

    private boolean processed(UUID eventId) throws Exception {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select 1 from processed_event where event_id = ?")) {
            query.setObject(1, eventId);
            try (var result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** An approved hub (HUB_ORGANIZATION) with one administrator, once replicated. */
    private UUID hubOrganization(String admin) {
        UUID hub = TestOrganizations.approvedHub(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(hub).isPresent());
        return hub;
    }
}
