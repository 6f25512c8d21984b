package net.collab.registry;

import static io.restassured.RestAssured.given;
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
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.registry.OrganizationApproved;
import net.collab.events.registry.OrganizationRejected;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OrganizationVettingTest {

    private static final String APPLIED = "net.collab.organization.applied.v1";
    private static final String APPROVED = "net.collab.organization.approved.v1";
    private static final String REJECTED = "net.collab.organization.rejected.v1";

    static Map<String, Object> application(String nameZh) {
        return Fixtures.application(nameZh);
    }

    static String apply(String subject, Map<String, Object> body) {
        return Fixtures.apply(subject, body);
    }

    @Test
    void approvedApplicationEntersTheDirectoryAndEachStepEmitsOneEvent() {
        String applicant = "applicant-" + UUID.randomUUID();
        String name = "北京市夕阳再晨社会工作服务中心-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            String id = apply(applicant, application(name));
            probe.awaitEvent(APPLIED, id);
            given().when().get("/organizations?size=200").then().statusCode(200).body("items.id", not(hasItem(id)));

            given().auth().oauth2(TestTokens.coordinator("coordinator-1")).contentType(ContentType.JSON)
                    .body(Map.of("decision", "APPROVE"))
                    .when().post("/organizations/{id}/approval", id)
                    .then().statusCode(200).body("status", equalTo("APPROVED"));

            var record = probe.awaitEvent(APPROVED, id);
            var approved = (OrganizationApproved) EventCodec.fromJson(APPROVED, record.value());
            assertThat(approved.organization().status()).isEqualTo(OrganizationStatus.APPROVED);
            assertThat(approved.organization().nameZh()).isEqualTo(name);
            assertThat(approved.organization().members()).extracting("subject", "role")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(applicant, MemberRole.ORG_ADMIN));
            assertThat(probe.seen(ofType(APPLIED).and(about(id)))).hasSize(1);
            assertThat(probe.seen(ofType(APPROVED).and(about(id)))).hasSize(1);
        }
        given().when().get("/organizations?size=200").then().statusCode(200).body("items.nameZh", hasItem(name));
    }

    @Test
    void theCoordinatorsQueueHoldsUndecidedApplicationsOnly() {
        String applicant = "applicant-" + UUID.randomUUID();
        String name = "待审核的社区志愿服务队-" + UUID.randomUUID();
        String id = apply(applicant, application(name));
        String coordinator = TestTokens.coordinator("coordinator-1");
        given().auth().oauth2(coordinator).when().get("/organizations/applications?size=200").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.nameZh", equalTo(name))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("APPLIED"));
        // Nobody else learns who applied.
        given().auth().oauth2(TestTokens.user(applicant)).when().get("/organizations/applications").then().statusCode(403);
        given().when().get("/organizations/applications").then().statusCode(401);

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", id).then().statusCode(200);
        given().auth().oauth2(coordinator).when().get("/organizations/applications?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void rejectionNeedsAReasonAndTellsIt() {
        String id = apply("applicant-" + UUID.randomUUID(), application("被拒绝的组织-" + UUID.randomUUID()));
        String coordinator = TestTokens.coordinator("coordinator-1");

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .when().post("/organizations/{id}/approval", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reasonGiven"));

        try (TopicProbe probe = TopicProbe.open(Topics.ORGANIZATIONS)) {
            given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(Map.of("decision", "REJECT", "reason", "材料不全 incomplete documents"))
                    .when().post("/organizations/{id}/approval", id)
                    .then().statusCode(200).body("status", equalTo("REJECTED"));
            var rejected = (OrganizationRejected) EventCodec.fromJson(REJECTED, probe.awaitEvent(REJECTED, id).value());
            assertThat(rejected.reason()).isEqualTo("材料不全 incomplete documents");
        }

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyTheCoordinatorDecides() {
        String applicant = "applicant-" + UUID.randomUUID();
        String id = apply(applicant, application("自己批准自己的组织-" + UUID.randomUUID()));

        given().auth().oauth2(TestTokens.user(applicant)).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", id)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", id)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.user(applicant)).when().get("/organizations/{id}", id)
                .then().statusCode(200).body("status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.user(applicant)).when().get("/organizations/mine")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.contains(id));
        given().when().get("/organizations/mine").then().statusCode(401);
    }

    @Test
    void anonymousCannotApply() {
        given().contentType(ContentType.JSON).body(application("匿名组织"))
                .when().post("/organizations")
                .then().statusCode(401);
    }

    @Test
    void invalidApplicationsAreRefusedWithProblemsAndNothingIsStored() {
        String applicant = "applicant-" + UUID.randomUUID();
        var missingName = new java.util.HashMap<>(application("x"));
        missingName.remove("nameZh");
        var badArea = new java.util.HashMap<>(application("坏地区码的组织"));
        badArea.put("serviceAreas", java.util.List.of("11010801"));
        var registeredWithBadCode = new java.util.HashMap<>(application("代码错误的组织"));
        registeredWithBadCode.put("registrationStatus", "REGISTERED");
        registeredWithBadCode.put("unifiedSocialCreditCode", "52110108MJ0000000X");
        var badKind = new java.util.HashMap<>(application("类型错误的组织"));
        badKind.put("kind", "CLUB");

        for (var body : java.util.List.of(missingName, badArea, registeredWithBadCode)) {
            given().auth().oauth2(TestTokens.user(applicant)).contentType(ContentType.JSON).body(body)
                    .when().post("/organizations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("请求无效 Invalid request")).body("errors.size()", org.hamcrest.Matchers.greaterThan(0));
        }
        given().auth().oauth2(TestTokens.user(applicant)).contentType(ContentType.JSON).body(badKind)
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("detail", org.hamcrest.Matchers.containsString("SOCIAL_ORGANIZATION"));
        given().auth().oauth2(TestTokens.user(applicant)).contentType(ContentType.JSON).body("{\"nameZh\": ")
                .when().post("/organizations")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.coordinator("coordinator-1")).when().get("/organizations?size=200")
                .then().statusCode(200).body("items.nameZh", not(hasItem("坏地区码的组织")));
    }

    @Test
    void registeredOrganizationNeedsAValidUniqueCreditCode() {
        var registered = new java.util.HashMap<>(application("登记的组织-" + UUID.randomUUID()));
        registered.put("registrationStatus", "REGISTERED");
        String first17 = "52110108MJ" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode() % 10_000_000));
        registered.put("unifiedSocialCreditCode",
                first17 + net.collab.registry.domain.UnifiedSocialCreditCode.checkCharacter(first17));

        apply("applicant-" + UUID.randomUUID(), registered);
        registered.put("nameZh", "同一代码的另一组织");
        given().auth().oauth2(TestTokens.user("applicant-" + UUID.randomUUID())).contentType(ContentType.JSON).body(registered)
                .when().post("/organizations")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void applicationsAreNotVisibleToStrangers() {
        String id = apply("applicant-" + UUID.randomUUID(), application("尚未批准的组织-" + UUID.randomUUID()));
        given().when().get("/organizations/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("stranger")).when().get("/organizations/{id}/members", id)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
