package net.collab.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.testing.DevStackResource;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DirectoryAndExportTest {

    /** A marker in every name of this class's organizations, so that searches see only them. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static String xiyang;
    static String changcheng;
    static String putian;
    static String pending;

    // Once per class, but after Quarkus is up (a static @BeforeAll runs before rest-assured knows the port).
    @BeforeEach
    void organizations() {
        if (xiyang != null) {
            return;
        }
        Map<String, Object> beijing = Fixtures.application("北京市夕阳再晨社会工作服务中心" + RUN);
        beijing.put("nameEn", "Beijing Xiyang Zaichen " + RUN);
        beijing.put("serviceDomains", List.of("ELDERLY_CARE", "EPIDEMIC_PREVENTION"));
        beijing.put("targetGroups", List.of("ELDERLY_LIVING_ALONE"));
        beijing.put("serviceAreas", List.of("110108010009"));
        xiyang = Fixtures.approved("x-" + RUN, beijing);

        Map<String, Object> weihai = Fixtures.application("山东威海长城爱心大本营" + RUN);
        weihai.put("serviceDomains", List.of("DISABILITY_SUPPORT"));
        weihai.put("targetGroups", List.of("DISABLED", "ELDERLY_LIVING_ALONE"));
        weihai.put("serviceAreas", List.of("3710"));
        weihai.put("publicContact", Map.of("phone", "0631-0000000"));
        changcheng = Fixtures.approved("c-" + RUN, weihai);

        Map<String, Object> fujian = Fixtures.application("莆田市妇女联合会" + RUN);
        fujian.put("kind", "MASS_ORGANIZATION");
        fujian.put("serviceDomains", List.of("WOMEN"));
        fujian.put("serviceAreas", List.of("350302"));
        putian = Fixtures.approved("p-" + RUN, fujian);

        pending = Fixtures.apply("q-" + RUN, Fixtures.application("尚未批准" + RUN));
    }

    @Test
    void chineseSubstringsFindOrganizations() {
        given().when().get("/organizations?q={q}", "夕阳再晨社会工作服务中心" + RUN)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(xiyang));
        given().when().get("/organizations?q={q}&size=200", "夕阳").then().body("items.id", hasItem(xiyang));
        given().when().get("/organizations?q={q}", "zaichen " + RUN).then().body("items.id", contains(xiyang));
        given().when().get("/organizations?q={q}", "尚未批准" + RUN).then().body("total", equalTo(0));
        given().when().get("/organizations?q={q}", "%").then().statusCode(200); // a wildcard is a plain character
    }

    @Test
    void anAreaMeansItsWholeSubtreeAndTheAreasAroundIt() {
        // Haidian district contains the community 学知园社区 that xiyang serves.
        given().when().get("/organizations?area=110108&q={q}", RUN).then().body("items.id", contains(xiyang));
        // A community of Weihai's 环翠区 is served by an organization serving all of Weihai.
        given().when().get("/organizations?area=371002001&q={q}", RUN).then().body("items.id", contains(changcheng));
        given().when().get("/organizations?area=35&q={q}", RUN).then().body("items.id", contains(putian));
        given().when().get("/organizations?area=999999").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("area"));
    }

    @Test
    void filtersCombineAndPagesCountTheTotal() {
        given().when().get("/organizations?targetGroup=ELDERLY_LIVING_ALONE&q={q}&sort=-name", RUN)
                .then().body("total", equalTo(2)).body("items.id", contains(changcheng, xiyang));
        given().when().get("/organizations?targetGroup=ELDERLY_LIVING_ALONE&q={q}&sort=name&size=1&page=1", RUN)
                .then().body("total", equalTo(2)).body("items.id", contains(changcheng)).body("page", equalTo(1));
        given().when().get("/organizations?domain=WOMEN&kind=MASS_ORGANIZATION&q={q}", RUN).then().body("items.id", contains(putian));
        given().when().get("/organizations?registrationStatus=REGISTERED&q={q}", RUN).then().body("total", equalTo(0));
        given().when().get("/organizations?domain=KNITTING").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/organizations?page=2147483647&size=200").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().when().get("/organizations?sort=color").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void exportsAreHsdsJsonAndHxlCsvOfApprovedOrganizations() {
        given().when().get("/organizations/export?format=hsds&q={q}", RUN)
                .then().statusCode(200).contentType("application/json")
                .body("name", hasItem("北京市夕阳再晨社会工作服务中心" + RUN))
                .body("find { it.id == '" + changcheng + "' }.phones[0].number", equalTo("0631-0000000"))
                .body("find { it.id == '" + changcheng + "' }.x_collabnet.service_areas[0].extent", equalTo("3710"))
                .header("X-Total-Count", "3")
                .body("id", not(hasItem(pending)));
        String csv = given().when().get("/organizations/export?format=hxl&q={q}", RUN)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(1).replace("\"", "")).startsWith("#org+name+i_zh,#org+name+i_en,#org+id,#org+type");
        assertThat(lines).hasSize(5).anyMatch(line -> line.contains(putian) && line.contains("MASS_ORGANIZATION"));
        assertThat(csv).doesNotContain(pending);
        given().when().get("/organizations/export?format=pdf").then().statusCode(400).contentType("application/problem+json");
    }

    /** Against Open Referral's published HSDS 3.0 organization schema itself (src/test/resources/hsds). */
    @Test
    void theHsdsExportValidatesAgainstOpenReferralsSchema() throws Exception {
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(com.networknt.schema.SchemaLocation.of("classpath:hsds/organization.json"),
                        com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        String body = given().when().get("/organizations/export?format=hsds&q={q}", RUN).then().statusCode(200).extract().asString();
        var export = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);

        assertThat(export).hasSize(3);
        for (var organization : export) {
            assertThat(schema.validate(organization)).as(organization.path("name").asText()).isEmpty();
        }
        // The schema does catch what the export once did wrong: a null where a string is required, a phone without an id.
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) export.get(0).deepCopy();
        broken.putNull("description");
        broken.putArray("phones").addObject().put("number", "0631-0000000");
        assertThat(schema.validate(broken)).extracting(Object::toString)
                .anyMatch(error -> error.contains("description")).anyMatch(error -> error.contains("phones"));
    }

    /** HXL: a hashtag row whose every cell is a hashtag with attributes, by the standard's grammar. */
    @Test
    void theHxlExportsHashtagRowFollowsTheHashtagGrammar() throws Exception {
        String csv = given().when().get("/organizations/export?format=hxl&q={q}", RUN).then().statusCode(200).extract().asString();
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<List<String>> values = mapper.readerForListOf(String.class).readValues(csv)) {
            values.forEachRemaining(rows::add);
        }
        var hashtag = java.util.regex.Pattern.compile("\\s*#[A-Za-z][A-Za-z0-9_]*(\\s*\\+[A-Za-z][A-Za-z0-9_]*)*\\s*");
        assertThat(rows.get(1)).isNotEmpty().allMatch(tag -> hashtag.matcher(tag).matches());
        assertThat(rows.get(0)).noneMatch(header -> hashtag.matcher(header).matches());
        assertThat(rows).allMatch(row -> row.size() == rows.get(0).size());
    }

    @Test
    void parametersThatCannotBeReadAreBadRequestsNamingTheParameter() {
        given().when().get("/organizations?page=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        given().when().get("/organizations?size=1e3").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().when().get("/organizations/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get("/organizations?q=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).when().get("/areas/%00").then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get("/areas/37%0008").then().statusCode(400);
    }
}
