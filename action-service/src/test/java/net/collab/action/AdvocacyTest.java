package net.collab.action;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.action.AdvocacyPublished;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AdvocacyTest {

    private static final String PUBLISHED = "net.collab.advocacy.published.v1";
    private static final String WITHDRAWN = "net.collab.advocacy.withdrawn.v1";

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void places() {
        Network.awaitPlaces(areas);
    }

    static Map<String, Object> post(UUID organizationId, String audience, String title) {
        Map<String, Object> post = new HashMap<>();
        post.put("organizationId", organizationId.toString());
        post.put("audience", audience);
        post.put("title", title);
        post.put("body", "冬季将至，请邻里多关心独居老人：敲敲门，问一声。");
        post.put("domains", List.of("ELDERLY_CARE", "NEIGHBOURHOOD_MUTUAL_AID"));
        post.put("areaCodes", List.of("370811012"));
        return post;
    }

    @Test
    void anAdministratorPublishesForTheOrganizationAndEveryoneReadsItListedAndAsAFeed() throws Exception {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.open(Topics.ADVOCACY)) {
            String id = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON)
                    .body(post(organization, "PUBLIC", "关爱独居老人 " + tag))
                    .when().post("/advocacy")
                    .then().statusCode(201).body("audienceLabel", equalTo("公众倡导"))
                    .body("organizationName", equalTo("测试组织-" + organization))
                    .body("places[0].name", equalTo("济阳街道")).body("domains.label", contains("养老", "邻里互助"))
                    .extract().path("id");
            var published = (AdvocacyPublished) EventCodec.fromJson(PUBLISHED, probe.awaitEvent(PUBLISHED, id).value());
            assertThat(published.title()).isEqualTo("关爱独居老人 " + tag);
            assertThat(published.areaCodes()).containsExactly("370811012");

            Map<String, Object> sector = post(organization, "SECTOR", "社区社会组织协同倡议 " + tag);
            sector.put("areaCodes", List.of());
            String sectorId = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(sector)
                    .when().post("/advocacy").then().statusCode(201).extract().path("id");

            String mine = "/advocacy?organizationId=" + organization;
            given().when().get(mine).then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(sectorId, id));
            given().when().get(mine + "&audience=PUBLIC").then().body("items.id", contains(id));
            given().when().get(mine + "&q=协同").then().body("items.id", contains(sectorId));
            // A post about no place in particular concerns every place.
            given().when().get(mine + "&area=110108").then().body("items.id", contains(sectorId));
            given().when().get(mine + "&area=370811012002").then().body("total", equalTo(2));
            given().when().get("/advocacy?audience=EVERYONE").then().statusCode(400).body("errors[0].field", equalTo("audience"));

            String feed = given().when().get("/advocacy/feed?organizationId=" + organization)
                    .then().statusCode(200).contentType(containsString("application/atom+xml")).extract().asString();
            assertThat(feed).contains("[公众倡导] 关爱独居老人 " + tag).contains("urn:uuid:" + id).contains("敲敲门");

            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("reason", "已过时"))
                    .when().post("/advocacy/{id}/withdrawal", id).then().statusCode(204);
            probe.awaitEvent(WITHDRAWN, id);
            given().when().get("/advocacy/{id}", id).then().statusCode(404);
            given().when().get(mine).then().body("items.id", contains(sectorId));
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/advocacy/{id}/withdrawal", id).then().statusCode(404);
            assertThat(probe.seen(ofType(WITHDRAWN).and(about(id)))).hasSize(1);
        }
    }

    @Test
    void onlyAnAdministratorSpeaksForTheOrganization() {
        String admin = Network.person("admin");
        String member = Network.person("member");
        UUID organization = Network.approved(replica, admin, member);
        String stranger = Network.person("stranger");
        Network.approved(replica, stranger);
        Map<String, Object> post = post(organization, "PUBLIC", "关爱独居老人");

        given().contentType(ContentType.JSON).body(post).when().post("/advocacy").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(post)
                .when().post("/advocacy").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(post)
                .when().post("/advocacy").then().statusCode(403).body("detail", containsString("ORG_ADMIN"));
        given().when().get("/advocacy?organizationId=" + organization).then().body("total", equalTo(0));

        String id = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(post)
                .when().post("/advocacy").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/advocacy/{id}/withdrawal", id).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/advocacy/{id}/withdrawal", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/advocacy/{id}/withdrawal", id).then().statusCode(403);
        given().when().get("/advocacy/{id}", id).then().statusCode(200);
    }

    @Test
    void invalidPostsAreRefusedNamingTheFieldAndNothingIsStored() {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        Map<String, Object> refused = Map.of("audience", "EVERYONE", "body", " ", "title", "长".repeat(201),
                "areaCodes", List.of("999999"), "domains", List.of("COOKING"));
        refused.forEach((field, value) -> {
            Map<String, Object> post = post(organization, "PUBLIC", "关爱独居老人");
            post.put(field, value);
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(post)
                    .when().post("/advocacy")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", containsString(field));
        });
        given().when().get("/advocacy?organizationId=" + organization).then().body("total", equalTo(0));
    }
}
