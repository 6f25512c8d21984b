package net.collab.registry;

import static io.restassured.RestAssured.given;
import static net.collab.registry.Fixtures.COORDINATOR;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.registry.OrganizationEvent;
import net.collab.events.registry.OrganizationSuspended;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class LifecycleTest {

    private static final String SUSPENDED = "net.collab.organization.suspended.v1";
    private static final String REINSTATED = "net.collab.organization.reinstated.v1";
    private static final String UPDATED = "net.collab.organization.updated.v1";

    @Test
    void suspensionAndReinstatementEachEmitOneEventAndChangeTheDirectory() {
        String admin = "admin-" + UUID.randomUUID();
        String name = Fixtures.unique("暂停后恢复的组织");
        String id = Fixtures.approved(admin, Fixtures.application(name));
        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/organizations/{id}/suspension", id)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("reason", "账目未公示 ledger not published"))
                    .when().post("/organizations/{id}/suspension", id)
                    .then().statusCode(200).body("status", equalTo("SUSPENDED"));
            var suspended = (OrganizationSuspended) EventCodec.fromJson(SUSPENDED, probe.awaitEvent(SUSPENDED, id).value());
            assertThat(suspended.reason()).isEqualTo("账目未公示 ledger not published");
            assertThat(suspended.organization().status()).isEqualTo(OrganizationStatus.SUSPENDED);
            given().when().get("/organizations?q={q}", name).then().body("total", equalTo(0));

            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                    .when().post("/organizations/{id}/suspension", id)
                    .then().statusCode(409).contentType("application/problem+json");
            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("reason", "已整改 fixed"))
                    .when().post("/organizations/{id}/reinstatement", id)
                    .then().statusCode(200).body("status", equalTo("APPROVED"));
            var reinstated = (OrganizationEvent) EventCodec.fromJson(REINSTATED, probe.awaitEvent(REINSTATED, id).value());
            assertThat(reinstated.organization().status()).isEqualTo(OrganizationStatus.APPROVED);

            assertThat(probe.seen(ofType(SUSPENDED).and(about(id)))).hasSize(1);
            assertThat(probe.seen(ofType(REINSTATED).and(about(id)))).hasSize(1);
        }
        given().when().get("/organizations?q={q}", name).then().body("items.id", hasItem(id));
    }

    @Test
    void onlyTheCoordinatorSuspendsAndReinstates() {
        String admin = "admin-" + UUID.randomUUID();
        String id = Fixtures.approved(admin, Fixtures.application(Fixtures.unique("不能自己暂停的组织")));
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/organizations/{id}/suspension", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/organizations/{id}/reinstatement", id)
                .then().statusCode(403);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of())
                .when().post("/organizations/{id}/reinstatement", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/organizations/{id}/suspension", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void administratorsEditTheirOwnOrganizationOnlyAndEachEditIsOneEvent() {
        String adminOfA = "admin-a-" + UUID.randomUUID();
        String a = Fixtures.approved(adminOfA, Fixtures.application(Fixtures.unique("组织A")));
        String b = Fixtures.approved("admin-b-" + UUID.randomUUID(), Fixtures.application(Fixtures.unique("组织B")));
        String renamed = Fixtures.unique("组织A改名");
        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON)
                    .body(Map.of("nameZh", renamed, "evaluationGrade", "4A", "serviceDomains", java.util.List.of("ELDERLY_CARE")))
                    .when().patch("/organizations/{id}", a)
                    .then().statusCode(200).body("nameZh", equalTo(renamed)).body("evaluationGrade", equalTo("4A"))
                    .body("serviceAreas", hasItem("110108010")); // untouched fields stay
            var updated = (OrganizationEvent) EventCodec.fromJson(UPDATED, probe.awaitEvent(UPDATED, a).value());
            assertThat(updated.organization().nameZh()).isEqualTo(renamed);

            given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON).body(Map.of("nameZh", "抢占"))
                    .when().patch("/organizations/{id}", b)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON)
                    .body(Map.of("serviceAreas", java.util.List.of("999999")))
                    .when().patch("/organizations/{id}", a)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("serviceAreas"));
            given().auth().oauth2(TestTokens.user(adminOfA)).contentType(ContentType.JSON).body(Map.of("nameZh", "匿名改名"))
                    .when().patch("/organizations/{id}", b).then().statusCode(403);
            given().contentType(ContentType.JSON).body(Map.of("nameZh", "匿名改名"))
                    .when().patch("/organizations/{id}", b).then().statusCode(401);

            assertThat(probe.seen(ofType(UPDATED).and(about(a)))).hasSize(1);
            assertThat(probe.seen(about(b))).isEmpty();
        }
        given().when().get("/organizations/{id}", a).then().body("nameZh", equalTo(renamed));
        given().when().get("/organizations/{id}", b).then().body("nameZh", not(equalTo("抢占")));
    }
}
