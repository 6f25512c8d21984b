package net.collab.notification;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.MatchProposed;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.notification.domain.DigestSender;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestAreas;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

/** E-mail to a real SMTP server: who gets it, in which language, once; retries, the last attempt, and the coordinator's replay. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MAIL, value = "true"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class EmailDeliveryTest {

    private static final String COMMUNITY = "370811012002"; // 草桥口社区

    @Inject
    OrganizationReplica replica;

    @Inject
    AreaReplica areas;

    @Inject
    DigestSender digests;

    @BeforeEach
    void places() {
        TestAreas.define();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> areas.place(COMMUNITY).isPresent());
    }

    private static String signIn(String subject, String email) {
        String token = TestTokens.person(subject, email, "测试成员 " + subject, false);
        given().auth().oauth2(token).when().get("/preferences").then().statusCode(200).body("emailAddress", equalTo(email));
        return token;
    }

    @Test
    void aProposedMatchReachesEachMemberWhoWantsItByEmailOnceInTheirLanguage() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        String english = "english-" + UUID.randomUUID();
        String quiet = "quiet-" + UUID.randomUUID();
        String neverSignedIn = "absent-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approvedWithMembers(admin, english, quiet, neverSignedIn);
        UUID requester = TestOrganizations.approved("requester-" + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.isMember(provider, quiet) && replica.status(requester).isPresent());
        String adminEmail = admin + "@example.org";
        String englishEmail = english + "@example.org";
        String quietEmail = quiet + "@example.org";
        signIn(admin, adminEmail);
        given().auth().oauth2(signIn(english, englishEmail)).contentType(ContentType.JSON).body(Map.of("language", "en"))
                .when().put("/preferences").then().statusCode(200).body("language", equalTo("en"));
        given().auth().oauth2(signIn(quiet, quietEmail)).contentType(ContentType.JSON)
                .body(Map.of("email", Map.of("MATCH_PROPOSED", "OFF"))).when().put("/preferences").then().statusCode(200)
                .body("kinds.find { it.kind == 'MATCH_PROPOSED' }.email", equalTo("OFF"));

        MatchProposed match = new MatchProposed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), requester, provider,
                ResourceCategory.SUPPLIES, "医用口罩", new BigDecimal("200"), "只", COMMUNITY, "得分 7.25 score");
        try (TopicProbe deliveries = TopicProbe.open(Topics.DELIVERIES)) {
            UUID eventId = TestEvents.send(match);
            TestEvents.send(match, eventId); // the same event again, as after a consumer's restart
            TestEvents.send(match); // the same news in another event (a producer that published it twice): still once

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(adminEmail).size() == 1 && mailsTo(englishEmail).size() == 1);
            MimeMessage chinese = mailsTo(adminEmail).get(0);
            assertThat(chinese.getSubject()).contains("新的匹配提议").contains("医用口罩");
            String text = chinese.getContent().toString();
            assertThat(text).contains("测试组织-" + requester).contains("草桥口社区").doesNotContain(COMMUNITY).contains("200 只");
            assertThat(chinese.getHeader("X-Collabnet-Delivery-Id")).hasSize(1);
            assertThat(mailsTo(englishEmail).get(0).getSubject()).startsWith("New match proposed: 医用口罩");

            // The deliveries are told to the monitor: one event each, naming people by subject, never by address.
            for (String subject : List.of(admin, english)) {
                var delivered = deliveries.await(ofType("net.collab.notification.delivered.v1").and(r -> r.value().contains(subject)),
                        Duration.ofSeconds(20));
                assertThat(delivered.value()).doesNotContain("@").contains("EMAIL").contains("MATCH_PROPOSED");
            }
        }
        String coordinator = TestTokens.coordinator("coordinator-" + UUID.randomUUID());
        given().auth().oauth2(coordinator).when().get("/deliveries?status=SENT&size=200").then().statusCode(200)
                .body("items.recipient", hasItem(admin)).body("items.recipient", hasItem(english))
                .body("items.recipient", not(hasItem(quiet))).body("items.recipient", not(hasItem(neverSignedIn)));
        // Still one each, for a while, and none for the member who turned the kind off.
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailsTo(adminEmail).size() == 1
                && mailsTo(englishEmail).size() == 1 && mailsTo(quietEmail).isEmpty());
        given().auth().oauth2(TestTokens.user(admin)).when().get("/deliveries").then().statusCode(403);
        given().when().get("/deliveries").then().statusCode(401);
    }

    /** Two kinds the person chose to read once a day: no e-mail of their own, the digest lists them. */
    @Test
    void whatAPersonChoseToReadOnceADayArrivesInTheDigestNotAtOnce() {
        String admin = "admin-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent());
        String email = admin + "@example.org";
        given().auth().oauth2(signIn(admin, email)).contentType(ContentType.JSON)
                .body(Map.of("email", Map.of("MATCH_CANCELLED", "DIGEST", "MATCH_EXPIRED", "DIGEST"))).when().put("/preferences")
                .then().statusCode(200);
        UUID requester = UUID.randomUUID();
        TestEvents.send(new MatchCancelled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), requester, provider,
                new BigDecimal("3"), "箱", "改给更紧急的需求 given to a more urgent need", OffsetDateTime.now()));
        TestEvents.send(new MatchExpired(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), requester, provider,
                new BigDecimal("4"), "箱", OffsetDateTime.now()));

        String coordinator = TestTokens.coordinator("coordinator-" + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(coordinator)
                .when().get("/deliveries?status=DIGEST&size=200").then().body("items.findAll { it.recipient == '" + admin + "' }.size()",
                        equalTo(2)));
        assertThat(mailsTo(email)).isEmpty(); // nothing at once

        assertThat(digests.sendDigest(admin)).isEqualTo(2); // what the daily schedule does at 18:00
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(subject(mailsTo(email).get(0))).contains("每日摘要：2 条通知");
        assertThat(bodies(email).get(0)).contains("匹配已取消").contains("匹配提议已过期").contains("改给更紧急的需求");
        assertThat(digests.sendDigest(admin)).isZero(); // sent once
    }

    /** Someone who left the organization after the news was written is not sent it (here: in the digest). */
    @Test
    void someoneWhoLeftTheOrganizationIsNotSentItsNewsAnyMore() {
        String admin = "admin-" + UUID.randomUUID();
        String leaving = "leaving-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approvedWithMembers(admin, leaving);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.isMember(provider, leaving));
        String email = leaving + "@example.org";
        given().auth().oauth2(signIn(leaving, email)).contentType(ContentType.JSON)
                .body(Map.of("email", Map.of("MATCH_EXPIRED", "DIGEST"))).when().put("/preferences").then().statusCode(200);
        TestEvents.send(new MatchExpired(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), provider,
                new BigDecimal("4"), "箱", OffsetDateTime.now()));
        String coordinator = TestTokens.coordinator("coordinator-" + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(coordinator)
                .when().get("/deliveries?status=DIGEST&size=200").then().body("items.recipient", hasItem(leaving)));

        TestOrganizations.reinstate(provider, admin); // the organization's new state: the administrator alone
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !replica.isMember(provider, leaving));
        assertThat(digests.sendDigest(leaving)).isZero();
        assertThat(mailsTo(email)).isEmpty();
        given().auth().oauth2(coordinator).when().get("/deliveries?status=SKIPPED&size=200").then()
                .body("items.find { it.recipient == '" + leaving + "' }.lastError", containsString("no longer"));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bodies(String address) {
        return mailsTo(address).stream().map(mail -> {
            try {
                return mail.getContent().toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void preferencesRefuseWhatTheyDoNotKnowAndChangeNothing() {
        String subject = "person-" + UUID.randomUUID();
        String token = signIn(subject, subject + "@example.org");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "fr")).when().put("/preferences")
                .then().statusCode(400).contentType(containsString("application/problem+json")).body("detail", containsString("language"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", Map.of("NOPE", "OFF"))).when()
                .put("/preferences").then().statusCode(400).body("detail", containsString("NOPE"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "en", "email", Map.of("MATCH_PROPOSED", "SOMETIMES")))
                .when().put("/preferences").then().statusCode(400).body("detail", containsString("SOMETIMES"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"language\": [1,2]}").when().put("/preferences")
                .then().statusCode(400);
        given().auth().oauth2(token).when().get("/preferences").then().statusCode(200).body("language", equalTo("zh-CN"))
                .body("kinds.find { it.kind == 'MATCH_PROPOSED' }.email", equalTo("IMMEDIATE"));
        // An address the identity provider did not verify is not one to send to.
        String unverified = "unverified-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.person(unverified, unverified + "@example.org", "未验证", false, false)).when()
                .get("/preferences").then().statusCode(200).body("emailAddress", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON).body(Map.of("language", "en")).when().put("/preferences").then().statusCode(401);
        given().when().get("/preferences").then().statusCode(401);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return DevStackResource.mail().receivedBy(address);
    }
}
