package net.collab.registry;

import static io.restassured.RestAssured.given;
import static net.collab.registry.Fixtures.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.registry.OrganizationEvent;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SponsorshipTest {

    static Map<String, Object> grassroots(String name, Object sponsor) {
        Map<String, Object> group = Fixtures.application(name);
        group.put("kind", "VOLUNTEER_TEAM");
        group.put("registrationStatus", "GRASSROOTS");
        group.put("serviceAreas", List.of("370811012002"));
        if (sponsor != null) {
            group.put("sponsorOrganizationId", sponsor);
        }
        return group;
    }

    @Test
    void aGrassrootsGroupMustNameAnApprovedHub() {
        String founder = "founder-" + UUID.randomUUID();
        String notAHub = Fixtures.approved("admin-" + UUID.randomUUID(), Fixtures.application(Fixtures.unique("不是枢纽")));
        String appliedHub = Fixtures.apply("admin-" + UUID.randomUUID(), Map.of("nameZh", Fixtures.unique("未批准的枢纽"),
                "kind", "HUB_ORGANIZATION", "registrationStatus", "FILED", "serviceAreas", List.of("370811012")));

        for (Object sponsor : new Object[] {null, notAHub, appliedHub, UUID.randomUUID().toString()}) {
            given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON)
                    .body(grassroots(Fixtures.unique("草根队"), sponsor))
                    .when().post("/organizations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("sponsorOrganizationId"));
        }
        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/mine").then().body("size()", equalTo(0));
    }

    @Test
    void aSuspendedHubNoLongerSpeaksForItsGroupsAndAGroupThatRegistersLeavesItsSponsor() {
        String hubAdmin = "hub-admin-" + UUID.randomUUID();
        String hub = Fixtures.approvedHub(hubAdmin);
        String founder = "founder-" + UUID.randomUUID();
        String group = Fixtures.sponsoredGroup(founder, hub, hubAdmin);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("reason", "暂停 suspended"))
                .when().post("/organizations/{id}/suspension", hub).then().statusCode(200);

        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("description", "越权"))
                .when().patch("/organizations/{id}", group)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("subject", hubAdmin))
                .when().post("/organizations/{id}/members", group)
                .then().statusCode(403);
        // The group itself still edits its profile although its sponsor is suspended ...
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(Map.of("description", "自己维护"))
                .when().patch("/organizations/{id}", group)
                .then().statusCode(200).body("description", equalTo("自己维护"));
        // ... refuses a blank name, and leaves its sponsor when it files with the street office.
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(Map.of("nameZh", "   "))
                .when().patch("/organizations/{id}", group)
                .then().statusCode(400).body("errors[0].field", equalTo("nameZh"));
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(Map.of("registrationStatus", "FILED"))
                .when().patch("/organizations/{id}", group)
                .then().statusCode(200).body("registrationStatus", equalTo("FILED"))
                .body("sponsorOrganizationId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aHubHasNoSayOverAGroupUntilItAcceptsToSponsorIt() {
        String hubAdmin = "hub-admin-" + UUID.randomUUID();
        String hub = Fixtures.approvedHub(hubAdmin);
        String hubMember = "hub-member-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("subject", hubMember))
                .when().post("/organizations/{id}/members", hub).then().statusCode(200);
        String founder = "founder-" + UUID.randomUUID();
        String name = Fixtures.unique("草桥口社区志愿服务队");
        String group;
        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            group = Fixtures.apply(founder, grassroots(name, hub));
            var applied = (OrganizationEvent) EventCodec.fromJson("net.collab.organization.applied.v1",
                    probe.awaitEvent("net.collab.organization.applied.v1", group).value());
            // Claimed, not granted: the other services do not hear of a sponsor yet.
            assertThat(applied.organization().sponsorOrganizationId()).isNull();
        }
        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/{id}", group)
                .then().statusCode(200).body("sponsorOrganizationId", equalTo(hub)).body("sponsorshipStatus", equalTo("PENDING"));

        // Before it accepts, the hub neither sees nor speaks for the group ...
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}", group).then().statusCode(404);
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("description", "越权"))
                .when().patch("/organizations/{id}", group).then().statusCode(403);
        // ... but its administrators find the request among the groups that name it.
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}/sponsored", hub)
                .then().statusCode(200).body("id", contains(group)).body("[0].sponsorshipStatus", equalTo("PENDING"));
        given().auth().oauth2(TestTokens.user(hubMember)).when().get("/organizations/{id}/sponsored", hub).then().statusCode(403);

        // Only the named hub's administrators (or the coordinator) answer; not the group, not the hub's other members.
        for (String notTheHub : new String[] {founder, hubMember, "stranger"}) {
            given().auth().oauth2(TestTokens.user(notTheHub)).contentType(ContentType.JSON).body(Map.of("answer", "ACCEPT"))
                    .when().post("/organizations/{id}/sponsorship/answer", group)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().when().contentType(ContentType.JSON).body(Map.of("answer", "ACCEPT"))
                .post("/organizations/{id}/sponsorship/answer", group).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/{id}", group)
                .then().body("sponsorshipStatus", equalTo("PENDING"));

        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("answer", "ACCEPT"))
                    .when().post("/organizations/{id}/sponsorship/answer", group)
                    .then().statusCode(200).body("sponsorshipStatus", equalTo("ACCEPTED"));
            var updated = (OrganizationEvent) EventCodec.fromJson("net.collab.organization.updated.v1",
                    probe.awaitEvent("net.collab.organization.updated.v1", group).value());
            assertThat(updated.organization().sponsorOrganizationId()).hasToString(hub);
        }
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("answer", "DECLINE"))
                .when().post("/organizations/{id}/sponsorship/answer", group)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}", group)
                .then().statusCode(200).body("status", equalTo("APPLIED"));
    }

    @Test
    void aHubsAdministratorApplyingForAGroupSponsorsItAtOnceAndADeclinedGroupNamesAnotherHub() {
        String hubAdmin = "hub-admin-" + UUID.randomUUID();
        String hub = Fixtures.approvedHub(hubAdmin);
        String byTheHub = Fixtures.apply(hubAdmin, grassroots(Fixtures.unique("南门社区志愿服务队"), hub));
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}", byTheHub)
                .then().statusCode(200).body("sponsorshipStatus", equalTo("ACCEPTED"));

        String founder = "founder-" + UUID.randomUUID();
        String group = Fixtures.apply(founder, grassroots(Fixtures.unique("草根队"), hub));
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("answer", "DECLINE"))
                .when().post("/organizations/{id}/sponsorship/answer", group)
                .then().statusCode(200).body("sponsorshipStatus", equalTo("DECLINED"));
        String otherHubAdmin = "hub-admin-" + UUID.randomUUID();
        String otherHub = Fixtures.approvedHub(otherHubAdmin);
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(Map.of("sponsorOrganizationId", otherHub))
                .when().patch("/organizations/{id}", group)
                .then().statusCode(200).body("sponsorshipStatus", equalTo("PENDING"));
    }

    @Test
    void onlyTheCoordinatorMakesAVettedOrganizationAHub() {
        String admin = "admin-" + UUID.randomUUID();
        String organization = Fixtures.approved(admin, Fixtures.application(Fixtures.unique("想当枢纽")));
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("kind", "HUB_ORGANIZATION"))
                .when().patch("/organizations/{id}", organization)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("only the coordinator"));
        given().auth().oauth2(TestTokens.user(admin)).when().get("/organizations/{id}", organization)
                .then().body("kind", equalTo("SOCIAL_ORGANIZATION"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("kind", "HUB_ORGANIZATION"))
                .when().patch("/organizations/{id}", organization)
                .then().statusCode(200).body("kind", equalTo("HUB_ORGANIZATION"));
        // An application is not vetted yet: the coordinator sees the kind when deciding.
        String applicant = "admin-" + UUID.randomUUID();
        String application = Fixtures.apply(applicant, Fixtures.application(Fixtures.unique("申请中")));
        given().auth().oauth2(TestTokens.user(applicant)).contentType(ContentType.JSON).body(Map.of("kind", "HUB_ORGANIZATION"))
                .when().patch("/organizations/{id}", application)
                .then().statusCode(200).body("kind", equalTo("HUB_ORGANIZATION"));
    }

    @Test
    void theHubSeesAndSpeaksForTheGroupsItSponsorsAndTheCoordinatorSeesWhoSponsorsWhom() {
        String hubAdmin = "hub-admin-" + UUID.randomUUID();
        String hub = Fixtures.approvedHub(hubAdmin);
        String founder = "founder-" + UUID.randomUUID();
        String name = Fixtures.unique("草桥口社区志愿服务队");
        String group = Fixtures.apply(founder, grassroots(name, hub));
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("answer", "ACCEPT"))
                .when().post("/organizations/{id}/sponsorship/answer", group).then().statusCode(200);

        // The hub sees the application and speaks for the group; a stranger does neither.
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}", group)
                .then().statusCode(200).body("status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON)
                .body(Map.of("description", "由济阳街道社会组织服务中心代为完善"))
                .when().patch("/organizations/{id}", group)
                .then().statusCode(200).body("description", equalTo("由济阳街道社会组织服务中心代为完善"));
        given().auth().oauth2(TestTokens.user("stranger")).when().get("/organizations/{id}", group).then().statusCode(404);

        given().auth().oauth2(COORDINATOR).when().get("/organizations/{id}/sponsored", hub)
                .then().statusCode(200).body("id", contains(group)).body("[0].nameZh", equalTo(name));
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}/sponsored", hub)
                .then().statusCode(200).body("id", contains(group));
        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/{id}/sponsored", hub)
                .then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(COORDINATOR).when().get("/organizations/sponsorships")
                .then().statusCode(200)
                .body("find { it.hubId == '" + hub + "' }.groups.id", contains(group))
                .body("find { it.hubId == '" + hub + "' }.groups[0].status", equalTo("APPLIED"))
                .body("find { it.hubId == '" + hub + "' }.groups[0].sponsorshipStatus", equalTo("ACCEPTED"));
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/sponsorships").then().statusCode(403);
    }
}
