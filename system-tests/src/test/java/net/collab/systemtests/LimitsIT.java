package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * The limits every service keeps, seen from outside: bodies beyond 1 MB (413), more writes from one
 * client than a person sends (429, with when to try again, other clients unaffected), tokens from
 * another realm or for another audience (401, saying why), and browsers on other sites (no CORS).
 */
class LimitsIT {

    private static CollabNetwork network;
    private static DemoData keycloak;

    @BeforeAll
    static void joinTheNetwork() throws Exception {
        network = SharedNetwork.get();
        keycloak = SharedNetwork.keycloak();
    }

    /** One write endpoint with a JSON body per service (any ids in its path): where a body would be read. */
    private static Map<String, String> aWritePerService() throws Exception {
        Map<String, String> writes = new java.util.LinkedHashMap<>();
        for (OpenApi.Operation operation : OpenApi.operations(network)) {
            if (operation.method().equals("post") && operation.jsonBodySchema() != null) {
                writes.putIfAbsent(operation.service(), operation.path().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString()));
            }
        }
        assertThat(writes).containsOnlyKeys(CollabNetwork.SERVICES);
        return writes;
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeItIsRead() throws Exception {
        String token = keycloak.token("putian");
        String marker = "LIMITS-" + java.util.UUID.randomUUID();
        String huge = "{\"description\":\"" + marker + "长".repeat(400_000) + "\"}"; // 1.2 MB in UTF-8
        for (Map.Entry<String, String> write : aWritePerService().entrySet()) {
            given().baseUri(network.url(write.getKey())).auth().oauth2(token).contentType(ContentType.JSON).body(huge)
                    .when().post(write.getValue())
                    .then().statusCode(413).contentType("application/problem+json");
        }
        assertThat(Databases.rowsContaining(network, marker)).as("stored from refused requests").isEmpty();
    }

    @Test
    void oneClientSendingWritesFasterThanAPersonIsSlowedAndNobodyElse() throws Exception {
        String action = network.url("action-service");
        String hurried = keycloak.token("putian");
        String other = keycloak.token("xiyang");
        // An empty need is refused (400), so the flood stores nothing; the limit counts every write. Eight
        // connections at once, so that even a slow machine sends faster than the refill.
        List<Response> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean slowed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService flood = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int thread = 0; thread < 8; thread++) {
            flood.submit(() -> {
                while (!slowed.get() && answers.size() < 5000) {
                    Response answer = given().baseUri(action).auth().oauth2(hurried).contentType(ContentType.JSON).body("{}")
                            .when().post("/needs");
                    answers.add(answer);
                    if (answer.statusCode() == 429) {
                        slowed.set(true);
                    }
                }
            });
        }
        flood.shutdown();
        assertThat(flood.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        Response limitedAnswer;
        synchronized (answers) {
            limitedAnswer = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst()
                    .orElseThrow(() -> new AssertionError(answers.size() + " writes in a row and none was slowed"));
            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(400, 429));
            assertThat(answers.stream().filter(answer -> answer.statusCode() == 400).count()).as("writes let through")
                    .isGreaterThanOrEqualTo(100);
        }
        Response limited = limitedAnswer;
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("title")).contains("Too many requests");
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);

        // Someone else writes as usual meanwhile; reads are not limited.
        given().baseUri(action).auth().oauth2(other).contentType(ContentType.JSON).body("{}").when().post("/needs")
                .then().statusCode(400);
        given().baseUri(action).auth().oauth2(hurried).when().get("/needs").then().statusCode(200);
        // And after the pause the server asked for, the hurried client is heard again.
        Awaitility.await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 5L))
                .until(() -> given().baseUri(action).auth().oauth2(hurried).contentType(ContentType.JSON).body("{}")
                        .when().post("/needs").statusCode() == 400);
        System.out.printf("write limit: %d writes from one person on 8 connections, %d let through, then 429 (Retry-After %d s)%n",
                answers.size(), answers.stream().filter(answer -> answer.statusCode() == 400).count(), retryAfter);
    }

    @Test
    void tokensFromAnotherRealmOrForAnotherAudienceAreRefused() throws Exception {
        String keycloakUrl = network.url("keycloak");
        // The identity provider's own administrators' realm: signed by the same server, another issuer.
        String otherRealm = given().baseUri(keycloakUrl).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .when().post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        // registry-service's own service account: the right realm, but not a token meant for the services.
        String otherAudience = given().baseUri(keycloakUrl).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "registry-service",
                        "client_secret", "local-demo-registry-secret"))
                .when().post("/realms/collabnet/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String marker = "LIMITS-" + java.util.UUID.randomUUID();
        for (Map.Entry<String, String> write : aWritePerService().entrySet()) {
            for (String token : List.of(otherRealm, otherAudience)) {
                given().baseUri(network.url(write.getKey())).auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("description", marker, "reason", marker, "nameZh", marker))
                        .when().post(write.getValue()).then().statusCode(401).contentType("application/problem+json");
            }
            // Reads that need a person refuse them too (a public read would ignore the token).
            given().baseUri(network.url("notification-service")).auth().oauth2(otherRealm).when().get("/inbox")
                    .then().statusCode(401);
        }
        assertThat(Databases.rowsContaining(network, marker)).as("stored from refused requests").isEmpty();
    }

    @Test
    void browsersMayCallTheServicesFromTheConsoleAlone() {
        String console = network.url("console");
        for (String service : CollabNetwork.SERVICES) {
            Response fromTheConsole = given().baseUri(network.url(service)).header("Origin", console)
                    .header("Access-Control-Request-Method", "POST").when().options("/needs");
            assertThat(fromTheConsole.header("Access-Control-Allow-Origin")).as(service).isEqualTo(console);
            for (String elsewhere : List.of("http://evil.example", "http://localhost:1", console + ".evil.example")) {
                Response preflight = given().baseUri(network.url(service)).header("Origin", elsewhere)
                        .header("Access-Control-Request-Method", "POST").when().options("/needs");
                assertThat(preflight.header("Access-Control-Allow-Origin")).as(service + " from " + elsewhere).isNull();
                Response read = given().baseUri(network.url(service)).header("Origin", elsewhere).when().get("/q/health/live");
                assertThat(read.header("Access-Control-Allow-Origin")).as(service + " read from " + elsewhere).isNull();
            }
        }
    }
}
