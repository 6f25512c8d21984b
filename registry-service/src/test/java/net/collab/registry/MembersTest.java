package net.collab.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.registry.MemberAdded;
import net.collab.events.registry.MemberRemoved;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MembersTest {

    private static final String ADDED = "net.collab.organization.member-added.v1";
    private static final String REMOVED = "net.collab.organization.member-removed.v1";

    /** Keycloak's admin API, played by the OIDC test server. */
    @OidcWireMock
    WireMockServer keycloak;

    /** Like Keycloak: an e-mail nobody has gives an empty list. */
    @org.junit.jupiter.api.BeforeEach
    void nobodyByDefault() {
        keycloak.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/users")).atPriority(10).willReturn(okJson("[]")));
    }

    @Test
    void anAdministratorAddsByEmailGrantsAdminAndRemovesAndEachChangeIsOneEvent() {
        String admin = "admin-" + UUID.randomUUID();
        String id = Fixtures.approved(admin, Fixtures.application(Fixtures.unique("成员管理")));
        String volunteerSubject = "kc-" + UUID.randomUUID();
        String email = "volunteer-" + UUID.randomUUID() + "@example.org";
        keycloak.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/users")).withQueryParam("email", equalTo(email))
                .willReturn(okJson("[{\"id\":\"" + volunteerSubject + "\",\"email\":\"" + email
                        + "\",\"emailVerified\":true,\"enabled\":true}]")));

        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("email", email))
                    .when().post("/organizations/{id}/members", id)
                    .then().statusCode(200).body("subject", Matchers.equalTo(volunteerSubject))
                    .body("role", Matchers.equalTo("ORG_MEMBER"));
            var added = (MemberAdded) EventCodec.fromJson(ADDED, probe.awaitEvent(ADDED, id).value());
            assertThat(added.member().subject()).isEqualTo(volunteerSubject);
            assertThat(added.organization().members()).extracting("subject").contains(admin, volunteerSubject);
            assertThat(probe.awaitEvent(ADDED, id).value()).doesNotContain(email);

            // The member may read the list but not manage it.
            given().auth().oauth2(TestTokens.user(volunteerSubject)).when().get("/organizations/{id}/members", id)
                    .then().statusCode(200).body("subject", hasItem(admin));
            given().auth().oauth2(TestTokens.user(volunteerSubject)).contentType(ContentType.JSON)
                    .body(Map.of("subject", "friend-of-volunteer"))
                    .when().post("/organizations/{id}/members", id)
                    .then().statusCode(403).contentType("application/problem+json");

            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON)
                    .body(Map.of("subject", volunteerSubject, "role", "ORG_ADMIN"))
                    .when().post("/organizations/{id}/members", id)
                    .then().statusCode(200).body("role", Matchers.equalTo("ORG_ADMIN"));
            given().auth().oauth2(TestTokens.user(volunteerSubject)).when().delete("/organizations/{id}/members/{s}", id, admin)
                    .then().statusCode(204);
            var removed = (MemberRemoved) EventCodec.fromJson(REMOVED, probe.awaitEvent(REMOVED, id).value());
            assertThat(removed.subject()).isEqualTo(admin);
            assertThat(removed.organization().members()).extracting("subject", "role")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(volunteerSubject, MemberRole.ORG_ADMIN));
            assertThat(probe.seen(ofType(ADDED).and(about(id)))).hasSize(2);
            assertThat(probe.seen(ofType(REMOVED).and(about(id)))).hasSize(1);
        }
        given().auth().oauth2(TestTokens.user(volunteerSubject)).when().delete("/organizations/{id}/members/{s}", id, volunteerSubject)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theSponsoringHubsAdministratorsSeeWhoIsAMemberButNotTheirEmailAndCannotTakeTheGroupsAdministrators() {
        String hubMember = "hub-member-" + UUID.randomUUID();
        String hubAdmin = "hub-admin-" + UUID.randomUUID();
        String hub = Fixtures.approvedHub(hubAdmin);
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("subject", hubMember))
                .when().post("/organizations/{id}/members", hub).then().statusCode(200);
        String founder = "founder-" + UUID.randomUUID();
        String group = Fixtures.sponsoredGroup(founder, hub, hubAdmin);
        String email = "grandma-helper-" + UUID.randomUUID() + "@example.org";
        keycloak.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/users")).withQueryParam("email", equalTo(email))
                .willReturn(okJson("[{\"id\":\"helper-" + UUID.randomUUID() + "\",\"email\":\"" + email
                        + "\",\"emailVerified\":true}]")));
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/organizations/{id}/members", group).then().statusCode(200);

        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/{id}/members", group)
                .then().statusCode(200).body("email", hasItem(email));
        String seenByHub = given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/organizations/{id}/members", group)
                .then().statusCode(200).body("size()", Matchers.equalTo(2)).extract().asString();
        assertThat(seenByHub).doesNotContain(email);
        // A member of the hub who does not administer it has no say over the group.
        given().auth().oauth2(TestTokens.user(hubMember)).when().get("/organizations/{id}/members", group)
                .then().statusCode(403).contentType("application/problem+json");

        // The hub's administrator helps (adds a member) but cannot remove or demote the group's own administrator.
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("subject", "helper-2"))
                .when().post("/organizations/{id}/members", group).then().statusCode(200);
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON)
                .body(Map.of("subject", "co-admin", "role", "ORG_ADMIN"))
                .when().post("/organizations/{id}/members", group).then().statusCode(200);
        given().auth().oauth2(TestTokens.user(hubAdmin)).when().delete("/organizations/{id}/members/{s}", group, founder)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", Matchers.containsString("cannot take away the administrators"));
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON)
                .body(Map.of("subject", founder, "role", "ORG_MEMBER"))
                .when().post("/organizations/{id}/members", group).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON)
                .body(Map.of("subject", hubAdmin, "role", "ORG_ADMIN"))
                .when().post("/organizations/{id}/members", group).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/{id}/members", group)
                .then().body("find { it.subject == '" + founder + "' }.role", Matchers.equalTo("ORG_ADMIN"));
    }

    @Test
    void anAddressNobodyHasConfirmedFindsNobody() {
        String admin = "admin-" + UUID.randomUUID();
        String id = Fixtures.approved(admin, Fixtures.application(Fixtures.unique("验证邮箱")));
        String email = "squatted-" + UUID.randomUUID() + "@example.org";
        // Someone registered an account with this address without owning it.
        keycloak.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/users")).withQueryParam("email", equalTo(email))
                .willReturn(okJson("[{\"id\":\"squatter\",\"email\":\"" + email + "\",\"emailVerified\":false,\"enabled\":true}]")));

        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/organizations/{id}/members", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", Matchers.equalTo("email"))
                .body("detail", Matchers.containsString("verified"));
        given().auth().oauth2(TestTokens.user(admin)).when().get("/organizations/{id}/members", id)
                .then().body("subject", Matchers.not(hasItem("squatter")));
    }

    @Test
    void refusalsChangeNothing() {
        String adminOfA = "admin-a-" + UUID.randomUUID();
        String adminOfB = "admin-b-" + UUID.randomUUID();
        String a = Fixtures.approved(adminOfA, Fixtures.application(Fixtures.unique("组织A")));
        String b = Fixtures.approved(adminOfB, Fixtures.application(Fixtures.unique("组织B")));

        given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON).body(Map.of("subject", "intruder"))
                .when().post("/organizations/{id}/members", b)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(adminOfA)).when().delete("/organizations/{id}/members/{s}", b, adminOfB)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org"))
                .when().post("/organizations/{id}/members", a)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", Matchers.equalTo("email"));
        given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "email", "x@example.org"))
                .when().post("/organizations/{id}/members", a)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(adminOfA)).when().delete("/organizations/{id}/members/{s}", a, adminOfA)
                .then().statusCode(409);

        given().auth().oauth2(TestTokens.user(adminOfB)).when().get("/organizations/{id}/members", b)
                .then().body("subject", not(hasItem("intruder"))).body("size()", Matchers.equalTo(1));
        given().auth().oauth2(TestTokens.user(adminOfA)).when().get("/organizations/{id}/members", a)
                .then().body("size()", Matchers.equalTo(1));
    }
}
