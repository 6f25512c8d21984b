package net.collab.registry;

import static io.restassured.RestAssured.given;
import static net.collab.registry.Fixtures.COORDINATOR;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.RiskLevel;
import net.collab.events.registry.RiskLevelChanged;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AreasTest {

    private static final String CHANGED = "net.collab.area.risk-level-changed.v1";

    @Test
    void theSeedPlacesAreShippedWithTheirRealCodes() {
        given().when().get("/areas").then().statusCode(200).body("code", hasItem("11")).body("name", hasItem("山东省"));
        given().when().get("/areas?parent=110108010").then().statusCode(200).body("$", hasSize(31))
                .body("code", hasItem("110108010009"));
        given().when().get("/areas/370811012002").then().statusCode(200)
                .body("name", equalTo("草桥口社区居民委员会")).body("level", equalTo("COMMUNITY"))
                .body("path.code", contains("37", "3708", "370811", "370811012", "370811012002"))
                .body("path.name", hasItem("济阳街道"));
        given().when().get("/areas/3710").then().body("name", equalTo("威海市"));
        given().when().get("/areas/3503").then().body("name", equalTo("莆田市"));
        given().when().get("/areas/999999").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/areas?parent=999999").then().statusCode(404);
    }

    @Test
    void theCoordinatorSetsACommunitysRiskLevelWithHistoryAndOneEventEach() {
        String community = "370811012007"; // 南门社区
        try (TopicProbe probe = TopicProbe.open(Topics.AREAS)) {
            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("level", "MEDIUM", "reason", "出现病例"))
                    .when().put("/areas/{code}/risk-level", community)
                    .then().statusCode(200).body("level", equalTo("MEDIUM"));
            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("level", "HIGH"))
                    .when().put("/areas/{code}/risk-level", community)
                    .then().statusCode(200).body("previousLevel", equalTo("MEDIUM"));

            probe.await(ofType(CHANGED).and(about(community)).and(record -> record.value().contains("\"HIGH\"")),
                    java.time.Duration.ofSeconds(20));
            var changes = probe.seen(ofType(CHANGED).and(about(community))).stream()
                    .map(record -> (RiskLevelChanged) EventCodec.fromJson(CHANGED, record.value())).toList();
            assertThat(changes).extracting(RiskLevelChanged::level).containsExactly(RiskLevel.MEDIUM, RiskLevel.HIGH);
            assertThat(changes.get(1).previousLevel()).isEqualTo(RiskLevel.MEDIUM);
        }
        given().when().get("/areas/{code}", community).then().body("riskLevel", equalTo("HIGH"));
        given().when().get("/areas/{code}/risk-levels", community).then()
                .body("level", contains("MEDIUM", "HIGH")).body("[0].reason", equalTo("出现病例"));
    }

    @Test
    void riskLevelRefusals() {
        given().auth().oauth2(TestTokens.user("admin")).contentType(ContentType.JSON).body(Map.of("level", "LOW"))
                .when().put("/areas/370811012002/risk-level").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("level", "LOW"))
                .when().put("/areas/370811012/risk-level").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("level", "PURPLE"))
                .when().put("/areas/370811012002/risk-level").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("level", "LOW"))
                .when().put("/areas/370811012999/risk-level").then().statusCode(404);
        given().when().get("/areas/370811012002/risk-levels").then().body("$", hasSize(0));
    }

    @Test
    void theCoordinatorImportsDivisionFilesInTheFormatOfChinaDivision() {
        String streets = "code,name,areaCode,provinceCode,cityCode\n370811001,\"古槐街道\",370811,37,3708\n";
        String villages = "code,name,streetCode,provinceCode,cityCode,areaCode\n"
                + "370811001001,\"测试社区居民委员会\",370811001,37,3708,370811\n";
        given().auth().oauth2(TestTokens.user("admin")).contentType("text/csv").body(streets)
                .when().post("/areas/import").then().statusCode(403);
        given().auth().oauth2(COORDINATOR).contentType("text/csv").body("code,name\n999999999999,\"孤儿社区\"\n")
                .when().post("/areas/import").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("upper levels first"));
        // A file that fails half-way changes nothing: the street before the orphan is not kept.
        given().auth().oauth2(COORDINATOR).contentType("text/csv")
                .body("code,name\n370811002,\"观音阁街道\"\n999999999999,\"孤儿社区\"\n")
                .when().post("/areas/import").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("Nothing"));
        given().when().get("/areas/370811002").then().statusCode(404);
        given().auth().oauth2(COORDINATOR).contentType("text/csv").body("code,name\n12345,\"五位码\"\n")
                .when().post("/areas/import").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("line 2"));

        given().auth().oauth2(COORDINATOR).contentType("text/csv").body(streets)
                .when().post("/areas/import").then().statusCode(200).body("imported", equalTo(1));
        given().auth().oauth2(COORDINATOR).contentType("text/csv").body(villages)
                .when().post("/areas/import").then().statusCode(200).body("imported", equalTo(1));
        given().when().get("/areas/370811001001").then().statusCode(200)
                .body("path.code", contains("37", "3708", "370811", "370811001", "370811001001"));
        given().when().get("/areas/999999999999").then().statusCode(404);
    }

    /** Areas reach the other services as events: new and renamed ones are announced, once each. */
    @Test
    void importedAndRenamedAreasAreAnnouncedToTheNetwork() {
        String code = "370811012" + (100 + new java.util.Random().nextInt(800));
        try (var probe = net.collab.testing.TopicProbe.open(Topics.AREAS)) {
            given().auth().oauth2(COORDINATOR).contentType("text/csv; charset=UTF-8").body("code,name\n" + code + ",测试社区\n")
                    .when().post("/areas/import").then().statusCode(200);
            var defined = (net.collab.events.registry.AreaDefined) EventCodec.fromJson("net.collab.area.defined.v1",
                    probe.awaitEvent("net.collab.area.defined.v1", code).value());
            assertThat(defined.name()).isEqualTo("测试社区");
            assertThat(defined.parentCode()).isEqualTo("370811012");
            assertThat(defined.level()).isEqualTo(net.collab.events.Vocabulary.AreaLevel.COMMUNITY);

            // Imported again unchanged: nothing to tell (the row stays announced). Renamed: told again.
            given().auth().oauth2(COORDINATOR).contentType("text/csv; charset=UTF-8").body("code,name\n" + code + ",测试社区\n")
                    .when().post("/areas/import").then().statusCode(200);
            assertThat(announced(code)).isTrue();
            given().auth().oauth2(COORDINATOR).contentType("text/csv; charset=UTF-8").body("code,name\n" + code + ",新名社区\n")
                    .when().post("/areas/import").then().statusCode(200);
            probe.await(record -> code.equals(record.key()) && record.value().contains("新名社区"), java.time.Duration.ofSeconds(20));
            assertThat(probe.seen(ofType("net.collab.area.defined.v1").and(about(code)))).hasSize(2);
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private boolean announced(String code) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select announced from area where code = ?")) {
            query.setString(1, code);
            try (var result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
