package net.collab.registry;

import static io.restassured.RestAssured.given;
import static net.collab.registry.Fixtures.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.Topics;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProfileAndPrivacyTest {

    @Test
    void privateContactsAreSeenOnlyByMembersAndTheCoordinator() {
        String admin = "admin-" + UUID.randomUUID();
        Map<String, Object> profile = Fixtures.application(Fixtures.unique("北京市夕阳再晨社会工作服务中心"));
        profile.put("nameEn", "Xiyang Zaichen");
        profile.put("evaluationGrade", "4A");
        profile.put("serviceDomains", List.of("ELDERLY_CARE", "EPIDEMIC_PREVENTION"));
        profile.put("targetGroups", List.of("ELDERLY_LIVING_ALONE"));
        profile.put("publicContact", Map.of("phone", "010-62000000", "email", "contact@xiyang.example.org"));
        profile.put("privateContacts", List.of(Map.of("name", "罗旭", "role", "联合创始人", "phone", "13900001111")));
        profile.put("website", "https://xiyang.example.org");
        String id;
        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            id = Fixtures.approved(admin, profile);
            assertThat(probe.awaitEvent("net.collab.organization.approved.v1", id).value())
                    .doesNotContain("13900001111").doesNotContain("罗旭");
        }

        String publicView = given().when().get("/organizations/{id}", id).then().statusCode(200)
                .body("evaluationGrade", equalTo("4A"))
                .body("serviceDomains", hasItem("EPIDEMIC_PREVENTION"))
                .body("publicContact.phone", equalTo("010-62000000"))
                .body("privateContacts", nullValue())
                .extract().asString();
        assertThat(publicView).doesNotContain("13900001111");
        assertThat(given().when().get("/organizations?size=200").then().extract().asString()).doesNotContain("13900001111");
        given().auth().oauth2(TestTokens.user("stranger")).when().get("/organizations/{id}", id)
                .then().body("privateContacts", nullValue());

        given().auth().oauth2(TestTokens.user(admin)).when().get("/organizations/{id}", id)
                .then().body("privateContacts[0].phone", equalTo("13900001111")).body("status", equalTo("APPROVED"));
        given().auth().oauth2(COORDINATOR).when().get("/organizations/{id}", id)
                .then().body("privateContacts[0].name", equalTo("罗旭"));
    }

    @Test
    void unknownAreaOrDomainOrGradeIsRefusedAndNothingIsStored() {
        String admin = "admin-" + UUID.randomUUID();
        String name = Fixtures.unique("无效申请");
        Map<String, Object> unknownArea = Fixtures.application(name);
        unknownArea.put("serviceAreas", List.of("110108010", "110108999"));
        Map<String, Object> unknownDomain = Fixtures.application(name);
        unknownDomain.put("serviceDomains", List.of("ELDERLY_CARE", "KNITTING"));
        Map<String, Object> badGrade = Fixtures.application(name);
        badGrade.put("evaluationGrade", "6A");

        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(unknownArea)
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("serviceAreas")).body("detail", containsString("110108999"));
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(unknownDomain)
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("KNITTING")).body("detail", containsString("ELDERLY_CARE"));
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(badGrade)
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("1A"));

        given().auth().oauth2(TestTokens.user(admin)).when().get("/organizations/mine").then().body("$", hasSize(0));
        given().auth().oauth2(COORDINATOR).when().get("/organizations?q={q}", name).then().body("total", equalTo(0));
    }

    @Test
    void aWrongCreditCodeIsNamedInTheProblem() {
        Map<String, Object> registered = Fixtures.application(Fixtures.unique("代码校验位错误"));
        registered.put("registrationStatus", "REGISTERED");
        registered.put("unifiedSocialCreditCode", "52110108MJ0123450A");
        given().auth().oauth2(TestTokens.user("admin-" + UUID.randomUUID())).contentType(ContentType.JSON).body(registered)
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("unifiedSocialCreditCode"))
                .body("errors[0].message", containsString("should be 'F'"));
        registered.remove("unifiedSocialCreditCode");
        given().auth().oauth2(TestTokens.user("admin-" + UUID.randomUUID())).contentType(ContentType.JSON).body(registered)
                .when().post("/organizations")
                .then().statusCode(400).body("errors[0].field", equalTo("unifiedSocialCreditCode"));
    }
}
