package net.collab.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.Vocabulary.AreaLevel;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.RiskLevel;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.OfferPosted;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.registry.RiskLevelChanged;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestAreas;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;

/** Subscriptions: who may make and remove them, and what reaches whom through them; applications reach the coordinators. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MAIL, value = "true"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class SubscriptionTest {

    private static final String STREET = "370811012"; // 济阳街道
    private static final String COMMUNITY = "370811012002"; // 草桥口社区

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void places() {
        TestAreas.define();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> areas.place(COMMUNITY).isPresent());
    }

    private static String follow(String token, Map<String, Object> what) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(what).when().post("/subscriptions").then()
                .statusCode(201).extract().path("id");
    }

    private static void awaitInbox(String token, String kind, org.hamcrest.Matcher<?> items) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).when()
                .get("/inbox?kind=" + kind).then().statusCode(200).body("items", items));
    }

    @Test
    void aPersonMakesAndRemovesTheirOwnSubscriptionsOnly() {
        String owner = TestTokens.user("owner-" + UUID.randomUUID());
        String other = TestTokens.user("other-" + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(Map.of("areaCode", STREET)).when().post("/subscriptions").then().statusCode(401);
        for (Map<String, Object> refused : List.<Map<String, Object>>of(Map.of(), Map.of("areaCode", "999999"),
                Map.of("areaCode", STREET, "kinds", List.of("MATCH_PROPOSED")), Map.of("category", "NOPE"),
                Map.of("organizationId", "not-an-id"), Map.of("needId", "x"), Map.of("actionId", "x"))) {
            given().auth().oauth2(owner).contentType(ContentType.JSON).body(refused).when().post("/subscriptions").then()
                    .statusCode(400).contentType(containsString("application/problem+json"));
        }
        given().auth().oauth2(owner).when().get("/subscriptions").then().statusCode(200).body("$", hasSize(0));
        String id = follow(owner, Map.of("areaCode", STREET, "kinds", List.of("NEED_POSTED")));
        given().auth().oauth2(owner).when().get("/subscriptions").then().body("$", hasSize(1)).body("[0].areaCode", org.hamcrest.Matchers.equalTo(STREET));
        given().when().delete("/subscriptions/" + id).then().statusCode(401);
        given().auth().oauth2(other).when().delete("/subscriptions/" + id).then().statusCode(403);
        given().auth().oauth2(owner).when().delete("/subscriptions/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(owner).when().delete("/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(owner).when().get("/subscriptions").then().body("$", hasSize(0));
    }

    @Test
    void newsReachesThoseWhoFollowItsPlaceCategoryOrNeedAndNobodyElse() {
        UUID organization = TestOrganizations.approved("org-" + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(organization).isPresent());
        String streetFollower = TestTokens.user("street-" + UUID.randomUUID());
        String servicesFollower = TestTokens.user("services-" + UUID.randomUUID());
        String communityFollower = TestTokens.user("community-" + UUID.randomUUID());
        String cityWatcher = TestTokens.user("city-" + UUID.randomUUID());
        String donor = TestTokens.user("donor-" + UUID.randomUUID());
        UUID needId = UUID.randomUUID();
        follow(streetFollower, Map.of("areaCode", STREET, "kinds", List.of("NEED_POSTED")));
        follow(servicesFollower, Map.of("category", "SERVICE"));
        follow(communityFollower, Map.of("areaCode", COMMUNITY, "kinds", List.of("OFFER_POSTED")));
        follow(cityWatcher, Map.of("areaCode", "3708", "kinds", List.of("RISK_LEVEL_RAISED")));
        follow(donor, Map.of("needId", needId.toString()));

        TestEvents.send(new NeedPosted(needId, organization, ResourceCategory.SUPPLIES, "轮椅", new BigDecimal("2"), "台", Urgency.HIGH,
                COMMUNITY, null, null, OffsetDateTime.now(), null));
        TestEvents.send(new OfferPosted(UUID.randomUUID(), organization, ResourceCategory.SUPPLIES, "轮椅", new BigDecimal("5"), "台",
                "370811", null, OffsetDateTime.now(), null)); // for the district: it covers the community
        TestEvents.send(new RiskLevelChanged(COMMUNITY, RiskLevel.HIGH, RiskLevel.GENERAL, OffsetDateTime.now(), "草桥口社区",
                AreaLevel.COMMUNITY, STREET));
        TestEvents.send(new MatchConfirmed(UUID.randomUUID(), needId, UUID.randomUUID(), organization, UUID.randomUUID(),
                new BigDecimal("2"), "台", OffsetDateTime.now()));

        awaitInbox(streetFollower, "NEED_POSTED", hasSize(1));
        given().auth().oauth2(streetFollower).when().get("/inbox?kind=NEED_POSTED").then()
                .body("items[0].title", containsString("轮椅")).body("items[0].body", containsString("草桥口社区"))
                .body("items[0].body", not(containsString(COMMUNITY)));
        awaitInbox(communityFollower, "OFFER_POSTED", hasSize(1));
        awaitInbox(cityWatcher, "RISK_LEVEL_RAISED", hasSize(1));
        given().auth().oauth2(cityWatcher).when().get("/inbox?kind=RISK_LEVEL_RAISED").then()
                .body("items[0].body", containsString("高风险"));
        awaitInbox(donor, "NEED_FULFILLED", hasSize(1));
        // What they did not follow did not reach them (checked after the rest arrived).
        given().auth().oauth2(streetFollower).when().get("/inbox").then().body("items.kind", not(hasItem("OFFER_POSTED")));
        given().auth().oauth2(communityFollower).when().get("/inbox").then().body("items.kind", not(hasItem("NEED_POSTED")));
        given().auth().oauth2(servicesFollower).when().get("/inbox").then().body("items", hasSize(0));
    }

    @Test
    void anApplicationReachesTheCoordinators() {
        String coordinatorSubject = "coordinator-" + UUID.randomUUID();
        String coordinator = TestTokens.person(coordinatorSubject, coordinatorSubject + "@example.org", "协调员", true);
        given().auth().oauth2(coordinator).when().get("/inbox").then().statusCode(200); // known as a coordinator from now on
        String applicant = "applicant-" + UUID.randomUUID();
        UUID organization = TestOrganizations.applied(applicant);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(coordinator).when()
                .get("/inbox?kind=APPLICATION_RECEIVED").then().body("items.title", hasItem(containsString("测试组织-" + organization))));
        given().auth().oauth2(TestTokens.user(applicant)).when().get("/inbox?kind=APPLICATION_RECEIVED").then().body("items", hasSize(0));
    }

    @Test
    void advocacyAndLedgerEntriesReachTheirFollowersAndANewMemberIsWelcomed() {
        String admin = "admin-" + UUID.randomUUID();
        UUID organization = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(organization).isPresent());
        String follower = TestTokens.user("follower-" + UUID.randomUUID());
        String placeFollower = TestTokens.user("place-" + UUID.randomUUID());
        follow(follower, Map.of("organizationId", organization.toString(), "kinds", List.of("ADVOCACY_PUBLISHED", "LEDGER_ENTRY_RECORDED")));
        follow(placeFollower, Map.of("areaCode", COMMUNITY, "kinds", List.of("ADVOCACY_PUBLISHED")));
        UUID winterDrive = UUID.randomUUID();
        String actionFollower = TestTokens.user("action-" + UUID.randomUUID());
        follow(actionFollower, Map.of("actionId", winterDrive.toString()));

        TestEvents.send(new net.collab.events.action.AdvocacyPublished(UUID.randomUUID(), organization,
                net.collab.events.Vocabulary.AdvocacyAudience.PUBLIC, "关爱独居老人倡议", List.of(), List.of("370811"), OffsetDateTime.now()));
        TestEvents.send(new net.collab.events.action.LedgerEntryRecorded(UUID.randomUUID(), organization, 1, null, null,
                net.collab.events.Vocabulary.LedgerEntryKind.MONEY_RECEIVED, new BigDecimal("5000"), "CNY", null, "张先生", false, "回单 0117",
                null, OffsetDateTime.now(), OffsetDateTime.now(), null, null, "hash"));
        awaitInbox(follower, "ADVOCACY_PUBLISHED", hasSize(1));
        awaitInbox(placeFollower, "ADVOCACY_PUBLISHED", hasSize(1)); // the post is for the district, which holds the community
        awaitInbox(follower, "LEDGER_ENTRY_RECORDED", hasSize(1));
        given().auth().oauth2(follower).when().get("/inbox?kind=LEDGER_ENTRY_RECORDED").then()
                .body("items[0].body", containsString("收到捐款")).body("items[0].body", containsString("5000"))
                .body("items[0].body", not(containsString("张先生"))); // the counterparty stays in the ledger

        // Who follows an action hears of its ledger entries and needs, not of the organization's others.
        UUID forTheDrive = UUID.randomUUID();
        TestEvents.send(new net.collab.events.action.LedgerEntryRecorded(forTheDrive, organization, 2, winterDrive, null,
                net.collab.events.Vocabulary.LedgerEntryKind.MATERIALS_DISTRIBUTED, new BigDecimal("40"), "件", "棉衣", null, false, null,
                null, OffsetDateTime.now(), OffsetDateTime.now(), null, "hash", "hash2"));
        TestEvents.send(new net.collab.events.action.LedgerEntryRecorded(UUID.randomUUID(), organization, 3, UUID.randomUUID(), null,
                net.collab.events.Vocabulary.LedgerEntryKind.MONEY_RECEIVED, new BigDecimal("300"), "CNY", null, null, true, null,
                null, OffsetDateTime.now(), OffsetDateTime.now(), null, "hash2", "hash3"));
        TestEvents.send(new NeedPosted(UUID.randomUUID(), organization, ResourceCategory.SUPPLIES, "棉衣", new BigDecimal("40"), "件",
                Urgency.HIGH, COMMUNITY, null, null, OffsetDateTime.now(), winterDrive));
        awaitInbox(follower, "LEDGER_ENTRY_RECORDED", hasSize(3)); // the organization's follower hears of every entry
        awaitInbox(actionFollower, "NEED_POSTED", hasSize(1));
        given().auth().oauth2(actionFollower).when().get("/inbox?kind=LEDGER_ENTRY_RECORDED").then()
                .body("items.aboutId", org.hamcrest.Matchers.contains(forTheDrive.toString()))
                .body("items[0].body", containsString("棉衣"));

        String newcomer = "newcomer-" + UUID.randomUUID();
        var snapshot = TestOrganizations.snapshot(organization, net.collab.events.Vocabulary.OrganizationStatus.APPROVED, admin);
        var member = new net.collab.events.registry.OrganizationSnapshot.Member(newcomer, net.collab.events.Vocabulary.MemberRole.ORG_MEMBER);
        var members = new java.util.ArrayList<>(snapshot.members());
        members.add(member);
        var event = new net.collab.events.registry.MemberAdded(new net.collab.events.registry.OrganizationSnapshot(organization,
                snapshot.nameZh(), null, snapshot.kind(), snapshot.status(), snapshot.serviceAreas(), members, null, snapshot.version()), member);
        UUID eventId = TestEvents.send(event);
        TestEvents.send(event, eventId);
        awaitInbox(TestTokens.user(newcomer), "MEMBER_ADDED", hasSize(1));
        given().auth().oauth2(TestTokens.user(newcomer)).when().get("/inbox?kind=MEMBER_ADDED").then()
                .body("items[0].title", containsString("测试组织-" + organization));
    }
}
