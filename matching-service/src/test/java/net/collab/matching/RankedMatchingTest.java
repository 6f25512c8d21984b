package net.collab.matching;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.RiskLevel;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.OfferPosted;
import net.collab.events.matching.MatchProposed;
import net.collab.events.matching.NeedEscalated;
import net.collab.events.registry.RiskLevelChanged;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestAreas;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

/** Which offer goes where: synonyms, ranking, explanations with place names, active parties only, expiry and escalation. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RankedMatchingTest {

    private static final String PROPOSED = "net.collab.match.proposed.v1";

    @Inject
    OrganizationReplica replica;

    @Inject
    AreaReplica areas;

    @Inject
    javax.sql.DataSource dataSource;

    @BeforeEach
    void places() {
        var codes = TestAreas.codes();
        if (areas.places(codes).size() < codes.size()) {
            TestAreas.define();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> areas.places(codes).size() == codes.size());
        }
    }

    private static NeedPosted need(UUID organization, String item, Urgency urgency, String area) {
        return new NeedPosted(UUID.randomUUID(), organization, ResourceCategory.SUPPLIES, item, BigDecimal.ONE, "箱", urgency, area,
                null, null, OffsetDateTime.now());
    }

    private static OfferPosted offer(UUID organization, String item, int quantity, String area) {
        return new OfferPosted(UUID.randomUUID(), organization, ResourceCategory.SUPPLIES, item, new BigDecimal(quantity), "箱", area,
                null, OffsetDateTime.now());
    }

    private static MatchProposed proposalFor(TopicProbe probe, UUID needId) {
        var record = probe.await(ofType(PROPOSED).and(r -> r.value().contains(needId.toString())), Duration.ofSeconds(20));
        return (MatchProposed) EventCodec.fromJson(PROPOSED, record.value());
    }

    @Test
    void theNamesPeopleUseForOneThingMatchAndTheExplanationNamesThePlaces() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // 口罩 and its synonyms; full-width letters count as their half-width selves.
        NeedPosted need = new NeedPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, "ＫＮ９５口罩",
                new BigDecimal(100), "只", Urgency.HIGH, "370811012002", null, null, OffsetDateTime.now());
        OfferPosted offer = new OfferPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, "医用口罩",
                new BigDecimal(60), "只", "370811", null, OffsetDateTime.now());
        NeedPosted unrelated = new NeedPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, "手套-" + tag,
                new BigDecimal(5), "只", Urgency.CRITICAL, "370811012002", null, null, OffsetDateTime.now());
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(unrelated);
            TestEvents.send(need);
            TestEvents.send(offer);
            MatchProposed proposed = proposalFor(probe, need.needId());
            assertThat(proposed.offerId()).isEqualTo(offer.offerId());
            assertThat(proposed.quantity()).isEqualByComparingTo("60");
            assertThat(proposed.score()).isPositive();
            assertThat(proposed.explanation()).contains("医用口罩 → ＫＮ９５口罩").contains("任城区（济宁市）")
                    .contains("草桥口社区（济宁市任城区济阳街道）").contains("得分").contains("紧急程度").contains("score")
                    .doesNotContain("370811012002");
            assertThat(probe.seen(ofType(PROPOSED).and(r -> r.value().contains(unrelated.needId().toString())))).isEmpty();
        }
    }

    /**
     * One box, proposed to a low-urgency need: another low one due in six days and a quarter, posted later,
     * gets nothing (ranked higher by about 0.2 for its deadline, less than the margin of 0.5); a critical
     * one takes the proposal over (not yet accepted) — MatchCancelled for the first with the reason,
     * MatchProposed for the critical one.
     */
    @Test
    void aClearlyMoreUrgentNeedTakesOverAProposalNotYetAccepted() throws Exception {
        String item = "氧气瓶-" + UUID.randomUUID();
        NeedPosted first = need(Parties.approved(replica), item, Urgency.LOW, "370811012007");
        NeedPosted slightlyMore = new NeedPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, item,
                BigDecimal.ONE, "箱", Urgency.LOW, "370811012007", null, OffsetDateTime.now().plusHours(150), OffsetDateTime.now(), null);
        NeedPosted critical = need(Parties.approved(replica), item, Urgency.CRITICAL, "370811012007");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer(Parties.approved(replica), item, 1, "370811"));
            TestEvents.send(first);
            MatchProposed toFirst = proposalFor(probe, first.needId());
            TestEvents.send(slightlyMore);
            // Once the need is stored, matching for it is over (one transaction): what it was proposed is in the database.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(slightlyMore.needId()));
            assertThat(matchesOf(slightlyMore.needId())).isZero();

            TestEvents.send(critical);
            MatchProposed toCritical = proposalFor(probe, critical.needId());
            assertThat(toCritical.offerId()).isEqualTo(toFirst.offerId());
            assertThat(toCritical.quantity()).isEqualByComparingTo("1");
            var cancelled = probe.await(ofType("net.collab.match.cancelled.v1").and(about(toFirst.matchId().toString())),
                    Duration.ofSeconds(20));
            assertThat(cancelled.value()).contains("更紧急");
            given().when().get("/needs/{id}/matches", first.needId()).then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].status", equalTo("CANCELLED"));
            assertThat(matchesOf(slightlyMore.needId())).isZero();
        }
    }

    /**
     * Ten boxes proposed to a low need; a critical need for four takes four of them, and the low need
     * is proposed the six left of the same offer at once: nothing offered lies idle, nothing is promised twice.
     */
    @Test
    void aMoreUrgentNeedTakesOverOnlyWhatItLacksAndTheRestGoesBack() {
        String item = "消毒液-" + UUID.randomUUID();
        NeedPosted low = new NeedPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, item,
                BigDecimal.TEN, "箱", Urgency.LOW, "370811012007", null, null, OffsetDateTime.now());
        NeedPosted critical = new NeedPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, item,
                new BigDecimal(4), "箱", Urgency.CRITICAL, "370811012007", null, null, OffsetDateTime.now());
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(offer(Parties.approved(replica), item, 10, "370811"));
            TestEvents.send(low);
            MatchProposed toLow = proposalFor(probe, low.needId());
            assertThat(toLow.quantity()).isEqualByComparingTo("10");

            TestEvents.send(critical);
            MatchProposed toCritical = proposalFor(probe, critical.needId());
            assertThat(toCritical.offerId()).isEqualTo(toLow.offerId());
            assertThat(toCritical.quantity()).isEqualByComparingTo("4");
            probe.await(ofType("net.collab.match.cancelled.v1").and(about(toLow.matchId().toString())), Duration.ofSeconds(20));
            var rest = probe.await(ofType(PROPOSED).and(r -> r.value().contains(low.needId().toString())
                    && !r.value().contains(toLow.matchId().toString())), Duration.ofSeconds(20));
            MatchProposed again = (MatchProposed) EventCodec.fromJson(PROPOSED, rest.value());
            assertThat(again.offerId()).isEqualTo(toLow.offerId());
            assertThat(again.quantity()).isEqualByComparingTo("6");
            given().when().get("/needs/{id}/matches", low.needId()).then().statusCode(200)
                    .body("items.status", containsInAnyOrder("CANCELLED", "PROPOSED"));
        }
    }

    private long matchesOf(UUID needId) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("select count(*) from match where need_id = '" + needId + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * One box for three needs in the district: the most urgent of the high-risk community's comes
     * first, then the critical one elsewhere, the low one last; the risk was raised after the needs
     * were posted and the ranking follows it.
     */
    @Test
    void anOfferGoesToTheNeedsThatRankHighestAndARaisedRiskLevelCounts() {
        String item = "药品-" + UUID.randomUUID();
        NeedPosted low = need(Parties.approved(replica), item, Urgency.LOW, "370811012007");
        NeedPosted critical = need(Parties.approved(replica), item, Urgency.CRITICAL, "370811012007");
        NeedPosted highAtRisk = need(Parties.approved(replica), item, Urgency.HIGH, "370811012002");
        UUID provider = Parties.approved(replica);
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.sendAll(List.of(low, critical, highAtRisk));
            TestEvents.send(new RiskLevelChanged("370811012002", RiskLevel.HIGH, RiskLevel.GENERAL, OffsetDateTime.now(), "草桥口社区",
                    net.collab.events.Vocabulary.AreaLevel.COMMUNITY, "370811012"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "HIGH".equals(riskOf("370811012002"))
                    && needKnown(low.needId()) && needKnown(critical.needId()) && needKnown(highAtRisk.needId()));

            TestEvents.send(offer(provider, item, 1, "370811"));
            assertThat(proposalFor(probe, highAtRisk.needId()).explanation()).contains("风险等级 3");
            TestEvents.send(offer(provider, item, 1, "370811"));
            proposalFor(probe, critical.needId());
            TestEvents.send(offer(provider, item, 1, "370811"));
            proposalFor(probe, low.needId());
        }
    }

    @Test
    void onlyApprovedOrganizationsAreMatchedAndNeverPastTheDeadline() throws Exception {
        String item = "棉被-" + UUID.randomUUID();
        String suspendedAdmin = "suspended-" + UUID.randomUUID();
        UUID suspended = Parties.approved(replica, suspendedAdmin);
        TestOrganizations.suspend(suspended, suspendedAdmin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(suspended)
                .equals(java.util.Optional.of(net.collab.events.Vocabulary.OrganizationStatus.SUSPENDED)));
        NeedPosted fromUnknown = need(UUID.randomUUID(), item, Urgency.CRITICAL, "370811012002");
        NeedPosted fromSuspended = need(suspended, item, Urgency.CRITICAL, "370811012002");
        NeedPosted late = new NeedPosted(UUID.randomUUID(), Parties.approved(replica), ResourceCategory.SUPPLIES, item, BigDecimal.ONE,
                "箱", Urgency.CRITICAL, "370811012002", null, OffsetDateTime.now().minusMinutes(1), OffsetDateTime.now().minusHours(1));
        NeedPosted fine = need(Parties.approved(replica), item, Urgency.LOW, "370811012002");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.sendAll(List.of(fromUnknown, fromSuspended, late, fine));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(fine.needId()) && needKnown(late.needId())
                    && needKnown(fromSuspended.needId()) && needKnown(fromUnknown.needId()));
            TestEvents.send(offer(Parties.approved(replica), item, 10, "3708"));
            proposalFor(probe, fine.needId()); // the lowest urgency, but the only one that may be served
            OfferPosted fromTheSuspended = offer(suspended, item, 10, "3708");
            TestEvents.send(fromTheSuspended);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offerKnown(fromTheSuspended.offerId()));
            NeedPosted another = need(Parties.approved(replica), item, Urgency.HIGH, "370811012002");
            TestEvents.send(another);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(another.needId()));
            assertThat(count("select count(*) from match where offer_id = '" + fromTheSuspended.offerId() + "'")).isZero();
            for (NeedPosted refused : List.of(fromUnknown, fromSuspended, late)) {
                assertThat(count("select count(*) from match where need_id = '" + refused.needId() + "'")).isZero();
            }
        }
    }

    /** A proposal nobody answers expires and the need takes the next offer; a need that waits too long is escalated. */
    @Test
    void anUnansweredProposalExpiresAndALongWaitingNeedIsEscalatedToTheCoordinator() throws Exception {
        String item = "轮椅-" + UUID.randomUUID();
        NeedPosted need = need(Parties.approved(replica), item, Urgency.HIGH, "370811012002");
        OfferPosted first = offer(Parties.approved(replica), item, 1, "370811012");
        OfferPosted second = offer(Parties.approved(replica), item, 1, "3708");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(first);
            TestEvents.send(need);
            MatchProposed proposed = proposalFor(probe, need.needId());
            assertThat(proposed.offerId()).isEqualTo(first.offerId());
            TestEvents.send(second);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offerKnown(second.offerId()));

            // Time passes for the proposal (its deadline moved back; the sweeper runs every second in tests).
            execute("update match set expires_at = now() - interval '1 minute' where id = '" + proposed.matchId() + "'");
            probe.awaitEvent("net.collab.match.expired.v1", proposed.matchId().toString());
            var again = probe.await(ofType(PROPOSED).and(r -> r.value().contains(need.needId().toString())
                    && !r.key().equals(proposed.matchId().toString())), Duration.ofSeconds(20));
            assertThat(((MatchProposed) EventCodec.fromJson(PROPOSED, again.value())).offerId()).isEqualTo(second.offerId());

            // A need nobody can serve, waiting past the escalation time (24 h by default).
            NeedPosted waiting = need(Parties.approved(replica), "无人提供-" + UUID.randomUUID(), Urgency.HIGH, "370811012002");
            TestEvents.send(waiting);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(waiting.needId()));
            execute("update need_replica set posted_at = now() - interval '25 hours' where id = '" + waiting.needId() + "'");
            var escalated = (NeedEscalated) EventCodec.fromJson("net.collab.need.escalated.v1",
                    probe.awaitEvent("net.collab.need.escalated.v1", waiting.needId().toString()).value());
            assertThat(escalated.quantityMissing()).isEqualByComparingTo("1");
            given().auth().oauth2(TestTokens.coordinator("coordinator")).when().get("/escalations?size=200")
                    .then().statusCode(200).body("items.needId", hasItem(waiting.needId().toString()));
            given().auth().oauth2(TestTokens.user("someone")).when().get("/escalations").then().statusCode(403);
            given().when().get("/escalations").then().statusCode(401);
            // A later sweep escalates another need; that sweep saw the first one too, already escalated, and left it.
            NeedPosted later = need(Parties.approved(replica), "无人提供-" + UUID.randomUUID(), Urgency.HIGH, "370811012002");
            TestEvents.send(later);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(later.needId()));
            execute("update need_replica set posted_at = now() - interval '25 hours' where id = '" + later.needId() + "'");
            probe.awaitEvent("net.collab.need.escalated.v1", later.needId().toString());
            assertThat(probe.seen(ofType("net.collab.need.escalated.v1").and(about(waiting.needId().toString())))).hasSize(1);
        }
    }

    /**
     * A need posted while its organization was not approved yet is matched once the approval
     * arrives; and a pair incremental matching never saw (here: a need written into the replica
     * behind the matcher's back, as a restored backup would) is found by the coordinator's optimizer.
     */
    @Test
    void aLateApprovalIsMatchedAtOnceAndTheOptimizerFindsWhatMatchingNeverSaw() throws Exception {
        String item = "净水器-" + UUID.randomUUID();
        UUID latecomer = UUID.randomUUID();
        NeedPosted need = need(latecomer, item, Urgency.HIGH, "370811012002");
        OfferPosted offer = offer(Parties.approved(replica), item, 5, "3708");
        try (TopicProbe probe = TopicProbe.open(Topics.MATCHES)) {
            TestEvents.send(need);
            TestEvents.send(offer);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> needKnown(need.needId()) && offerKnown(offer.offerId()));
            assertThat(count("select count(*) from match where need_id = '" + need.needId() + "'")).isZero();
            TestEvents.send(new net.collab.events.registry.OrganizationApproved(TestOrganizations.snapshot(latecomer,
                    net.collab.events.Vocabulary.OrganizationStatus.APPROVED, "latecomer-" + UUID.randomUUID())));
            assertThat(proposalFor(probe, need.needId()).offerId()).isEqualTo(offer.offerId());

            UUID unseen = UUID.randomUUID();
            execute("insert into need_replica (id, organization_id, category, item, item_key, quantity, unit, urgency, area_code,"
                    + " open, posted_at) values ('" + unseen + "', '" + Parties.approved(replica) + "', 'SUPPLIES', '" + item + "', '"
                    + item + "', 2, '箱', 'NORMAL', '370811012007', true, now())");
            given().when().post("/optimizations").then().statusCode(401);
            given().auth().oauth2(TestTokens.user("someone")).when().post("/optimizations").then().statusCode(403);
            given().auth().oauth2(TestTokens.coordinator("coordinator")).when().post("/optimizations")
                    .then().statusCode(200).body("proposed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            MatchProposed found = proposalFor(probe, unseen);
            assertThat(found.offerId()).isEqualTo(offer.offerId());
            assertThat(found.quantity()).isEqualByComparingTo("2");
            // Run again: nothing more for it.
            given().auth().oauth2(TestTokens.coordinator("coordinator")).when().post("/optimizations").then().statusCode(200);
            given().when().get("/needs/{id}/matches", unseen).then().body("items", hasSize(1));
        }
    }

    private String riskOf(String code) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("select risk_level from area_replica where code = '" + code + "'")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private boolean needKnown(UUID needId) throws Exception {
        return count("select count(*) from need_replica where id = '" + needId + "'") == 1;
    }

    private boolean offerKnown(UUID offerId) throws Exception {
        return count("select count(*) from offer_replica where id = '" + offerId + "'") == 1;
    }

    private long count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
