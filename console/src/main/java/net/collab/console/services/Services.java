package net.collab.console.services;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

import net.collab.console.config.ConsoleConfig;

/**
 * Calls the services on behalf of the signed-in person, with that person's own access token (so
 * each service decides what they may see and do), or anonymously for public pages. Answers are
 * plain maps and lists, which the page templates read by field name.
 */
@ApplicationScoped
public class Services {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    ConsoleConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    /** GET; query parameters with a null or blank value are left out. */
    public Object get(Service service, String path, Map<String, ?> query) {
        return call(service, request(service, path + queryString(query)).GET());
    }

    public Object get(Service service, String path) {
        return get(service, path, Map.of());
    }

    /** A map answer (one resource, or a page with {@code items}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getObject(Service service, String path, Map<String, ?> query) {
        return (Map<String, Object>) get(service, path, query);
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(Service service, String path, Map<String, ?> query) {
        return (List<Object>) get(service, path, query);
    }

    public Object post(Service service, String path, Object body) {
        return call(service, request(service, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Object put(Service service, String path, Object body) {
        return call(service, request(service, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Object patch(Service service, String path, Object body) {
        return call(service, request(service, path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Object delete(Service service, String path) {
        return call(service, request(service, path).DELETE());
    }

    /** A value as one path segment (a subject may hold characters a path may not). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The signed-in person's access token, if there is one. */
    public Optional<String> accessToken() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getCredential(AccessTokenCredential.class)).map(AccessTokenCredential::getToken);
    }

    /** Opens a stream (e.g. Server-Sent Events) with the person's token; the caller closes it. */
    public InputStream open(Service service, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path)).GET();
        accessToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readAllBytes();
                }
                throw refusal(response.statusCode(), new String(body, StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new ServiceUnavailable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, e);
        }
    }

    private HttpRequest.Builder request(Service service, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        accessToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private Object call(Service service, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceUnavailable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, e);
        }
        if (response.statusCode() >= 500) {
            throw new ServiceUnavailable(service, new IOException("answered " + response.statusCode()));
        }
        if (response.statusCode() >= 400) {
            throw refusal(response.statusCode(), response.body());
        }
        if (response.body() == null || response.body().isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    /** Reads a problem document; anything else becomes a refusal with the status alone. */
    ServiceRefusal refusal(int status, String body) {
        String title = null;
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                title = text(problem.get("title"));
                detail = text(problem.get("detail"));
                JsonNode errors = problem.get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode error : errors) {
                        fields.merge(String.valueOf(text(error.get("field"))), String.valueOf(text(error.get("message"))),
                                (first, second) -> first + "; " + second);
                    }
                }
            }
        } catch (IOException e) {
            // not a problem document: the status says enough
        }
        return new ServiceRefusal(status, title, detail, fields);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String baseUrl(Service service) {
        return switch (service) {
            case REGISTRY -> config.registryUrl();
            case ACTION -> config.actionUrl();
            case MATCHING -> config.matchingUrl();
            case NOTIFICATION -> config.notificationUrl();
        };
    }

    static String queryString(Map<String, ?> query) {
        String joined = query.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().toString().isBlank())
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue().toString()))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
