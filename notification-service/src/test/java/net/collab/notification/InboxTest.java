package net.collab.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.matching.MatchProposed;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MAIL, value = "true"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxTest {

    @Inject
    OrganizationReplica replica;

    @Test
    void bothSidesOfAProposedMatchFindItInTheirInboxOnceAndOthersDoNot() {
        String providerMember = "provider-" + UUID.randomUUID();
        String requesterMember = "requester-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(providerMember);
        UUID requester = TestOrganizations.approved(requesterMember);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent()
                && replica.status(requester).equals(java.util.Optional.of(OrganizationStatus.APPROVED)));
        MatchProposed match = new MatchProposed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), requester, provider,
                ResourceCategory.SERVICE, "送药", new BigDecimal("12"), "次", "370811012002", "同类同项 explanation");

        UUID eventId = TestEvents.send(match);
        TestEvents.send(match, eventId); // redelivery

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.user(providerMember)).when().get("/inbox")
                .then().statusCode(200).body("items", hasSize(1)));
        given().auth().oauth2(TestTokens.user(providerMember)).when().get("/inbox")
                .then().body("total", equalTo(1))
                .body("items[0].kind", equalTo("MATCH_PROPOSED"))
                .body("items[0].aboutId", equalTo(match.matchId().toString()))
                .body("items[0].title", containsString("送药"))
                .body("items[0].body", containsString("测试组织-" + requester));
        given().auth().oauth2(TestTokens.user(requesterMember)).when().get("/inbox")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].title", containsString("您的需求有了匹配"));
        given().auth().oauth2(TestTokens.user("stranger-" + UUID.randomUUID())).when().get("/inbox")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
        given().when().get("/inbox").then().statusCode(401);
    }

    @Test
    void aLongItemNameStillReachesTheInbox() {
        String providerMember = "provider-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(providerMember);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent());
        String item = "适合独居老人使用的带扶手和刹车的轻便折叠式助行器".repeat(9).substring(0, 200);
        TestEvents.send(new MatchProposed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), provider,
                ResourceCategory.SUPPLIES, item, new BigDecimal("2"), "台", "370811012002", "explanation"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.user(providerMember)).when().get("/inbox")
                .then().statusCode(200).body("items[0].title", containsString(item)));
    }

    /** Two members of one organization: what one reads stays unread for the other; a stranger may not mark it. */
    @Test
    void eachMemberHasTheirOwnReadStateAndOnlyMembersMarkItems() {
        String first = "member-" + UUID.randomUUID();
        String second = "member-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approvedWithMembers(first, second);
        String stranger = "stranger-" + UUID.randomUUID();
        TestOrganizations.approved(stranger);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.isMember(provider, second));
        MatchProposed match = new MatchProposed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), provider,
                ResourceCategory.SUPPLIES, "口罩", new BigDecimal("100"), "只", "370811012002", "explanation");
        TestEvents.send(match);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(first))
                .when().get("/inbox").then().statusCode(200).body("items", hasSize(1)));
        String itemId = given().auth().oauth2(TestTokens.user(first)).when().get("/inbox").then()
                .body("unread", equalTo(1)).body("items[0].read", equalTo(false)).extract().path("items[0].id");

        given().when().post("/inbox/{id}/read", itemId).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).when().post("/inbox/{id}/read", itemId).then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(TestTokens.user(first)).when().post("/inbox/{id}/read", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.user(first)).when().post("/inbox/{id}/read", itemId).then().statusCode(200)
                .body("unread", equalTo(0));
        given().auth().oauth2(TestTokens.user(first)).when().post("/inbox/{id}/read", itemId).then().statusCode(200);

        given().auth().oauth2(TestTokens.user(first)).when().get("/inbox").then().body("items[0].read", equalTo(true));
        given().auth().oauth2(TestTokens.user(first)).when().get("/inbox?unread=true").then().body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user(second)).when().get("/inbox?unread=true").then().body("items", hasSize(1))
                .body("unread", equalTo(1));
        given().auth().oauth2(TestTokens.user(second)).when().get("/inbox?kind=MATCH_ACCEPTED").then().body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user(second)).when().get("/inbox?kind=MATCH_PROPOSED").then().body("items", hasSize(1));
        given().auth().oauth2(TestTokens.user(second)).when().get("/inbox?kind=NONSENSE").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("detail", containsString("kind"));
        given().auth().oauth2(TestTokens.user(second)).when().get("/inbox?unread=maybe").then().statusCode(400);
        given().auth().oauth2(TestTokens.user(second)).when().post("/inbox/read").then().statusCode(200)
                .body("marked", equalTo(1)).body("unread", equalTo(0));
        given().when().post("/inbox/read").then().statusCode(401);
    }
}
