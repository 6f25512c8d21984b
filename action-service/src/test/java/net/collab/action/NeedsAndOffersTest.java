package net.collab.action;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.action.NeedPosted;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NeedsAndOffersTest {

    private static final String NEED_POSTED = "net.collab.need.posted.v1";
    private static final String OFFER_POSTED = "net.collab.offer.posted.v1";
    private static final String OFFER_QUANTITY_CHANGED = "net.collab.offer.quantity-changed.v1";

    @Inject
    OrganizationReplica replica;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    net.collab.membership.AreaReplica areas;

    /** The registry's places, as its events bring them; once Quarkus is up. */
    @org.junit.jupiter.api.BeforeEach
    void places() {
        Network.awaitPlaces(areas);
    }

    private boolean processed(UUID eventId) throws Exception {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select 1 from processed_event where event_id = ?")) {
            query.setObject(1, eventId);
            try (var result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    static Map<String, Object> need(UUID organizationId) {
        Map<String, Object> need = new HashMap<>();
        need.put("organizationId", organizationId.toString());
        need.put("category", "SERVICE");
        need.put("item", "送药");
        need.put("quantity", 12);
        need.put("unit", "次");
        need.put("urgency", "HIGH");
        need.put("areaCode", "370811012002");
        need.put("targetGroup", "ELDERLY_LIVING_ALONE");
        need.put("beneficiary", Map.of("name", "王奶奶", "phone", "13800000000", "address", "草桥口社区3号楼2单元101"));
        return need;
    }

    private UUID organization(String admin, OrganizationStatus status) {
        UUID id = status == OrganizationStatus.APPROVED ? TestOrganizations.approved(admin) : TestOrganizations.applied(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(id).equals(java.util.Optional.of(status)));
        return id;
    }

    @Test
    void memberOfAnApprovedOrganizationPostsANeedWhoseEventCarriesNoPersonalData() throws Exception {
        String member = "caoqiao-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS)) {
            String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                    .when().post("/needs")
                    .then().statusCode(201).body("status", equalTo("OPEN")).body("beneficiary", org.hamcrest.Matchers.nullValue())
                    .extract().path("id");

            var record = probe.awaitEvent(NEED_POSTED, id);
            var posted = (NeedPosted) EventCodec.fromJson(NEED_POSTED, record.value());
            assertThat(posted.organizationId()).isEqualTo(organization);
            assertThat(posted.areaCode()).isEqualTo("370811012002");
            assertThat(record.value()).doesNotContain("王奶奶").doesNotContain("13800000000").doesNotContain("草桥口社区3号楼");
            assertThat(probe.seen(ofType(NEED_POSTED).and(about(id)))).hasSize(1);

            String publicNeed = given().when().get("/needs/{id}", id).then().statusCode(200).extract().asString();
            String publicList = given().when().get("/needs?size=200").then().statusCode(200).extract().asString();
            assertThat(publicNeed + publicList).doesNotContain("王奶奶").doesNotContain("13800000000");

            // At rest the personal data is encrypted: whoever reads the database reads no name, phone or address.
            try (var connection = dataSource.getConnection(); var row = connection.prepareStatement(
                    "select name, phone, address from need_beneficiary where need_id = ?")) {
                row.setObject(1, UUID.fromString(id));
                try (var result = row.executeQuery()) {
                    assertThat(result.next()).isTrue();
                    for (int column = 1; column <= 3; column++) {
                        assertThat(result.getString(column)).startsWith("v1:").doesNotContain("王奶奶")
                                .doesNotContain("13800000000").doesNotContain("草桥口");
                    }
                }
            }
            given().auth().oauth2(TestTokens.user(member)).when().get("/needs/{id}/beneficiary", id)
                    .then().statusCode(200).body("name", equalTo("王奶奶")).body("address", equalTo("草桥口社区3号楼2单元101"));
            given().auth().oauth2(TestTokens.coordinator("coordinator-1")).when().get("/needs/{id}/beneficiary", id)
                    .then().statusCode(200).body("phone", equalTo("13800000000"));
            given().auth().oauth2(TestTokens.user("someone-else")).when().get("/needs/{id}/beneficiary", id)
                    .then().statusCode(403).contentType("application/problem+json");
            given().when().get("/needs/{id}/beneficiary", id).then().statusCode(401);

            // Every read is in the audit log; refused reads are not reads.
            given().auth().oauth2(TestTokens.user(member)).when().get("/needs/{id}/beneficiary/accesses", id)
                    .then().statusCode(200)
                    .body("items.subject", org.hamcrest.Matchers.contains(member, "coordinator-1"))
                    .body("items.asRole", org.hamcrest.Matchers.contains("REQUESTING_ORGANIZATION", "COORDINATOR"));
            given().auth().oauth2(TestTokens.user("someone-else")).when().get("/needs/{id}/beneficiary/accesses", id)
                    .then().statusCode(403);
        }
    }

    @Test
    void organizationsThatAreNotApprovedCannotPost() {
        String member = "applicant-" + UUID.randomUUID();
        UUID applied = organization(member, OrganizationStatus.APPLIED);

        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(applied))
                .when().post("/needs")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("APPLIED"));
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(UUID.randomUUID()))
                .when().post("/needs")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/needs?organizationId={id}", applied).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void suspendedOrganizationCannotPostAnyMore() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        TestOrganizations.suspend(organization, member);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> replica.status(organization).equals(java.util.Optional.of(OrganizationStatus.SUSPENDED)));

        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOlderSnapshotArrivingLateDoesNotUndoANewerOne() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        var approvedEarlier = new net.collab.events.registry.OrganizationApproved(
                TestOrganizations.snapshot(organization, OrganizationStatus.APPROVED, member));
        var suspendedLater = new net.collab.events.registry.OrganizationSuspended(
                TestOrganizations.snapshot(organization, OrganizationStatus.SUSPENDED, member), "test");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        net.collab.testing.TestEvents.send(suspendedLater, UUID.randomUUID(), now);
        UUID late = UUID.randomUUID();
        // e.g. a replayed dead letter, from a producer whose clock runs ahead: the version decides, not the clock
        net.collab.testing.TestEvents.send(approvedEarlier, late, now.plusMinutes(5));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processed(late));
        assertThat(replica.status(organization)).contains(OrganizationStatus.SUSPENDED);
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs").then().statusCode(403);
    }

    @Test
    void onlyMembersPostAndWithdrawForTheirOrganization() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);

        given().auth().oauth2(TestTokens.user("stranger-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(need(organization))
                .when().post("/needs")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs")
                .then().statusCode(401);

        String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.user("stranger")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/needs/{id}/withdrawal", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("reason", "已解决"))
                .when().post("/needs/{id}/withdrawal", id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().when().get("/needs?size=200").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void anOrganizationChangesHowMuchItOffersAndMatchingHearsOfIt() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        String stranger = "stranger-" + UUID.randomUUID();
        organization(stranger, OrganizationStatus.APPROVED);
        String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization.toString(), "category", "SUPPLIES", "item", "口罩", "quantity", 1000,
                        "unit", "只", "areaCode", "370811"))
                .when().post("/offers").then().statusCode(201).extract().path("id");
        try (TopicProbe probe = TopicProbe.open(Topics.OFFERS)) {
            given().contentType(ContentType.JSON).body(Map.of("quantity", 1500))
                    .when().put("/offers/{id}/quantity", id).then().statusCode(401);
            given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(Map.of("quantity", 1500))
                    .when().put("/offers/{id}/quantity", id).then().statusCode(403).contentType("application/problem+json");
            for (Object bad : List.of(-1, 0, "1e12", "0.001", "many")) {
                given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("quantity", bad))
                        .when().put("/offers/{id}/quantity", id)
                        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("quantity"));
            }
            // The same quantity again changes nothing and tells nobody (no event before the next one, below).
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("quantity", 1000))
                    .when().put("/offers/{id}/quantity", id).then().statusCode(200);
            given().when().get("/offers/{id}", id).then().body("quantity", equalTo(1000.0f));

            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("quantity", 600))
                    .when().put("/offers/{id}/quantity", id).then().statusCode(200).body("quantity", equalTo(600));
            var changed = (net.collab.events.action.OfferQuantityChanged) EventCodec.fromJson(OFFER_QUANTITY_CHANGED,
                    probe.awaitEvent(OFFER_QUANTITY_CHANGED, id).value());
            assertThat(changed.quantity()).isEqualByComparingTo("600");
            assertThat(changed.previousQuantity()).isEqualByComparingTo("1000");
            assertThat(probe.seen(ofType(OFFER_QUANTITY_CHANGED).and(about(id)))).hasSize(1);

            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/offers/{id}/withdrawal", id).then().statusCode(200);
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("quantity", 700))
                    .when().put("/offers/{id}/quantity", id).then().statusCode(409);
        }
    }

    @Test
    void aHubsAdministratorsSpeakForTheGroupsItSponsorsAndTheirReadsAreAuditedAsTheHubs() {
        String hubAdmin = "hub-" + UUID.randomUUID();
        String hubMember = "hub-member-" + UUID.randomUUID();
        UUID hub = UUID.randomUUID();
        var plain = TestOrganizations.snapshot(hub, OrganizationStatus.APPROVED, hubAdmin);
        net.collab.testing.TestEvents.send(new net.collab.events.registry.OrganizationApproved(
                new net.collab.events.registry.OrganizationSnapshot(hub, plain.nameZh(), null,
                        net.collab.events.Vocabulary.OrganizationKind.HUB_ORGANIZATION, OrganizationStatus.APPROVED,
                        plain.serviceAreas(), List.of(plain.members().get(0),
                                new net.collab.events.registry.OrganizationSnapshot.Member(hubMember,
                                        net.collab.events.Vocabulary.MemberRole.ORG_MEMBER)),
                        null, plain.version())));
        String founder = "founder-" + UUID.randomUUID();
        UUID group = TestOrganizations.approvedSponsoredBy(hub, founder);
        UUID unsponsored = organization("other-" + UUID.randomUUID(), OrganizationStatus.APPROVED);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> replica.status(group).isPresent() && replica.status(hub).isPresent());

        String id = given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(need(group))
                .when().post("/needs")
                .then().statusCode(201).body("organizationId", equalTo(group.toString())).extract().path("id");
        given().auth().oauth2(TestTokens.user(hubAdmin)).contentType(ContentType.JSON).body(need(unsponsored))
                .when().post("/needs")
                .then().statusCode(403).contentType("application/problem+json");
        // A member of the hub who does not administer it has no say over the group, and no sight of its beneficiaries.
        given().auth().oauth2(TestTokens.user(hubMember)).contentType(ContentType.JSON).body(need(group))
                .when().post("/needs").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(hubMember)).when().get("/needs/{id}/beneficiary", id).then().statusCode(403);

        given().auth().oauth2(TestTokens.user(hubAdmin)).when().get("/needs/{id}/beneficiary", id)
                .then().statusCode(200).body("name", equalTo("王奶奶"));
        given().auth().oauth2(TestTokens.user(founder)).when().get("/needs/{id}/beneficiary", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.user(founder)).when().get("/needs/{id}/beneficiary/accesses?size=1&page=1", id)
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].asRole", equalTo("REQUESTING_ORGANIZATION"));
        given().auth().oauth2(TestTokens.user(founder)).when().get("/needs/{id}/beneficiary/accesses", id)
                .then().body("items[0].subject", equalTo(hubAdmin)).body("items[0].asRole", equalTo("SPONSORING_HUB"));
    }

    @Test
    void anOrganizationWithdrawsItsOfferAndTheNetworkHearsOfIt() {
        String member = "provider-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        String otherAdmin = "other-" + UUID.randomUUID();
        organization(otherAdmin, OrganizationStatus.APPROVED);
        Map<String, Object> offer = Map.of("organizationId", organization.toString(), "category", "SUPPLIES",
                "item", "口罩", "quantity", 1000, "unit", "只", "areaCode", "370811");
        String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(offer)
                .when().post("/offers").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post("/offers/{id}/withdrawal", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(otherAdmin)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/offers/{id}/withdrawal", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/offers/{id}", id).then().body("status", equalTo("OPEN"));
        try (TopicProbe probe = TopicProbe.open(Topics.OFFERS)) {
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("reason", "已发完 all given"))
                    .when().post("/offers/{id}/withdrawal", id)
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            var withdrawn = (net.collab.events.action.OfferWithdrawn) net.collab.events.EventCodec.fromJson(
                    "net.collab.offer.withdrawn.v1", probe.awaitEvent("net.collab.offer.withdrawn.v1", id).value());
            assertThat(withdrawn.reason()).isEqualTo("已发完 all given");
        }
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/offers/{id}/withdrawal", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get("/offers?size=200").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void invalidNeedsAreRefusedAndNothingIsStored() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        var zeroQuantity = need(organization);
        zeroQuantity.put("quantity", 0);
        var badArea = need(organization);
        badArea.put("areaCode", "北京");
        var unknownArea = need(organization);
        unknownArea.put("areaCode", "999999");
        var pastDeadline = need(organization);
        pastDeadline.put("deadline", "2020-01-24T18:00:00+08:00");
        var hugeDescription = need(organization);
        hugeDescription.put("description", "长".repeat(4001));
        var freeTextGroup = need(organization);
        freeTextGroup.put("targetGroup", "孤寡老人"); // the vocabulary's name is ELDERLY_LIVING_ALONE
        var badCategory = need(organization);
        badCategory.put("category", "HUGS");

        var subCent = need(organization);
        subCent.put("quantity", 0.001);
        for (var body : List.of(zeroQuantity, badArea, unknownArea, pastDeadline, hugeDescription, freeTextGroup, badCategory,
                subCent)) {
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(body)
                    .when().post("/needs")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/needs?organizationId={id}", organization).then().statusCode(200).body("total", equalTo(0));
        given().when().get("/needs?category=HUGS").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category")).body("detail", org.hamcrest.Matchers.containsString("SUPPLIES"));
        given().when().get("/needs?size=1000").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void placesAreRealAreasAtAnyLevelAndShownByName() {
        String member = "provider-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        // A whole city (济宁市, the registry's 4-digit code) is a place an offer may cover.
        String offer = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization.toString(), "category", "SUPPLIES", "item", "口罩",
                        "quantity", 1000, "unit", "只", "areaCode", "3708"))
                .when().post("/offers").then().statusCode(201)
                .body("place.name", equalTo("济宁市")).extract().path("id");
        given().when().get("/offers/{id}", offer).then().body("place.code", equalTo("3708"));
        for (String notAnArea : new String[] {"370800", "999999", "37081101200"}) {
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON)
                    .body(Map.of("organizationId", organization.toString(), "category", "SUPPLIES", "item", "口罩",
                            "quantity", 1000, "unit", "只", "areaCode", notAnArea))
                    .when().post("/offers").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("areaCode"));
        }
        String need = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs").then().statusCode(201)
                .body("place.name", equalTo("草桥口社区")).body("place.path", equalTo("济宁市任城区济阳街道"))
                .body("targetGroup", equalTo("ELDERLY_LIVING_ALONE")).body("targetGroupLabel", equalTo("孤寡老人"))
                .extract().path("id");
        given().when().get("/needs?organizationId={id}", organization)
                .then().body("items.find { it.id == '" + need + "' }.place.name", equalTo("草桥口社区"));
        var beijing = need(organization);
        beijing.put("areaCode", "110108010009");
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(beijing)
                .when().post("/needs").then().statusCode(201)
                .body("place.name", equalTo("学知园社区")).body("place.path", equalTo("北京市海淀区学院路街道"));
    }

    @Test
    void aNeedsStatusFollowsWhatMatchingProposes() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs").then().statusCode(201).body("quantityMatched", equalTo(0)).extract().path("id");
        UUID need = UUID.fromString(id);

        UUID first = net.collab.testing.TestEvents.send(proposal(need, "5"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/needs/{id}", id)
                .then().body("status", equalTo("PARTIALLY_MATCHED")).body("quantityMatched", equalTo(5.0f)));
        // Still sought, so still on the board; redelivered, the proposal counts once.
        given().when().get("/needs?organizationId={org}", organization).then().body("items.id", hasItem(id));
        net.collab.testing.TestEvents.send(proposal(need, "5"), first);
        net.collab.testing.TestEvents.send(proposal(need, "7"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/needs/{id}", id)
                .then().body("status", equalTo("MATCHED")).body("quantityMatched", equalTo(12.0f)));
        given().when().get("/needs?organizationId={org}", organization).then().body("items.id", not(hasItem(id)));
    }

    private static net.collab.events.matching.MatchProposed proposal(UUID need, String quantity) {
        return new net.collab.events.matching.MatchProposed(UUID.randomUUID(), need, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), net.collab.events.Vocabulary.ResourceCategory.SERVICE, "送药", new java.math.BigDecimal(quantity),
                "次", "370811012002", "test");
    }

    @Test
    void aSuspendedOrganizationsNeedsAndOffersArePausedAndComeBackOnReinstatement() {
        String member = "member-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        String need = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(need(organization))
                .when().post("/needs").then().statusCode(201).extract().path("id");
        String offer = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization.toString(), "category", "SUPPLIES", "item", "口罩",
                        "quantity", 100, "unit", "只", "areaCode", "3708"))
                .when().post("/offers").then().statusCode(201).extract().path("id");

        try (TopicProbe probe = TopicProbe.open(Topics.NEEDS, Topics.OFFERS)) {
            TestOrganizations.suspend(organization, member);
            probe.awaitEvent("net.collab.need.paused.v1", need);
            probe.awaitEvent("net.collab.offer.paused.v1", offer);
            given().when().get("/needs?organizationId={id}", organization).then().body("total", equalTo(0));
            given().when().get("/offers?size=200").then().body("items.id", not(hasItem(offer)));

            TestOrganizations.reinstate(organization, member);
            probe.awaitEvent("net.collab.need.resumed.v1", need);
            probe.awaitEvent("net.collab.offer.resumed.v1", offer);
            given().when().get("/needs?organizationId={id}", organization).then().body("items.id", contains(need))
                    .body("items[0].status", equalTo("OPEN"));
            given().when().get("/offers?size=200").then().body("items.id", hasItem(offer));
            assertThat(probe.seen(ofType("net.collab.need.paused.v1").and(about(need)))).hasSize(1);
        }
    }

    @Test
    void approvedOrganizationPostsAnOffer() {
        String member = "provider-" + UUID.randomUUID();
        UUID organization = organization(member, OrganizationStatus.APPROVED);
        Map<String, Object> offer = Map.of("organizationId", organization.toString(), "category", "SERVICE",
                "item", "送药", "quantity", 30, "unit", "次", "areaCode", "370811");
        try (TopicProbe probe = TopicProbe.open(Topics.OFFERS)) {
            String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(offer)
                    .when().post("/offers")
                    .then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
            probe.awaitEvent(OFFER_POSTED, id);
            assertThat(probe.seen(ofType(OFFER_POSTED).and(about(id)))).hasSize(1);
        }
        given().auth().oauth2(TestTokens.user("stranger")).contentType(ContentType.JSON).body(offer)
                .when().post("/offers")
                .then().statusCode(403);
    }
}
