package net.collab.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

import net.collab.testing.TestTokens;

/** Organizations made through the API, as their administrators and the coordinator would. */
final class Fixtures {

    static final String COORDINATOR = TestTokens.coordinator("coordinator-1");

    private Fixtures() {
    }

    static Map<String, Object> application(String nameZh) {
        Map<String, Object> application = new HashMap<>();
        application.put("nameZh", nameZh);
        application.put("kind", "SOCIAL_ORGANIZATION");
        application.put("registrationStatus", "FILED");
        application.put("serviceAreas", List.of("110108010"));
        application.put("description", "扎根社区，服务老人");
        return application;
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String apply(String subject, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.user(subject)).contentType(ContentType.JSON).body(body)
                .when().post("/organizations")
                .then().statusCode(201).body("status", equalTo("APPLIED"))
                .header("Location", org.hamcrest.Matchers.containsString("/organizations/"))
                .extract().path("id");
    }

    static void approve(String id) {
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", id)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    static String approved(String subject, Map<String, Object> body) {
        String id = apply(subject, body);
        approve(id);
        return id;
    }

    /** A grassroots group applied for by its founder, sponsorship accepted by the hub's administrator, approved. */
    static String sponsoredGroup(String founder, String hub, String hubAdmin) {
        String group = apply(founder, SponsorshipTest.grassroots(unique("草根队"), hub));
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(Map.of("answer", "ACCEPT"))
                .when().post("/organizations/{id}/sponsorship/answer", group)
                .then().statusCode(200).body("sponsorshipStatus", equalTo("ACCEPTED"));
        approve(group);
        return group;
    }

    static String approvedHub(String subject) {
        Map<String, Object> hub = application(unique("济阳街道社会组织服务中心"));
        hub.put("kind", "HUB_ORGANIZATION");
        hub.put("serviceAreas", List.of("370811012"));
        return approved(subject, hub);
    }
}
