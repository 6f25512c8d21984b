package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * The first path through the whole network, over HTTP only, with tokens from the real Keycloak:
 * apply, approve, the approval reaches the other services, a need and an offer are posted, the
 * match is proposed and the provider's member finds it in the inbox.
 */
class FirstPathIT {

    private static CollabNetwork network;
    private static DemoData keycloak;

    @BeforeAll
    static void joinTheNetwork() throws Exception {
        network = SharedNetwork.get();
        keycloak = SharedNetwork.keycloak();
    }

    private static String apply(String token, String nameZh, String kind, String registrationStatus, String area) {
        return given().baseUri(network.url("registry-service")).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nameZh", nameZh, "kind", kind, "registrationStatus", registrationStatus,
                        "serviceAreas", java.util.List.of(area)))
                .when().post("/organizations")
                .then().statusCode(201).body("status", equalTo("APPLIED")).extract().path("id");
    }

    @Test
    void aNeedPostedByAFrontlineGroupReachesTheProviderInbox() throws Exception {
        String coordinator = keycloak.token("coordinator");
        String provider = keycloak.token("changcheng");
        String frontline = keycloak.token("caoqiao");
        String registry = network.url("registry-service");
        String action = network.url("action-service");

        String providerOrg = apply(provider, "山东威海长城爱心大本营", "SOCIAL_ORGANIZATION", "FILED", "370811");
        String frontlineOrg = apply(frontline, "草桥口社区志愿服务队", "COMMUNITY_ORGANIZATION", "FILED", "370811012002");

        Map<String, Object> offer = Map.of("organizationId", providerOrg, "category", "SERVICE", "item", "送药",
                "quantity", 30, "unit", "次", "areaCode", "370811");
        // Not approved yet: refused, and nothing is stored.
        given().baseUri(action).auth().oauth2(provider).contentType(ContentType.JSON).body(offer)
                .when().post("/offers").then().statusCode(403).contentType("application/problem+json");
        given().baseUri(action).contentType(ContentType.JSON).body(offer)
                .when().post("/offers").then().statusCode(401);
        given().baseUri(registry).auth().oauth2(provider).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", providerOrg).then().statusCode(403);

        for (String id : new String[] {providerOrg, frontlineOrg}) {
            given().baseUri(registry).auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(Map.of("decision", "APPROVE"))
                    .when().post("/organizations/{id}/approval", id).then().statusCode(200);
        }
        given().baseUri(registry).when().get("/organizations").then().statusCode(200)
                .body("items.id", hasItem(providerOrg)).body("items.id", hasItem(frontlineOrg));

        // OrganizationApproved travels to action-service; until it arrives the offer is refused (changing nothing).
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(action).auth().oauth2(provider).contentType(ContentType.JSON).body(offer)
                .when().post("/offers").statusCode() == 201);
        var posted = new java.util.concurrent.atomic.AtomicReference<io.restassured.response.Response>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            posted.set(given().baseUri(action).auth().oauth2(frontline).contentType(ContentType.JSON)
                    .body(Map.of("organizationId", frontlineOrg, "category", "SERVICE", "item", "送药", "quantity", 12,
                            "unit", "次", "urgency", "HIGH", "areaCode", "370811012002", "targetGroup", "ELDERLY_LIVING_ALONE",
                            "beneficiary", Map.of("name", "王奶奶", "phone", "13800000000")))
                    .when().post("/needs"));
            return posted.get().statusCode() == 201;
        });
        String needId = posted.get().path("id");

        // The network is shared with other tests: look for this need's proposal, not any proposal.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .baseUri(network.url("notification-service")).auth().oauth2(provider)
                .when().get("/inbox?size=100")
                .then().statusCode(200).body("items.find { it.kind == 'MATCH_PROPOSED' && it.title.contains('送药') }.body",
                        containsString("草桥口社区志愿服务队"))
                .body(org.hamcrest.Matchers.not(containsString("王奶奶"))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .baseUri(network.url("notification-service")).auth().oauth2(frontline).when().get("/inbox?size=100")
                .then().statusCode(200).body("items.findAll { it.kind == 'MATCH_PROPOSED' }.title", hasItem("您的需求有了匹配：送药")));
        given().baseUri(network.url("console")).when().get("/").then().statusCode(200).body(containsString("社会组织协作网络"));

        // The provider sees the beneficiary only once it has accepted, and only until receipt is confirmed.
        String matching = network.url("matching-service");
        given().baseUri(action).auth().oauth2(provider).when().get("/needs/{id}/beneficiary", needId).then().statusCode(403);
        String matchId = given().baseUri(matching).auth().oauth2(provider).when().get("/needs/{id}/matches", needId)
                .then().statusCode(200).extract().path("items[0].id");
        given().baseUri(matching).auth().oauth2(frontline).when().post("/matches/{id}/acceptance", matchId).then().statusCode(403);
        given().baseUri(matching).auth().oauth2(provider).when().post("/matches/{id}/acceptance", matchId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .baseUri(action).auth().oauth2(provider).when().get("/needs/{id}/beneficiary", needId)
                .then().statusCode(200).body("name", equalTo("王奶奶")));
        String deliveryId = given().baseUri(matching).auth().oauth2(provider).contentType(ContentType.JSON).body(Map.of("quantity", 12))
                .when().post("/matches/{id}/deliveries", matchId).then().statusCode(201).body("match.status", equalTo("DELIVERED"))
                .extract().path("id");
        given().baseUri(matching).auth().oauth2(provider).when().post("/matches/{id}/confirmation", matchId).then().statusCode(403);
        given().baseUri(matching).auth().oauth2(frontline).when().post("/matches/{id}/confirmation", matchId)
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .baseUri(action).when().get("/needs/{id}", needId)
                .then().body("status", equalTo("FULFILLED")).body("quantityReceived", equalTo(12.0f)));
        given().baseUri(action).auth().oauth2(provider).when().get("/needs/{id}/beneficiary", needId).then().statusCode(403);
        given().baseUri(action).auth().oauth2(frontline).when().get("/needs/{id}/beneficiary/accesses", needId)
                .then().statusCode(200).body("items.asRole", hasItem("ACCEPTED_PROVIDER"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .baseUri(network.url("notification-service")).auth().oauth2(frontline).when().get("/inbox?size=100")
                .then().body("items.findAll { it.aboutId == '" + matchId + "' }.kind", hasItem("MATCH_ACCEPTED"))
                .body("items.findAll { it.aboutId == '" + deliveryId + "' }.kind", hasItem("MATCH_DELIVERED")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .baseUri(network.url("notification-service")).auth().oauth2(provider).when().get("/inbox?size=100")
                .then().body("items.findAll { it.aboutId == '" + matchId + "' }.kind", hasItem("MATCH_CONFIRMED"))
                .body(org.hamcrest.Matchers.not(containsString("王奶奶"))));
    }

    /** The registry finds people in the real Keycloak by e-mail, with its own service account. */
    @Test
    void anAdministratorAddsAMemberByTheEmailKeycloakKnows() throws Exception {
        String admin = keycloak.token("xiyang");
        String registry = network.url("registry-service");
        String organization = apply(admin, "北京市夕阳再晨社会工作服务中心", "SOCIAL_ORGANIZATION", "FILED", "110108010");

        given().baseUri(registry).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "putian@collabnet.example"))
                .when().post("/organizations/{id}/members", organization)
                .then().statusCode(200).body("role", equalTo("ORG_MEMBER"))
                .body("subject", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        given().baseUri(registry).auth().oauth2(keycloak.token("putian")).when().get("/organizations/mine")
                .then().statusCode(200).body("id", hasItem(organization));
        given().baseUri(registry).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "nobody@collabnet.example"))
                .when().post("/organizations/{id}/members", organization)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("email"));
    }

    /** Keycloak has one hostname: a token fetched from 127.0.0.1 is as good as one fetched from localhost. */
    @Test
    void aTokenFetchedFromAnotherAddressOfKeycloakIsAccepted() throws Exception {
        String viaLoopbackAddress = new DemoData(network.keycloakIssuer().replace("://localhost:", "://127.0.0.1:"),
                network.url("registry-service")).token("jiyang");
        given().baseUri(network.url("registry-service")).auth().oauth2(viaLoopbackAddress).when().get("/organizations/mine")
                .then().statusCode(200);
    }
}
