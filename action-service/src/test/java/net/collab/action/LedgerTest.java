package net.collab.action;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.action.LedgerEntryRecorded;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class LedgerTest {

    private static final String RECORDED = "net.collab.ledger.entry-recorded.v1";

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica replica;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void places() {
        Network.awaitPlaces(areas);
    }

    static Map<String, Object> entry(String kind, Object amount, String unit) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("kind", kind);
        entry.put("amount", amount);
        entry.put("unit", unit);
        entry.put("occurredAt", OffsetDateTime.now().minusHours(1).toString());
        entry.put("evidenceReference", "银行回单 2026-117");
        return entry;
    }

    private static String record(String admin, UUID organization, Map<String, Object> entry) {
        return given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(entry)
                .when().post("/ledgers/{organization}/entries", organization)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anAdministratorRecordsMoneyAndMaterialsAndEveryoneSeesTheTotalsWithReversalsSubtracted() throws Exception {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        String action = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON)
                .body(ActionBoardTest.action(organization, "冬季送暖", List.of("370811012002")))
                .when().post("/actions").then().statusCode(201).extract().path("id");
        try (TopicProbe probe = TopicProbe.open(Topics.LEDGER)) {
            Map<String, Object> donation = entry("MONEY_RECEIVED", 5000, "CNY");
            donation.put("counterparty", "济宁某公司");
            donation.put("actionId", action);
            String first = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(donation)
                    .when().post("/ledgers/{organization}/entries", organization)
                    .then().statusCode(201).body("sequence", equalTo(1)).body("previousHash", equalTo("0".repeat(64)))
                    .body("kindLabel", equalTo("收到捐款")).body("organizationName", equalTo("测试组织-" + organization))
                    .extract().path("id");
            Map<String, Object> anonymous = entry("MONEY_RECEIVED", "3000.50", "CNY");
            anonymous.put("anonymous", true);
            anonymous.put("actionId", action);
            String second = record(admin, organization, anonymous);
            Map<String, Object> masks = entry("MATERIALS_RECEIVED", 2000, "只");
            masks.put("item", "医用口罩");
            masks.put("actionId", action);
            record(admin, organization, masks);
            Map<String, Object> spent = entry("MONEY_DISBURSED", 1200, "CNY");
            spent.put("counterparty", "济阳街道某药店");
            spent.put("note", "为3户困难家庭购药\n收据见附件 \\ receipts attached");
            record(admin, organization, spent);

            // A mistake is corrected by a reversing entry, never by editing.
            String reversal = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON)
                    .body(Map.of("reason", "重复登记 recorded twice"))
                    .when().post("/ledgers/{organization}/entries/{entry}/reversal", organization, second)
                    .then().statusCode(201).body("sequence", equalTo(5)).body("reversesEntryId", equalTo(second))
                    .body("counterparty", equalTo("匿名 anonymous")).extract().path("id");
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                    .when().post("/ledgers/{organization}/entries/{entry}/reversal", organization, second)
                    .then().statusCode(409).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("reason", "undo"))
                    .when().post("/ledgers/{organization}/entries/{entry}/reversal", organization, reversal)
                    .then().statusCode(409);

            given().when().get("/ledgers/{organization}/totals", organization).then().statusCode(200)
                    .body("totals.find { it.kind == 'MONEY_RECEIVED' }.total", equalTo(5000.0f))
                    .body("totals.find { it.kind == 'MONEY_RECEIVED' }.entries", equalTo(3))
                    .body("totals.find { it.kind == 'MONEY_DISBURSED' }.total", equalTo(1200.0f))
                    .body("totals.find { it.kind == 'MATERIALS_RECEIVED' }.item", equalTo("医用口罩"))
                    .body("totals.find { it.kind == 'MATERIALS_RECEIVED' }.total", equalTo(2000.0f));
            given().when().get("/ledgers/{organization}/totals?actionId={action}", organization, action).then()
                    .body("totals.kind", contains("MATERIALS_RECEIVED", "MONEY_RECEIVED"));
            given().when().get("/ledgers/{organization}?actionId={action}", organization, action).then()
                    .body("total", equalTo(4)).body("items[0].counterparty", equalTo("济宁某公司"));

            // Each entry travels with its place in the chain: anyone keeping the events can check the ledger.
            var events = probe.awaitEvents(5, ofType(RECORDED).and(about(organization.toString()))).stream()
                    .map(record -> (LedgerEntryRecorded) EventCodec.fromJson(RECORDED, record.value())).toList();
            assertThat(events).extracting(LedgerEntryRecorded::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(events.get(0).entryId().toString()).isEqualTo(first);
            assertThat(events.get(1).previousHash()).isEqualTo(events.get(0).hash());
            assertThat(events.get(1).counterparty()).isNull(); // the anonymous donor
            // Anyone keeping the events recomputes every hash with the recipe in the README, without the service.
            for (LedgerEntryRecorded event : events) {
                assertThat(recipe(event)).as("hash of entry " + event.sequence()).isEqualTo(event.hash());
            }

            String csv = given().when().get("/ledgers/{organization}/export", organization)
                    .then().statusCode(200).header("X-Total-Count", "5").extract().asString();
            List<List<String>> rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                    .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerForListOf(String.class).<List<String>>readValues(csv).readAll();
            assertThat(rows).hasSize(7);
            List<String> hashtags = rows.get(1);
            assertThat(hashtags).startsWith("#meta+sequence").contains("#meta+id", "#org+name", "#meta+anonymous", "#meta+hash");
            assertThat(rows.get(3).get(hashtags.indexOf("#meta+anonymous"))).isEqualTo("true");
            assertThat(rows.get(4).get(hashtags.indexOf("#item+name"))).isEqualTo("医用口罩");
            assertThat(rows.get(5).get(hashtags.indexOf("#description"))).isEqualTo("为3户困难家庭购药\n收据见附件 \\ receipts attached");
            assertThat(rows.get(6).get(hashtags.indexOf("#meta+reverses"))).isEqualTo(second);

            given().when().get("/ledgers/{organization}/verification", organization).then().statusCode(200)
                    .body("intact", equalTo(true)).body("entries", equalTo(5)).body("headSequence", equalTo(5));
        }
    }

    @Test
    void aRowChangedOrRemovedBehindTheServicesBackIsFoundByVerification() throws Exception {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        List<String> ids = new java.util.ArrayList<>();
        for (int amount : new int[] {100, 200, 300, 400}) {
            ids.add(record(admin, organization, entry("MONEY_RECEIVED", amount, "CNY")));
        }
        given().when().get("/ledgers/{organization}/verification", organization).then().body("intact", equalTo(true));

        // The service itself cannot change history: the database refuses updates and deletes.
        assertThatThrownBy(() -> sql("update ledger_entry set amount = 1 where id = '" + ids.get(0) + "'", false))
                .hasMessageContaining("append-only");

        // Someone with the database's keys changes an amount…
        sql("update ledger_entry set amount = 20000 where id = '" + ids.get(1) + "'", true);
        given().when().get("/ledgers/{organization}/verification", organization).then().statusCode(200)
                .body("intact", equalTo(false))
                .body("problems.find { it.problem == 'CHANGED' }.sequence", equalTo(2))
                .body("problems.find { it.problem == 'CHANGED' }.entryId", equalTo(ids.get(1)));

        // …and removes a row from the middle, and the newest one.
        sql("delete from ledger_entry where id = '" + ids.get(2) + "'", true);
        sql("delete from ledger_entry where id = '" + ids.get(3) + "'", true);
        given().when().get("/ledgers/{organization}/verification", organization).then()
                .body("intact", equalTo(false))
                .body("problems.problem", hasItem("HEAD_MISMATCH"))
                .body("problems.find { it.problem == 'HEAD_MISMATCH' }.detail", containsString("ends at entry 2"));
    }

    @Test
    void onlyTheOrganizationsAdministratorsRecordAndBadEntriesChangeNothing() {
        String admin = Network.person("admin");
        String member = Network.person("member");
        UUID organization = Network.approved(replica, admin, member);
        String stranger = Network.person("stranger");
        UUID strangers = Network.approved(replica, stranger);
        Map<String, Object> donation = entry("MONEY_RECEIVED", 5000, "CNY");

        given().contentType(ContentType.JSON).body(donation).when().post("/ledgers/{o}/entries", organization).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(donation)
                .when().post("/ledgers/{o}/entries", organization).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(donation)
                .when().post("/ledgers/{o}/entries", organization).then().statusCode(403).body("detail", containsString("ORG_ADMIN"));
        String id = record(admin, organization, donation);
        Map<String, String> reason = Map.of("reason", "错了");
        given().contentType(ContentType.JSON).body(reason)
                .when().post("/ledgers/{o}/entries/{e}/reversal", organization, id).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(reason)
                .when().post("/ledgers/{o}/entries/{e}/reversal", organization, id).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(reason)
                .when().post("/ledgers/{o}/entries/{e}/reversal", organization, id).then().statusCode(403);
        // Another organization's entry is not in this ledger.
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(reason)
                .when().post("/ledgers/{o}/entries/{e}/reversal", strangers, id).then().statusCode(404);

        String strangersNeed = given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON)
                .body(NeedsAndOffersTest.need(strangers)).when().post("/needs").then().statusCode(201).extract().path("id");
        Map<String, Map<String, Object>> refused = new HashMap<>();
        refused.put("amount", Map.of("amount", -5));
        refused.put("amount ", Map.of("amount", "1e20"));
        refused.put("amount  ", Map.of("amount", "0.001"));
        refused.put("occurredAt", Map.of("occurredAt", OffsetDateTime.now().plusDays(2).toString()));
        refused.put("counterparty", Map.of("anonymous", true, "counterparty", "张三"));
        refused.put("item", Map.of("kind", "MATERIALS_RECEIVED"));
        refused.put("kind", Map.of("kind", "GIFT"));
        refused.put("needId", Map.of("needId", strangersNeed));
        refused.put("unit", Map.of("unit", "元".repeat(21)));
        refused.forEach((field, change) -> {
            Map<String, Object> entry = entry("MONEY_RECEIVED", 10, "CNY");
            entry.putAll(change);
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(entry)
                    .when().post("/ledgers/{o}/entries", organization)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", containsString(field.strip()));
        });
        given().when().get("/ledgers/{o}", organization).then().body("total", equalTo(1));
        given().when().get("/ledgers/{o}/verification", organization).then().body("intact", equalTo(true));
    }

    /** The README's recipe, written out again here from the event's fields alone. */
    private static String recipe(LedgerEntryRecorded event) throws Exception {
        var instant = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        List<Object> fields = java.util.Arrays.asList(event.previousHash(), event.entryId(), event.organizationId(),
                event.sequence(), event.actionId(), event.needId(), event.kind(),
                event.amount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), event.unit(), event.item(),
                event.counterparty(), event.anonymous(), event.evidenceReference(), event.note(), instant.format(event.occurredAt()),
                instant.format(event.recordedAt()), event.reversesEntryId());
        String text = String.join("\n", fields.stream()
                .map(field -> field == null ? "" : field.toString().replace("\\", "\\\\").replace("\n", "\\n")).toList());
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** SQL straight to the database, as the service's own user or as someone who bypasses its triggers. */
    private void sql(String statement, boolean behindTheServicesBack) throws SQLException {
        try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            if (behindTheServicesBack) {
                sql.execute("set local session_replication_role = replica"); // triggers off, for this transaction only
            }
            sql.executeUpdate(statement);
            connection.commit();
        }
    }
}
