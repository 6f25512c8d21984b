package net.collab.notification;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchProposed;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestAreas;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

/** Webhooks against a real HTTP receiver that checks signatures: who may make them, where they may point, retries, the end. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MAIL, value = "true"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookDeliveryTest {

    private static final String COMMUNITY = "370811012002"; // 草桥口社区
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrganizationReplica replica;

    @Inject
    AreaReplica areas;

    @BeforeEach
    void places() {
        TestAreas.define();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> areas.place(COMMUNITY).isPresent());
    }

    private static MatchProposed proposalTo(UUID provider) {
        return new MatchProposed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), provider,
                ResourceCategory.SUPPLIES, "医用口罩", new BigDecimal("200"), "只", COMMUNITY, "得分 7.25 score");
    }

    @Test
    void onlyAnAdministratorMakesAWebhookAndOnlyToAPublicAddress() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        UUID organization = TestOrganizations.approvedWithMembers(admin, member);
        String stranger = "stranger-" + UUID.randomUUID();
        TestOrganizations.approved(stranger);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.isMember(organization, member));
        String path = "/organizations/" + organization + "/webhooks";
        Map<String, Object> good = Map.of("url", "http://127.0.0.1:9/hook");

        given().contentType(ContentType.JSON).body(good).when().post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(good).when().post(path).then()
                .statusCode(403).contentType(containsString("application/problem+json"));
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(good).when().post(path).then().statusCode(403);
        for (String refused : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/",
                "http://[::1]:8080/hook", "http://[fd00::1]/hook", "http://100.64.0.1/", "http://0.0.0.0/", "ftp://example.org/hook",
                "http://user:pass@127.0.0.1/hook", "not a url", "")) {
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("url", refused)).when().post(path)
                    .then().statusCode(400).contentType(containsString("application/problem+json")).body("detail", containsString("url"));
        }
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "kinds", List.of("NOPE"))).when().post(path).then().statusCode(400)
                .body("detail", containsString("NOPE"));
        given().auth().oauth2(TestTokens.user(member)).when().get(path).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(TestTokens.user(stranger)).when().get(path).then().statusCode(403);

        String id = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(good).when().post(path).then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().path("id");
        given().auth().oauth2(TestTokens.user(member)).when().get(path).then().statusCode(200).body("$", hasSize(1))
                .body("[0].secret", org.hamcrest.Matchers.nullValue());
        given().when().delete(path + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(member)).when().delete(path + "/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(stranger)).when().delete(path + "/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(admin)).when().delete(path + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.user(admin)).when().delete(path + "/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.user(member)).when().get(path).then().body("$", hasSize(0));
    }

    @Test
    void callsAreSignedRetriedWithTheSameIdAndOnlyForTheKindsChosen() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent());
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2)) {
            receiver.secret(given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "kinds", List.of("MATCH_PROPOSED"))).when()
                    .post("/organizations/" + provider + "/webhooks").then().statusCode(201).extract().path("secret"));
            MatchProposed match = proposalTo(provider);
            TestEvents.send(match);
            TestEvents.send(match); // the same news in a second event: one call

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls().stream().anyMatch(call -> call.answered() == 200));
            List<WebhookReceiver.Call> calls = receiver.calls();
            assertThat(calls).hasSize(3).allMatch(WebhookReceiver.Call::verified); // 503, 503, then 200
            assertThat(calls).extracting(WebhookReceiver.Call::answered).containsExactly(503, 503, 200);
            JsonNode event = JSON.readTree(calls.get(2).body());
            assertThat(calls).extracting(call -> id(call)).containsOnly(event.get("id").asText()); // the receiver's key to drop copies
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("net.collab.notification.match.proposed.v1");
            assertThat(event.get("subject").asText()).isEqualTo(match.matchId().toString());
            assertThat(event.at("/data/title/zh-CN").asText()).isEqualTo("新的匹配提议：医用口罩");
            assertThat(event.at("/data/body/zh-CN").asText()).contains("草桥口社区").doesNotContain(COMMUNITY);
            assertThat(WebhookReceiver.verify("another secret", calls.get(2).timestamp(), calls.get(2).body(), calls.get(2).signature()))
                    .isFalse();

            given().auth().oauth2(TestTokens.coordinator("coordinator-" + UUID.randomUUID())).when()
                    .get("/deliveries?channel=WEBHOOK&status=SENT&size=200").then()
                    .body("items.find { it.id == '" + event.get("id").asText() + "' }.attempts", equalTo(3));

            // A kind the organization did not choose is not sent to its webhook.
            TestEvents.send(new MatchCancelled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), provider,
                    BigDecimal.ONE, "箱", "需求已撤回 the need was withdrawn", OffsetDateTime.now()));
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(admin)).when()
                    .get("/inbox?kind=MATCH_CANCELLED").then().body("items", hasSize(1)));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> receiver.calls().size() == 3);
        }
    }

    @Test
    void aWebhookThatNeverAcceptsIsDeadAfterItsLastAttemptAndItsOrganizationHearsOfIt() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent());
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(Integer.MAX_VALUE); TopicProbe deliveries = TopicProbe.open(Topics.DELIVERIES)) {
            receiver.secret(given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("url", receiver.url()))
                    .when().post("/organizations/" + provider + "/webhooks").then().statusCode(201).extract().path("secret"));
            TestEvents.send(proposalTo(provider));

            var failed = deliveries.await(ofType("net.collab.notification.failed.v1").and(r -> r.value().contains("WEBHOOK")),
                    Duration.ofSeconds(30));
            assertThat(failed.value()).contains("\"attempts\":3").contains("HTTP 503");
            assertThat(receiver.calls()).hasSize(3);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(admin)).when()
                    .get("/inbox?kind=WEBHOOK_FAILED").then().body("items", hasSize(1))
                    .body("items[0].title", containsString("127.0.0.1")).body("items[0].body", containsString("HTTP 503")));

            // The receiver is fixed; the coordinator, and only the coordinator, sends the dead delivery again.
            receiver.acceptFromNow();
            String deliveryId = failed.key();
            String coordinator = TestTokens.coordinator("coordinator-" + UUID.randomUUID());
            given().when().post("/deliveries/{id}/retry", deliveryId).then().statusCode(401);
            given().auth().oauth2(TestTokens.user(admin)).when().post("/deliveries/{id}/retry", deliveryId).then().statusCode(403)
                    .contentType(containsString("application/problem+json"));
            given().auth().oauth2(coordinator).when().post("/deliveries/{id}/retry", UUID.randomUUID()).then().statusCode(404);
            given().auth().oauth2(coordinator).when().post("/deliveries/{id}/retry", deliveryId).then().statusCode(200)
                    .body("status", equalTo("PENDING"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls().stream().anyMatch(call -> call.answered() == 200));
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(coordinator)
                    .when().post("/deliveries/{id}/retry", deliveryId).then().statusCode(409)); // sent: nothing to send again
            assertThat(receiver.calls()).hasSize(4).allMatch(WebhookReceiver.Call::verified);
        }
    }

    private static String id(WebhookReceiver.Call call) {
        try {
            return JSON.readTree(call.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
