package net.collab.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/** Organizations the system tests need, made as people make them: applied for, approved by the coordinator. */
final class Organizations {

    private Organizations() {
    }

    /** The demo user applies for an organization serving the area; the coordinator approves it. @return its id */
    static String approved(CollabNetwork network, DemoData keycloak, String user, String name, String area) throws Exception {
        return approved(network, keycloak, user, name, area, "SOCIAL_ORGANIZATION");
    }

    /** As above, of the given kind (e.g. HUB_ORGANIZATION). */
    static String approved(CollabNetwork network, DemoData keycloak, String user, String name, String area, String kind)
            throws Exception {
        String registry = network.url("registry-service");
        String id = given().baseUri(registry).auth().oauth2(keycloak.token(user)).contentType(ContentType.JSON)
                .body(Map.of("nameZh", name, "kind", kind, "registrationStatus", "FILED", "serviceAreas", List.of(area)))
                .when().post("/organizations").then().statusCode(201).extract().path("id");
        given().baseUri(registry).auth().oauth2(keycloak.token("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).when().post("/organizations/{id}/approval", id).then().statusCode(200);
        return id;
    }

    /**
     * Waits until the approval reached action-service: until then it refuses the organization's
     * posts; an offer of a meeting room (which no need asks for) is accepted from then on.
     */
    static void awaitApprovalKnownToActions(CollabNetwork network, String token, String organizationId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(network.url("action-service")).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organizationId, "category", "VENUE", "item", "会议室", "quantity", 1, "unit", "间",
                        "areaCode", "3708"))
                .when().post("/offers").statusCode() == 201);
    }

    /**
     * Waits until the organization and its administrator reached notification-service: until then
     * it does not know the organization (404) and refuses its webhooks and subscriptions.
     */
    static void awaitKnownToNotifications(CollabNetwork network, String token, String organizationId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(network.url("notification-service")).auth().oauth2(token)
                .when().get("/organizations/{id}/webhooks", organizationId).statusCode() == 200);
    }
}
