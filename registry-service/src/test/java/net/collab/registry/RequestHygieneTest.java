package net.collab.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;

/** What is refused before any rule is applied: tokens that are not for us, oversized bodies, NUL characters. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RequestHygieneTest {

    @Test
    void aRefusedTokenIsAnsweredWithWhatIsWrongWithIt() {
        String subject = "someone-" + UUID.randomUUID();
        given().when().get("/organizations/mine").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("needs a bearer token"));
        given().auth().oauth2(TestTokens.expired(subject)).when().get("/organizations/mine")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("expired"));
        given().auth().oauth2(TestTokens.fromIssuer(subject, "http://127.0.0.1:8180/realms/collabnet")).when()
                .get("/organizations/mine")
                .then().statusCode(401).body("detail", containsString("issued by http://127.0.0.1:8180/realms/collabnet"));
        given().auth().oauth2(TestTokens.forAudience(subject, "some-other-api")).when().get("/organizations/mine")
                .then().statusCode(401).body("detail", containsString("meant for some-other-api"));
        given().auth().oauth2("not-a-token").when().get("/organizations/mine").then().statusCode(401)
                .contentType("application/problem+json");
        // The same subject with a good token is let in: the refusals above were about the tokens.
        given().auth().oauth2(TestTokens.user(subject)).when().get("/organizations/mine").then().statusCode(200);
    }

    @Test
    void anOverlongAddressIsRefusedWithAProblemDocument() {
        given().queryParam("q", "长".repeat(3000)).when().get("/organizations") // 27,000 characters percent-encoded
                .then().statusCode(414).contentType("application/problem+json").body("title", containsString("URI too long"));
        given().queryParam("q", "长".repeat(100)).when().get("/organizations").then().statusCode(200);
    }

    @Test
    void aNulCharacterInAJsonTextIsRefusedAndNothingIsStored() {
        String founder = "founder-" + UUID.randomUUID();
        String name = Fixtures.unique("带空字符");
        var application = Fixtures.application(name + "\u0000");
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(application)
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("nameZh"));
        application.put("nameZh", name);
        application.put("serviceAreas", java.util.List.of("110108010\u0000"));
        given().auth().oauth2(TestTokens.user(founder)).contentType(ContentType.JSON).body(application)
                .when().post("/organizations")
                .then().statusCode(400).body("errors[0].field", equalTo("serviceAreas[0]"));
        given().auth().oauth2(TestTokens.user(founder)).when().get("/organizations/mine").then().body("size()", equalTo(0));
    }

    @Test
    void bodiesBeyondTheLimitAreRefusedExceptWhereLargeOnesBelong() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        String id = Fixtures.approved(admin, Fixtures.application(Fixtures.unique("大请求")));
        String huge = "长".repeat(400_000); // 1.2 MB in UTF-8
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("description", huge))
                .when().patch("/organizations/{id}", id)
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        given().auth().oauth2(TestTokens.user(admin)).when().get("/organizations/{id}", id)
                .then().body("description", equalTo("扎根社区，服务老人"));
        // A body whose length is not declared cannot be held to the limit; a length that is not one is a bad request.
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI organization = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/organizations/" + id);
        var streamed = http.send(java.net.http.HttpRequest.newBuilder(organization)
                .header("Authorization", "Bearer " + TestTokens.user(admin)).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("{\"description\":\"流\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(streamed.statusCode()).isEqualTo(411);
        org.assertj.core.api.Assertions.assertThat(streamed.headers().firstValue("Content-Type")).contains("application/problem+json");
        given().auth().oauth2(TestTokens.user(admin)).when().get("/organizations/{id}", id)
                .then().body("description", equalTo("扎根社区，服务老人"));
        // The area import takes large files (here 1.3 MB: a row the registry knows already, with a long note).
        String csv = "code,name,note\n11,北京市," + "x".repeat(1_300_000) + "\n";
        given().auth().oauth2(TestTokens.coordinator("coordinator")).contentType("text/csv").body(csv)
                .when().post("/areas/import").then().statusCode(200).body("imported", equalTo(1));
    }
}
