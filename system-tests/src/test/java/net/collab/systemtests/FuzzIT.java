package net.collab.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.restassured.http.ContentType;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * Every endpoint of every service's OpenAPI document, called with requests built from its schema
 * and then spoiled one way at a time: a field of the wrong type, a huge string, deeply nested JSON,
 * unknown fields, bytes that are not UTF-8, numbers at and beyond their bounds, broken JSON, the
 * wrong media type, odd text (lone surrogates, control and direction characters), hostile path and
 * query values. No answer may be a 5xx, every refusal is problem+json, and nothing of a refused
 * request is stored: each request's free text carries a marker, and no marker of a refused request
 * may be found in any table of any service afterwards. Random but repeatable: the test prints its
 * seed, {@code -Dcollabnet.fuzz.seed} repeats a run ({@code ./mvnw verify} uses a fixed one, so that
 * it fails for a change, not for a draw; any value that is not a number draws a new seed), and
 * {@code -Dcollabnet.fuzz.cases} sets how many requests (1,500 in {@code ./mvnw verify}).
 */
class FuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern MARKER = Pattern.compile("FZ(\\d+)Z");

    enum Kind {
        WRONG_TYPE, HUGE_STRING, DEEP_JSON, UNKNOWN_FIELDS, BAD_UTF8, BOUNDARY_NUMBER, BROKEN_JSON, WRONG_MEDIA_TYPE,
        ODD_TEXT, HOSTILE_PATH, HOSTILE_QUERY
    }

    private record Case(int number, OpenApi.Operation operation, Kind kind, String user, String path, String query,
            String contentType, byte[] body, String what) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + number + " " + kind + " " + operation.method().toUpperCase() + " " + path + (query.isEmpty() ? "" : "?" + query)
                    + " as " + user + " (" + what + ", " + (body == null ? 0 : body.length) + " bytes): " + shown;
        }
    }

    private static CollabNetwork network;
    private static DemoData keycloak;
    private static final Map<String, String> fixture = new LinkedHashMap<>();
    private static final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void joinTheNetwork() throws Exception {
        network = SharedNetwork.get();
        keycloak = SharedNetwork.keycloak();
        // An approved organization with a need, an offer and an action, so that requests about them reach the domain.
        String organization = Organizations.approved(network, keycloak, "changcheng", "模糊测试服务队", "370811");
        String admin = keycloak.token("changcheng");
        Organizations.awaitApprovalKnownToActions(network, admin, organization);
        fixture.put("organization", organization);
        String action = network.url("action-service");
        fixture.put("offer", created(action, admin, "/offers", Map.of("organizationId", organization, "category", "SUPPLIES",
                "item", "消毒液", "quantity", 100, "unit", "瓶", "areaCode", "370811")));
        fixture.put("need", created(action, admin, "/needs", Map.of("organizationId", organization, "category", "SERVICE",
                "item", "心理咨询", "quantity", 3, "unit", "次", "urgency", "NORMAL", "areaCode", "370811012002")));
        fixture.put("action", created(action, admin, "/actions", Map.of("organizationId", organization, "title", "消毒行动",
                "domains", List.of("EPIDEMIC_PREVENTION"), "targetGroups", List.of("ELDERLY_LIVING_ALONE"), "areaCodes", List.of("370811"))));
        operations = OpenApi.operations(network);
        tokens.put("coordinator", keycloak.token("coordinator"));
        tokens.put("changcheng", admin);
    }

    private static String created(String baseUri, String token, String path, Object body) {
        return io.restassured.RestAssured.given().baseUri(baseUri).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(201).extract().path("id");
    }

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static List<OpenApi.Operation> operations;

    @Test
    void noRequestBreaksAServiceAndNoRefusedRequestLeavesATrace() throws Exception {
        long seed = Long.getLong("collabnet.fuzz.seed", System.nanoTime());
        int cases = Integer.getInteger("collabnet.fuzz.cases", 1500);
        Random random = new Random(seed);
        List<OpenApi.Operation> withBodies = operations.stream().filter(operation -> !operation.bodyMediaTypes().isEmpty()).toList();
        Map<Kind, Integer> tried = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        Set<Integer> refused = new HashSet<>();
        int rateLimited = 0;
        long tokensAt = System.nanoTime();
        List<String> closedAfter = new ArrayList<>();
        Case previous = null;
        int previousStatus = 0;
        for (int number = 1; number <= cases; number++) {
            if (System.nanoTime() - tokensAt > Duration.ofMinutes(3).toNanos()) { // tokens live 5 minutes
                tokens.replaceAll((user, token) -> fresh(user));
                tokensAt = System.nanoTime();
            }
            // Half the requests to endpoints that read a body: there are more ways to spoil one.
            List<OpenApi.Operation> from = random.nextBoolean() ? withBodies : operations;
            Case request = spoil(number, from.get(random.nextInt(from.size())), random);
            Answer response;
            try {
                response = send(request);
            } catch (AssertionError noAnswer) {
                if (!(noAnswer.getCause() instanceof java.util.concurrent.ExecutionException)) {
                    throw noAnswer;
                }
                // Sent on a connection the service had closed after the previous request: which one, and again on a new one.
                closedAfter.add(previous + " (answered " + previousStatus + ")");
                response = send(request);
            }
            while (response.statusCode() == 429) { // a well-behaved client waits as asked
                rateLimited++;
                Thread.sleep(1000L * Long.parseLong(response.retryAfter()));
                response = send(request);
            }
            tried.merge(request.kind(), 1, Integer::sum);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            int status = response.statusCode();
            if (status >= 500) {
                broken.add(status + " for " + request + "\n    → " + abbreviate(response.body()));
            } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
                broken.add(status + " without problem+json for " + request + "\n    → " + abbreviate(response.body()));
            }
            if (status >= 400) {
                refused.add(number);
            }
            previous = request;
            previousStatus = status;
        }
        closedAfter.forEach(closing -> System.out.println("connection closed without a word after " + closing));
        Databases.settled(network); // what consumers write later from accepted requests' events is looked at too
        Set<Integer> stored = markersStored();
        Set<Integer> storedThoughRefused = new java.util.TreeSet<>(stored);
        storedThoughRefused.retainAll(refused);

        System.out.printf("fuzz (seed %d): %d requests to %d endpoints, answers %s, %d refused, %d waits for the write limit;"
                + " 5xx or refusals without problem+json: %d; markers of refused requests stored: %d (of accepted ones: %d)%n",
                seed, cases, operations.size(), statuses, refused.size(), rateLimited, broken.size(), storedThoughRefused.size(),
                stored.size() - storedThoughRefused.size());
        tried.forEach((kind, count) -> System.out.printf("  %-18s %5d%n", kind, count));
        assertThat(broken).as("answers that break the rules (seed %d)", seed).isEmpty();
        assertThat(storedThoughRefused).as("refused requests whose text was stored (seed %d)", seed).isEmpty();
        assertThat(refused.size()).as("spoiled requests refused").isGreaterThan(cases / 2);
    }

    private static String fresh(String user) {
        try {
            return keycloak.token(user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private record Answer(int statusCode, String contentType, String body, String retryAfter) {
    }

    private static Answer send(Case request) throws Exception {
        String service = request.operation().service();
        URI uri = URI.create(network.url(service) + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(request.user()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.operation().method().toUpperCase(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        // A service that never answers fails the case (the request's own timeout does not cover a stalled body).
        try {
            if (request.operation().streams()) { // its status and headers; the body goes on as long as the client listens
                HttpResponse<java.io.InputStream> stream = http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                        .get(60, java.util.concurrent.TimeUnit.SECONDS);
                stream.body().close();
                return new Answer(stream.statusCode(), stream.headers().firstValue("Content-Type").orElse(""), "(a stream)",
                        stream.headers().firstValue("Retry-After").orElse("1"));
            }
            HttpResponse<String> response = http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("Retry-After").orElse("1"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer in 60 s to " + request, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("no answer to " + request + ": " + e.getCause(), e);
        }
    }

    /** A request the schema accepts, then spoiled in one way that applies to the operation. */
    private static Case spoil(int number, OpenApi.Operation operation, Random random) {
        String user = "coordinator".equals(operation.callers()) ? "coordinator" : "changcheng";
        JsonNode schema = operation.jsonBodySchema();
        List<Kind> kinds = new ArrayList<>(List.of(Kind.HOSTILE_QUERY));
        if (!operation.parameters("path").isEmpty()) {
            kinds.add(Kind.HOSTILE_PATH);
        }
        if (schema != null) {
            kinds.addAll(List.of(Kind.WRONG_TYPE, Kind.HUGE_STRING, Kind.DEEP_JSON, Kind.UNKNOWN_FIELDS, Kind.BAD_UTF8,
                    Kind.BOUNDARY_NUMBER, Kind.BROKEN_JSON, Kind.WRONG_MEDIA_TYPE, Kind.ODD_TEXT));
        } else if (!operation.bodyMediaTypes().isEmpty()) {
            kinds.addAll(List.of(Kind.HUGE_STRING, Kind.BAD_UTF8, Kind.ODD_TEXT, Kind.WRONG_MEDIA_TYPE));
        }
        Kind kind = kinds.get(random.nextInt(kinds.size()));

        Map<String, String> pathValues = new LinkedHashMap<>();
        for (String parameter : operation.parameters("path").keySet()) {
            pathValues.put(parameter, pathValue(operation, parameter));
        }
        String query = "";
        String what = "";
        if (kind == Kind.HOSTILE_PATH) {
            String parameter = pick(random, new ArrayList<>(pathValues.keySet()));
            String value = hostileText(random);
            pathValues.put(parameter, value);
            what = "{" + parameter + "} = " + value;
        }
        if (kind == Kind.HOSTILE_QUERY) {
            Map<String, JsonNode> parameters = operation.parameters("query");
            List<String> names = new ArrayList<>(parameters.keySet());
            names.add("unknown");
            String name = pick(random, names);
            String value = hostileText(random);
            query = encode(name) + "=" + encode(value);
            what = name + " = " + value;
        }
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }

        String contentType = null;
        byte[] body = null;
        if (schema != null) {
            ObjectNode valid = marked(OpenApi.example(operation, schema, hints()), operation, schema, number);
            contentType = "application/json";
            body = bytes(valid);
            switch (kind) {
                case WRONG_TYPE -> {
                    String field = pickField(valid, random);
                    JsonNode wrong = pick(random, List.of(NODES.textNode("FZ" + number + "Z"), NODES.numberNode(7), NODES.booleanNode(true),
                            NODES.nullNode(), NODES.arrayNode().add("FZ" + number + "Z"), NODES.objectNode().put("a", 1)));
                    if (field != null) {
                        valid.set(field, wrong);
                    }
                    body = bytes(field == null ? wrong : valid);
                    what = field + " = " + wrong;
                }
                case HUGE_STRING -> {
                    String field = pickField(valid, random);
                    String huge = "FZ" + number + "Z" + anyText(random, 1, 20)
                            .repeat(1 + random.nextInt(15_000));
                    valid.put(field == null ? "huge" : field, huge);
                    body = bytes(valid);
                    what = (field == null ? "huge" : field) + " of " + huge.length() + " characters";
                }
                case DEEP_JSON -> {
                    int depth = pick(random, List.of(100, 1_001, 5_000, 100_000));
                    boolean arrays = random.nextBoolean();
                    String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
                    boolean inside = random.nextBoolean(); // the whole body, or one field of a valid one
                    String text = inside ? new String(bytes(valid), StandardCharsets.UTF_8)
                            .replaceFirst("\\{", Matcher.quoteReplacement("{\"deep\":" + nested + ",")) : nested;
                    body = text.getBytes(StandardCharsets.UTF_8);
                    what = "nested " + depth + " deep" + (inside ? " in a field" : "");
                }
                case UNKNOWN_FIELDS -> {
                    int fields = 1 + random.nextInt(50);
                    for (int i = 0; i < fields; i++) {
                        valid.put(anyText(random, 1, 30), "FZ" + number + "Z");
                    }
                    body = bytes(valid);
                    what = fields + " unknown fields";
                }
                case BAD_UTF8 -> {
                    body = withInvalidUtf8(body, random);
                    what = "bytes that are not UTF-8";
                }
                case BOUNDARY_NUMBER -> {
                    String field = pickNumberField(valid, operation, schema, random);
                    String number_ = pick(random, List.of("0", "-0.0", "-1", "0.001", "0.005", "1000000000.01", "100000000000000.01",
                            "2147483648", "9223372036854775808", "1e308", "1e309", "-1e309", "1e-400", "4.9e-324",
                            "123456789012345678901234567890.123456789", "1" + "0".repeat(2000), "NaN", "\"NaN\"", "Infinity"));
                    String name = field == null ? "number" : field;
                    valid.putRawValue(name, new RawValue(number_));
                    body = bytes(valid);
                    what = name + " = " + abbreviate(number_);
                }
                case BROKEN_JSON -> {
                    String text = new String(body, StandardCharsets.UTF_8);
                    String broken = pick(random, List.of("", "null", "[]", "\"FZ" + number + "Z\"", "42",
                            text.substring(0, Math.max(0, text.length() / 2)), text + "}", text + " trailing",
                            "/* comment */" + text, text.replaceFirst("\\{", "{\"a\":1,\"a\":2,"), "{'single':'quotes'}",
                            "{\"unterminated\":\"FZ" + number + "Z"));
                    body = broken.getBytes(StandardCharsets.UTF_8);
                    what = "broken JSON";
                }
                case WRONG_MEDIA_TYPE -> {
                    contentType = pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x", "application/json; charset=latin1", "garbage"));
                    what = "sent as " + contentType;
                }
                case ODD_TEXT -> {
                    String field = pickField(valid, random);
                    String odd = "FZ" + number + "Z" + pick(random, List.of("\\ud800", "\\udc00x", "\\u202e\\u0008", "\\u0000",
                            "\\ufeff\\u200b", "\\uffff", "😷🏥", "\\u0007\\u001b[31m", "<script>alert(1)</script>", "'; drop table need; --",
                            "../../etc/passwd", "${jndi:ldap://x}", "%s%n%x"));
                    String name = field == null ? "odd" : field;
                    valid.putRawValue(name, new RawValue("\"" + odd.replace("\"", "\\\"") + "\"")); // escapes as written
                    body = bytes(valid);
                    what = name + " = " + odd;
                }
                default -> {
                }
            }
        } else if (!operation.bodyMediaTypes().isEmpty()) {
            contentType = operation.bodyMediaTypes().get(0);
            String text = "FZ" + number + "Z," + anyText(random, 0, 200) + "\n";
            body = switch (kind) {
                case HUGE_STRING -> text.repeat(2000).getBytes(StandardCharsets.UTF_8);
                case BAD_UTF8 -> withInvalidUtf8(text.getBytes(StandardCharsets.UTF_8), random);
                case WRONG_MEDIA_TYPE -> {
                    contentType = "application/json";
                    yield "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                }
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
            what = kind + " as " + contentType;
        }
        return new Case(number, operation, kind, user, path, query, contentType, body, what);
    }

    /** Text that has broken parsers: any characters, lone surrogates, huge, negative and boundary numbers, traversal. */
    private static String hostileText(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> anyText(random, 0, 40);
            case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
            default -> pick(random, List.of("-1", "0", "2147483648", "99999999999999999999", "1e9", "NaN", "../../../etc/passwd",
                    "..", "%00", "\ud800", "null", "undefined", "true", "[]", "{}", " ", "not-a-uuid",
                    "00000000-0000-0000-0000-000000000000", "370811012002" + "0".repeat(100), "中".repeat(3000), "a".repeat(9000),
                    "'", "\"", "\\", "<>", "\u202e"));
        };
    }

    /**
     * Characters from everywhere: ASCII and its control characters, Latin, CJK, symbols and emoji
     * beyond the Basic Multilingual Plane, private use, non-characters (never a lone surrogate: the
     * JSON writer would refuse it; ODD_TEXT sends those as escapes).
     */
    private static String anyText(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        int[][] ranges = {{0x00, 0x7F}, {0x80, 0x24F}, {0x4E00, 0x9FFF}, {0x2000, 0x2BFF}, {0x1F300, 0x1FAFF}, {0xE000, 0xF8FF},
                {0xFFF0, 0xFFFF}, {0x10000, 0x10FFFF}};
        while (text.length() < length) {
            int[] range = ranges[random.nextInt(ranges.length)];
            int codePoint = range[0] + random.nextInt(range[1] - range[0] + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pickField(ObjectNode body, Random random) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? null : pick(random, names);
    }

    private static String pickNumberField(ObjectNode body, OpenApi.Operation operation, JsonNode schema, Random random) {
        List<String> names = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String type = operation.resolve(property.getValue()).path("type").asText();
            if (type.equals("number") || type.equals("integer")) {
                names.add(property.getKey());
            }
        }
        return names.isEmpty() ? pickField(body, random) : pick(random, names);
    }

    /** The example with its free text (no enumeration, format or digit pattern) replaced by the case's marker. */
    private static ObjectNode marked(JsonNode example, OpenApi.Operation operation, JsonNode schema, int number) {
        ObjectNode body = example.isObject() ? (ObjectNode) example.deepCopy() : NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode resolved = operation.resolve(property.getValue());
            boolean freeText = resolved.path("type").asText().equals("string") && !resolved.has("enum") && !resolved.has("format")
                    && !resolved.path("pattern").asText().contains("\\d") && !hints().containsKey(property.getKey());
            if (freeText) {
                body.put(property.getKey(), "FZ" + number + "Z");
            }
        }
        return body;
    }

    private static Map<String, Object> hints() {
        return Map.of("organizationId", fixture.get("organization"), "areaCode", "370811012002",
                "areaCodes", List.of("370811"), "serviceAreas", List.of("370811"), "url", "http://127.0.0.1:9/fuzz",
                "email", "putian@collabnet.example");
    }

    private static String pathValue(OpenApi.Operation operation, String parameter) {
        String[] segments = operation.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return switch (segments[i - 1]) {
                    case "organizations", "ledgers" -> fixture.get("organization");
                    case "needs" -> fixture.get("need");
                    case "offers" -> fixture.get("offer");
                    case "actions" -> fixture.get("action");
                    case "areas" -> "370811012";
                    default -> UUID.randomUUID().toString();
                };
            }
        }
        return UUID.randomUUID().toString();
    }

    private static byte[] withInvalidUtf8(byte[] body, Random random) {
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88,
                (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}};
        byte[] bad = invalid[random.nextInt(invalid.length)];
        int quote = indexOfStringValue(body);
        int at = quote < 0 ? random.nextInt(body.length + 1) : quote;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    /** Just inside the first string value ({@code ":"}), where a decoder must look at the bytes. */
    private static int indexOfStringValue(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == ':' && body[i + 1] == '"') {
                return i + 2;
            }
        }
        return -1;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The case numbers whose marker is anywhere in any service's tables. */
    private static Set<Integer> markersStored() throws Exception {
        Set<Integer> found = new HashSet<>();
        for (String row : Databases.rowsContaining(network, "FZ")) {
            Matcher matcher = MARKER.matcher(row);
            while (matcher.find()) {
                found.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return found;
    }
}
