package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * Every write endpoint of every service, read from the services' OpenAPI documents, called by
 * everyone who may not call it: anonymous (401), a member of another organization, a member
 * without the role it needs, an administrator without the coordinator's role, the other party of a
 * match, another person (for someone's own things), and a suspended organization's administrator
 * (403). The requests are valid in every other respect (bodies built from the schemas), so the
 * refusal is the authorization's. Nothing changes in any service's database.
 * An endpoint that does not declare its callers ({@code x-collabnet-callers}) fails the test.
 */
class AuthorizationMatrixIT {

    private static final String RECEIVER = "http://127.0.0.1:9/collabnet-webhook";

    private static CollabNetwork network;
    private static DemoData keycloak;

    /** The organization whose things everyone else tries to change, and what it has. */
    private static final Map<String, String> fixture = new LinkedHashMap<>();

    @BeforeAll
    static void joinTheNetwork() throws Exception {
        network = SharedNetwork.get();
        keycloak = SharedNetwork.keycloak();
    }

    /** Who calls, with which token (null: anonymous), and what they must get. */
    private record Caller(String role, String user, Set<Integer> refusedWith) {
    }

    private static final Caller ANONYMOUS = new Caller("anonymous", null, Set.of(401));
    private static final Caller OTHER_ORGANIZATION = new Caller("member of another organization", "xiyang", Set.of(403));
    private static final Caller MEMBER_WITHOUT_ROLE = new Caller("member without the role", "putian", Set.of(403));
    private static final Caller ADMINISTRATOR_NOT_COORDINATOR = new Caller("administrator, not coordinator", "jiyang", Set.of(403));
    private static final Caller OTHER_PARTY = new Caller("the match's other party", "caoqiao", Set.of(403));
    // To another person, someone's inbox item or subscription may as well not exist.
    private static final Caller ANOTHER_PERSON = new Caller("another person", "xiyang", Set.of(403, 404));
    private static final Caller SUSPENDED = new Caller("administrator of a suspended organization", "jiyang", Set.of(403));

    private static List<Caller> refusedWhileActive(String callers) {
        return switch (callers) {
            case "signed-in" -> List.of(ANONYMOUS);
            case "owner" -> List.of(ANONYMOUS, ANOTHER_PERSON);
            case "coordinator" -> List.of(ANONYMOUS, OTHER_ORGANIZATION, MEMBER_WITHOUT_ROLE, ADMINISTRATOR_NOT_COORDINATOR);
            case "member" -> List.of(ANONYMOUS, OTHER_ORGANIZATION);
            case "administrator", "administrator:sponsor" -> List.of(ANONYMOUS, OTHER_ORGANIZATION, MEMBER_WITHOUT_ROLE);
            case "member:provider", "member:requester" -> List.of(ANONYMOUS, OTHER_ORGANIZATION, OTHER_PARTY);
            default -> throw new AssertionError("unknown callers \"" + callers + "\"");
        };
    }

    private static boolean refusedWhenSuspended(String callers) {
        return !Set.of("signed-in", "owner").contains(callers);
    }

    @Test
    void everyWriteEndpointRefusesEveryoneItIsNotFor() throws Exception {
        List<OpenApi.Operation> writes = OpenApi.operations(network).stream().filter(OpenApi.Operation::isWrite).toList();
        assertThat(writes).as("write endpoints in the OpenAPI documents").hasSizeGreaterThan(30);
        List<String> undeclared = writes.stream().filter(operation -> operation.callers() == null).map(Object::toString).toList();
        assertThat(undeclared).as("write endpoints that do not declare their callers (x-collabnet-callers)").isEmpty();

        makeTheFixture(writes);
        Map<String, Integer> tried = new TreeMap<>();
        List<String> wrong = new ArrayList<>();

        Map<String, String> before = Databases.settled(network);
        for (OpenApi.Operation operation : writes) {
            for (Caller caller : refusedWhileActive(operation.callers())) {
                call(operation, caller, tried, wrong);
            }
        }
        Map<String, String> after = Databases.settled(network);
        assertThat(wrong).as("answers other than the refusal").isEmpty();
        assertThat(Databases.changes(before, after)).as("tables changed by refused requests").isEmpty();

        // Now the same organization suspended: its own administrator may change nothing of it.
        String coordinator = keycloak.token("coordinator");
        given().baseUri(network.url("registry-service")).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("reason", "授权矩阵测试 authorization matrix")).when()
                .post("/organizations/{id}/suspension", fixture.get("organization")).then().statusCode(200);
        awaitSuspensionKnownEverywhere();
        before = Databases.settled(network);
        for (OpenApi.Operation operation : writes) {
            if (refusedWhenSuspended(operation.callers())) {
                call(operation, SUSPENDED, tried, wrong);
            }
        }
        after = Databases.settled(network);
        assertThat(wrong).as("answers other than the refusal").isEmpty();
        assertThat(Databases.changes(before, after)).as("tables changed by refused requests").isEmpty();
        given().baseUri(network.url("registry-service")).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of()).when().post("/organizations/{id}/reinstatement", fixture.get("organization")).then().statusCode(200);

        int combinations = tried.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("authorization matrix: %d write endpoints of %d services, %d combinations refused"
                + " and nothing changed:%n", writes.size(), CollabNetwork.SERVICES.size(), combinations);
        tried.forEach((role, count) -> System.out.printf("  %-45s %3d%n", role, count));
        assertThat(combinations).isGreaterThan(writes.size() * 2);
    }

    private static void call(OpenApi.Operation operation, Caller caller, Map<String, Integer> tried, List<String> wrong)
            throws Exception {
        RequestSpecification request = given().baseUri(network.url(operation.service()));
        if (caller.user() != null) {
            request.auth().oauth2(keycloak.token(caller.user()));
        }
        JsonNode schema = operation.jsonBodySchema();
        if (schema != null) {
            request.contentType(ContentType.JSON).body(OpenApi.example(operation, schema, hints()).toString());
        } else if (operation.bodyMediaTypes().contains("text/csv")) {
            request.contentType("text/csv").body("code,name,parent\n");
        }
        String path = operation.path();
        for (String parameter : operation.parameters("path").keySet()) {
            path = path.replace("{" + parameter + "}", pathValue(operation, parameter));
        }
        Response response = request.when().request(operation.method().toUpperCase(), path);
        String outcome = operation + " as " + caller.role() + " → " + response.statusCode();
        if (!caller.refusedWith().contains(response.statusCode())
                || !response.contentType().startsWith("application/problem+json")) {
            wrong.add(outcome + " " + response.asString());
        }
        tried.merge(caller.role(), 1, Integer::sum);
    }

    /** Body fields that must name the fixture's things for the request to be valid and about them. */
    private static Map<String, Object> hints() {
        return Map.of("organizationId", fixture.get("organization"), "areaCode", "370811012002",
                "areaCodes", List.of("370811"), "serviceAreas", List.of("370811"), "url", RECEIVER,
                "email", "putian@collabnet.example");
    }

    /** The fixture's thing that a path parameter names, from the path segment before it. */
    private static String pathValue(OpenApi.Operation operation, String parameter) {
        String[] segments = operation.path().split("/");
        String before = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                before = segments[i - 1];
            }
        }
        String key = switch (before) {
            case "organizations" -> operation.path().contains("/sponsorship/") ? "group" : "organization";
            case "ledgers" -> "organization";
            case "entries" -> "entry";
            case "members" -> "member";
            case "webhooks" -> "webhook";
            case "actions" -> "action";
            case "advocacy" -> "advocacy";
            case "needs" -> "need";
            case "offers" -> "offer";
            case "matches" -> "member:requester".equals(operation.callers()) ? "match-asked" : "match-provided";
            case "inbox" -> "inbox-item";
            case "subscriptions" -> "subscription";
            case "areas" -> "area";
            // Only the coordinator acts on these, whichever exists: refused before it is looked up.
            case "dead-letters", "deliveries" -> "any";
            default -> throw new AssertionError("the matrix does not know what {" + parameter + "} after /" + before
                    + " names in " + operation + "; add such a thing to the fixture");
        };
        return key.equals("any") ? UUID.randomUUID().toString() : fixture.get(key);
    }

    /**
     * A hub (济阳, administered by jiyang, with putian as a plain member) that offers, asks, acts,
     * advocates, keeps a ledger, has a webhook, an inbox and a subscription, is the provider in one
     * match and the requester in another, and is named as sponsor by a group waiting for its answer.
     */
    private static void makeTheFixture(List<OpenApi.Operation> writes) throws Exception {
        String suffix = Integer.toString(Math.abs(UUID.randomUUID().hashCode() % 10000));
        String registry = network.url("registry-service");
        String action = network.url("action-service");
        String hub = Organizations.approved(network, keycloak, "jiyang", "矩阵枢纽" + suffix, "370811012", "HUB_ORGANIZATION");
        String other = Organizations.approved(network, keycloak, "xiyang", "矩阵他方" + suffix, "110108");
        String counterpart = Organizations.approved(network, keycloak, "caoqiao", "矩阵对方" + suffix, "370811012002");
        fixture.put("organization", hub);
        fixture.put("area", "370811012");
        String admin = keycloak.token("jiyang");
        String counterpartToken = keycloak.token("caoqiao");
        fixture.put("member", given().baseUri(registry).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "putian@collabnet.example", "role", "ORG_MEMBER"))
                .when().post("/organizations/{id}/members", hub).then().statusCode(200).extract().path("subject"));
        fixture.put("group", given().baseUri(registry).auth().oauth2(keycloak.token("changcheng")).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "矩阵小组" + suffix, "kind", "VOLUNTEER_TEAM", "registrationStatus", "GRASSROOTS",
                        "sponsorOrganizationId", hub, "serviceAreas", List.of("370811012007")))
                .when().post("/organizations").then().statusCode(201).extract().path("id"));
        Organizations.awaitApprovalKnownToActions(network, admin, hub);
        Organizations.awaitApprovalKnownToActions(network, counterpartToken, counterpart);
        Organizations.awaitApprovalKnownToActions(network, keycloak.token("xiyang"), other);

        fixture.put("offer", post(action, admin, "/offers", Map.of("organizationId", hub, "category", "SUPPLIES",
                "item", "折叠床" + suffix, "quantity", 10, "unit", "张", "areaCode", "370811")));
        String askedOfTheHub = post(action, counterpartToken, "/needs", need(counterpart, "折叠床" + suffix, "张", "370811012002"));
        post(action, counterpartToken, "/offers", Map.of("organizationId", counterpart, "category", "SUPPLIES",
                "item", "血压计" + suffix, "quantity", 10, "unit", "台", "areaCode", "370811"));
        fixture.put("need", post(action, admin, "/needs", need(hub, "血压计" + suffix, "台", "370811012")));
        fixture.put("match-provided", awaitMatch(askedOfTheHub));
        fixture.put("match-asked", awaitMatch(fixture.get("need")));
        fixture.put("action", post(action, admin, "/actions", example(writes, "action-service", "post", "/actions")));
        fixture.put("advocacy", post(action, admin, "/advocacy", example(writes, "action-service", "post", "/advocacy")));
        fixture.put("entry", post(action, admin, "/ledgers/" + hub + "/entries",
                example(writes, "action-service", "post", "/ledgers/{organizationId}/entries")));

        String notification = network.url("notification-service");
        Organizations.awaitKnownToNotifications(network, admin, hub);
        fixture.put("webhook", post(notification, admin, "/organizations/" + hub + "/webhooks",
                Map.of("url", RECEIVER, "kinds", List.of("NEED_FULFILLED"))));
        fixture.put("subscription", post(notification, admin, "/subscriptions", Map.of("areaCode", "370811")));
        fixture.put("inbox-item", Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(notification)
                .auth().oauth2(admin).when().get("/inbox").then().statusCode(200).extract().<String>path("items[0].id"),
                id -> id != null));
        // Everyone the matrix calls as has been seen by every service (the services note who people are).
        for (String user : List.of("xiyang", "putian", "jiyang", "caoqiao")) {
            for (String service : CollabNetwork.SERVICES) {
                given().baseUri(network.url(service)).auth().oauth2(keycloak.token(user)).when().get("/q/health/live");
            }
            given().baseUri(notification).auth().oauth2(keycloak.token(user)).when().get("/inbox").then().statusCode(200);
        }
    }

    private static Map<String, Object> need(String organization, String item, String unit, String area) {
        return Map.of("organizationId", organization, "category", "SUPPLIES", "item", item, "quantity", 1, "unit", unit,
                "urgency", "HIGH", "areaCode", area, "targetGroup", "ELDERLY_LIVING_ALONE");
    }

    private static Object example(List<OpenApi.Operation> writes, String service, String method, String path) {
        OpenApi.Operation operation = writes.stream().filter(op -> op.service().equals(service) && op.method().equals(method)
                && op.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + path));
        return OpenApi.example(operation, operation.jsonBodySchema(), hints()).toString();
    }

    private static String post(String baseUri, String token, String path, Object body) {
        return given().baseUri(baseUri).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    private static String awaitMatch(String need) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(network.url("matching-service"))
                .when().get("/needs/{id}/matches", need).then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
    }

    /**
     * The suspension reaches the other services as an event; each refuses the organization's
     * writes once it is there (these probes may be accepted until then, before the count starts).
     */
    private static void awaitSuspensionKnownEverywhere() {
        String hub = fixture.get("organization");
        String admin;
        try {
            admin = keycloak.token("jiyang");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(network.url("action-service")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("organizationId", hub, "category", "VENUE", "item", "会议室", "quantity", 1, "unit", "间", "areaCode", "3708"))
                .when().post("/offers").statusCode() == 403);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(network.url("notification-service")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER, "kinds", List.of("NEED_FULFILLED")))
                .when().post("/organizations/{id}/webhooks", hub).statusCode() == 403);
        // matching-service: a delivery on a match not accepted yet is refused either way (409 while
        // the hub may act, 403 once it may not), so this probe changes nothing.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(network.url("matching-service")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("quantity", 0.01)).when().post("/matches/{id}/deliveries", fixture.get("match-provided"))
                .statusCode() == 403);
    }
}
