package net.collab.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.collab.devstack.CollabNetwork;

/**
 * The services' OpenAPI documents as the system tests read them: every operation with its
 * parameters, body schema and the callers it declares ({@code x-collabnet-callers}), and a valid
 * example body built from a schema (constraints honoured; fields the tests must fill, such as the
 * organization a request acts for, taken from hints by field name).
 */
final class OpenApi {

    static final String CALLERS = "x-collabnet-callers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    /** One operation of one service's document. */
    record Operation(String service, String method, String path, JsonNode operation, JsonNode document) {

        boolean isWrite() {
            return WRITES.contains(method);
        }

        /** The callers the operation declares, or null when it declares none. */
        String callers() {
            JsonNode callers = operation.get(CALLERS);
            return callers == null ? null : callers.asText();
        }

        /** The JSON schema of the body, or null when the operation takes no JSON body. */
        JsonNode jsonBodySchema() {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").get("schema");
            return schema == null ? null : resolve(schema);
        }

        /** Whether it answers with a stream that does not end (Server-Sent Events). */
        boolean streams() {
            for (JsonNode response : operation.path("responses")) {
                if (response.path("content").has("text/event-stream")) {
                    return true;
                }
            }
            return false;
        }

        /** The media types the body may have (empty for none). */
        List<String> bodyMediaTypes() {
            List<String> types = new ArrayList<>();
            operation.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        /** Parameters of a kind ({@code path}, {@code query}) with their schemas, by name. */
        Map<String, JsonNode> parameters(String in) {
            Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asText().equals(in)) {
                    parameters.put(parameter.path("name").asText(), resolve(parameter.path("schema")));
                }
            }
            return parameters;
        }

        /** A schema with its {@code $ref} followed (once; nested ones are followed as they are reached). */
        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            while (current != null && current.has("$ref")) {
                String name = current.get("$ref").asText().replace("#/components/schemas/", "");
                current = document.path("components").path("schemas").get(name);
            }
            return current == null ? NODES.objectNode() : current;
        }

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    private OpenApi() {
    }

    /** Every operation of every service of the network, in the documents' order. */
    static List<Operation> operations(CollabNetwork network) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Operation> operations = new ArrayList<>();
        for (String service : CollabNetwork.SERVICES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(network.url(service) + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + " served no OpenAPI document: " + response.statusCode());
            }
            JsonNode document = JSON.readTree(response.body());
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        operations.add(new Operation(service, method.getKey(), path.getKey(), method.getValue(), document));
                    }
                }
            }
        }
        return operations;
    }

    /**
     * A value the schema accepts: required properties only (and those named in {@code hints}, whose
     * values are taken as they are), the first value of an enumeration, numbers within their bounds.
     */
    static JsonNode example(Operation operation, JsonNode schema, Map<String, Object> hints) {
        JsonNode resolved = operation.resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String type = resolved.path("type").asText("object");
        String format = resolved.path("format").asText("");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new java.util.HashSet<>();
                resolved.path("required").forEach(name -> required.add(name.asText()));
                Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (hints.containsKey(property.getKey())) {
                        object.set(property.getKey(), JSON.valueToTree(hints.get(property.getKey())));
                    } else if (required.contains(property.getKey())) {
                        object.set(property.getKey(), example(operation, property.getValue(), hints));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, resolved.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(example(operation, resolved.path("items"), hints));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            }
            case "number" -> {
                return NODES.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.textNode(switch (format) {
                    case "uuid" -> java.util.UUID.randomUUID().toString();
                    case "date-time" -> OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
                    case "date" -> LocalDate.now().toString();
                    default -> resolved.path("pattern").asText().contains("\\d") ? "370811" : "测试 test";
                });
            }
        }
    }
}
