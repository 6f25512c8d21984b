package net.collab.action;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.about;
import static net.collab.testing.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

import net.collab.events.EventCodec;
import net.collab.events.Topics;
import net.collab.events.action.ActionPublished;
import net.collab.events.action.ActionStatusChanged;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ActionBoardTest {

    private static final String PUBLISHED = "net.collab.action.published.v1";
    private static final String STATUS_CHANGED = "net.collab.action.status-changed.v1";

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void places() {
        Network.awaitPlaces(areas);
    }

    static Map<String, Object> action(UUID organizationId, String title, List<String> areaCodes) {
        Map<String, Object> action = new HashMap<>();
        action.put("organizationId", organizationId.toString());
        action.put("title", title);
        action.put("description", "为辖区独居残疾人送药上门，每周两次");
        action.put("domains", List.of("DISABILITY_SUPPORT", "HEALTH"));
        action.put("targetGroups", List.of("DISABLED"));
        action.put("areaCodes", areaCodes);
        action.put("startsOn", LocalDate.now().toString());
        action.put("endsOn", LocalDate.now().plusMonths(1).toString());
        action.put("volunteersSought", 12);
        action.put("contact", "0537-1234567");
        return action;
    }

    private static String publish(String subject, Map<String, Object> action) {
        return given().auth().oauth2(TestTokens.user(subject)).contentType(ContentType.JSON).body(action)
                .when().post("/actions").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMemberPublishesAnActionThatTheBoardShowsWithNamesAndTheNetworkHearsOf() throws Exception {
        String member = Network.person("member");
        UUID organization = Network.approved(replica, Network.person("admin"), member);
        try (TopicProbe probe = TopicProbe.open(Topics.ACTIONS)) {
            String id = given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON)
                    .body(action(organization, "送药上门 Medicine to the door", List.of("370811012002", "3708")))
                    .when().post("/actions")
                    .then().statusCode(201)
                    .header("Location", containsString("/actions/"))
                    .body("status", equalTo("PLANNED")).body("statusLabel", equalTo("计划中"))
                    .body("organizationName", equalTo("测试组织-" + organization))
                    .body("places.name", contains("草桥口社区", "济宁市"))
                    .body("places[0].path", equalTo("济宁市任城区济阳街道"))
                    .body("domains.label", contains("助残", "卫生健康"))
                    .body("targetGroups[0].label", equalTo("残疾人"))
                    .extract().path("id");

            var published = (ActionPublished) EventCodec.fromJson(PUBLISHED, probe.awaitEvent(PUBLISHED, id).value());
            assertThat(published.action().organizationId()).isEqualTo(organization);
            assertThat(published.action().areaCodes()).containsExactly("370811012002", "3708");

            // Forward only: planned → ongoing → completed; nothing after completed.
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("status", "ONGOING"))
                    .when().post("/actions/{id}/status", id).then().statusCode(200).body("status", equalTo("ONGOING"));
            var changed = (ActionStatusChanged) EventCodec.fromJson(STATUS_CHANGED, probe.awaitEvent(STATUS_CHANGED, id).value());
            assertThat(changed.previousStatus().name()).isEqualTo("PLANNED");
            assertThat(changed.action().version()).isGreaterThan(published.action().version());
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("status", "COMPLETED"))
                    .when().post("/actions/{id}/status", id).then().statusCode(200);
            given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("status", "ONGOING"))
                    .when().post("/actions/{id}/status", id)
                    .then().statusCode(409).contentType("application/problem+json");
            assertThat(probe.awaitEvents(2, ofType(STATUS_CHANGED).and(about(id)))).hasSize(2); // the refused one sent none
        }
    }

    @Test
    void theBoardFiltersByDomainAreaSubtreeTargetGroupStatusOrganizationAndChineseText() {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String medicine = publish(admin, action(organization, "送药上门 " + tag, List.of("370811012002")));
        Map<String, Object> counselling = action(organization, "心理疏导热线 " + tag, List.of("110108"));
        counselling.put("domains", List.of("PSYCHOLOGICAL_COUNSELLING"));
        counselling.put("targetGroups", List.of("ELDERLY"));
        counselling.put("status", "ONGOING");
        String hotline = publish(admin, counselling);

        String mine = "/actions?organizationId=" + organization;
        given().when().get(mine).then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(hotline, medicine));
        given().when().get(mine + "&domain=DISABILITY_SUPPORT").then().body("items.id", contains(medicine));
        given().when().get(mine + "&targetGroup=ELDERLY").then().body("items.id", contains(hotline));
        given().when().get(mine + "&status=ONGOING").then().body("items.id", contains(hotline));
        // The city's subtree holds the community; Beijing's does not.
        given().when().get(mine + "&area=3708").then().body("items.id", contains(medicine));
        given().when().get(mine + "&area=11").then().body("items.id", contains(hotline));
        // An action over a whole district concerns each of its streets.
        given().when().get(mine + "&area=110108010").then().body("items.id", contains(hotline));
        // Chinese substrings, anywhere in the title or the description; % is text, not a pattern.
        given().when().get(mine + "&q=疏导").then().body("items.id", contains(hotline));
        given().when().get(mine + "&q=独居残疾人").then().body("total", equalTo(2));
        given().when().get(mine + "&q=%25").then().body("total", equalTo(0));
        given().when().get(mine + "&size=1&page=1").then().body("total", equalTo(2)).body("items.id", contains(medicine));

        given().when().get("/actions?area=999999").then().statusCode(400).body("errors[0].field", equalTo("area"));
        given().when().get("/actions?area=abc").then().statusCode(400).body("errors[0].field", equalTo("area"));
        given().when().get("/actions?domain=COOKING").then().statusCode(400).body("errors[0].field", equalTo("domain"));
        given().when().get("/actions?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theBoardIsAnAtomFeedAndAnHxlTaggedThreeWTable() throws Exception {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        String id = publish(admin, action(organization, "防疫物资发放 <口罩> & 消毒液", List.of("370811012002")));

        String feed = given().when().get("/actions/feed?organizationId=" + organization)
                .then().statusCode(200).contentType(containsString("application/atom+xml")).extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(feed)));
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(atom.getElementsByTagName("entry").getLength()).isEqualTo(1);
        assertThat(atom.getElementsByTagName("title").item(1).getTextContent()).isEqualTo("[计划中] 防疫物资发放 <口罩> & 消毒液");
        assertThat(atom.getElementsByTagName("id").item(1).getTextContent()).isEqualTo("urn:uuid:" + id);
        assertThat(atom.getElementsByTagName("name").item(0).getTextContent()).isEqualTo("测试组织-" + organization);
        assertThat(atom.getElementsByTagName("summary").item(0).getTextContent()).startsWith("济宁市任城区济阳街道草桥口社区");

        String csv = given().when().get("/actions/export?organizationId=" + organization)
                .then().statusCode(200).contentType(containsString("text/csv")).header("X-Total-Count", "1").extract().asString();
        List<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).<List<String>>readValues(csv).readAll();
        assertThat(rows).hasSize(3);
        List<String> hashtags = rows.get(1);
        List<String> row = rows.get(2);
        assertThat(hashtags).allMatch(tag -> tag.matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*"));
        assertThat(row.get(hashtags.indexOf("#org+name"))).isEqualTo("测试组织-" + organization);
        assertThat(row.get(hashtags.indexOf("#activity+name"))).isEqualTo("防疫物资发放 <口罩> & 消毒液");
        assertThat(row.get(hashtags.indexOf("#loc+name"))).isEqualTo("济宁市任城区济阳街道草桥口社区");
        assertThat(row.get(hashtags.indexOf("#loc+code"))).isEqualTo("370811012002");
        assertThat(row.get(hashtags.indexOf("#sector"))).isEqualTo("DISABILITY_SUPPORT;HEALTH");
        assertThat(row.get(hashtags.indexOf("#volunteers+sought+num"))).isEqualTo("12");
    }

    @Test
    void onlyTheOrganizationsMembersPublishReviseAndMoveItsActions() {
        String member = Network.person("member");
        UUID organization = Network.approved(replica, Network.person("admin"), member);
        String stranger = Network.person("stranger");
        Network.approved(replica, stranger);
        Map<String, Object> action = action(organization, "送药上门", List.of("370811012002"));

        given().contentType(ContentType.JSON).body(action).when().post("/actions").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(action)
                .when().post("/actions").then().statusCode(403).contentType("application/problem+json");
        String id = publish(member, action);

        Map<String, Object> revised = new HashMap<>(action);
        revised.put("title", "送药上门（扩大到南门社区）");
        revised.put("areaCodes", List.of("370811012002", "370811012007"));
        given().contentType(ContentType.JSON).body(revised).when().put("/actions/{id}", id).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(revised)
                .when().put("/actions/{id}", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(stranger)).contentType(ContentType.JSON).body(Map.of("status", "CANCELLED"))
                .when().post("/actions/{id}/status", id).then().statusCode(403);
        given().when().get("/actions/{id}", id).then().body("title", equalTo("送药上门")).body("status", equalTo("PLANNED"));

        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(revised)
                .when().put("/actions/{id}", id)
                .then().statusCode(200).body("places.name", contains("草桥口社区", "南门社区"));
        given().auth().oauth2(TestTokens.user(member)).contentType(ContentType.JSON).body(Map.of("status", "CANCELLED"))
                .when().post("/actions/{id}/status", id).then().statusCode(200).body("statusLabel", equalTo("已取消"));
    }

    @Test
    void invalidActionsAreRefusedNamingTheFieldAndNothingIsStored() {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        Map<String, List<Object>> refused = Map.of(
                "areaCodes", List.of("areaCodes", List.of("999999")),
                "domains", List.of("domains", List.of("COOKING")),
                "title", List.of("title", "长".repeat(201)),
                "endsOn", List.of("endsOn", LocalDate.now().minusDays(1).toString()),
                "volunteersSought", List.of("volunteersSought", -1),
                "status", List.of("status", "CANCELLED"));
        refused.forEach((field, change) -> {
            Map<String, Object> action = action(organization, "送药上门", List.of("370811012002"));
            action.put((String) change.get(0), change.get(1));
            given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(action)
                    .when().post("/actions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(containsString(field)));
        });
        Map<String, Object> noPlace = action(organization, "送药上门", List.of());
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(noPlace)
                .when().post("/actions").then().statusCode(400).body("errors.field", hasItem("areaCodes"));
        given().when().get("/actions?organizationId=" + organization).then().body("total", equalTo(0));
    }

    @Test
    void needsAndOffersArePartOfTheOrganizationsOwnActions() {
        String admin = Network.person("admin");
        UUID organization = Network.approved(replica, admin);
        String other = Network.person("other");
        UUID otherOrganization = Network.approved(replica, other);
        String id = publish(admin, action(organization, "送药上门", List.of("370811012002")));

        Map<String, Object> need = NeedsAndOffersTest.need(organization);
        need.put("actionId", id);
        String needId = given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(need)
                .when().post("/needs").then().statusCode(201).body("actionId", equalTo(id)).extract().path("id");
        given().when().get("/needs?actionId=" + id).then().body("items.id", contains(needId));
        given().when().get("/actions/{id}", id).then().body("linkedNeeds", equalTo(1)).body("linkedOffers", equalTo(0));

        // Another organization's action is not one's own.
        Map<String, Object> foreign = NeedsAndOffersTest.need(otherOrganization);
        foreign.put("actionId", id);
        given().auth().oauth2(TestTokens.user(other)).contentType(ContentType.JSON).body(foreign)
                .when().post("/needs").then().statusCode(400).body("errors[0].field", equalTo("actionId"));
        given().when().get("/needs?organizationId=" + otherOrganization).then().body("total", equalTo(0));

        // A finished action takes nothing more.
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(Map.of("status", "CANCELLED"))
                .when().post("/actions/{id}/status", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.user(admin)).contentType(ContentType.JSON).body(need)
                .when().post("/needs").then().statusCode(400).body("errors[0].field", equalTo("actionId"))
                .body("errors[0].message", not(containsString("Exception")));
    }
}
