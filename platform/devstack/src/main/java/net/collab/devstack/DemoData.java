package net.collab.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Registers and approves the demo organizations through the API, as their administrators and the
 * coordinator would; organizations already in the directory are left alone.
 */
public final class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final String registry;

    public DemoData(String keycloakIssuer, String registryUrl) {
        this.issuer = keycloakIssuer;
        this.registry = registryUrl;
    }

    /** Applies for and approves each organization in the file that the directory does not list yet. */
    public int seedOrganizations(Path file) throws IOException, InterruptedException {
        Map<String, String> listed = new HashMap<>(); // name -> id of approved organizations
        JsonNode directory = JSON.readTree(call(HttpRequest.newBuilder(URI.create(registry + "/organizations?size=200")).GET(), 200));
        directory.path("items").forEach(item -> listed.put(item.path("nameZh").asText(), item.path("id").asText()));
        String coordinator = token("coordinator");
        int seeded = 0;
        Map<String, String> admins = new HashMap<>(); // name -> demo user administering it
        for (JsonNode demo : JSON.readTree(file.toFile())) {
            admins.put(demo.path("application").path("nameZh").asText(), demo.path("admin").asText());
        }
        for (JsonNode demo : JSON.readTree(file.toFile())) {
            ObjectNode application = (ObjectNode) demo.path("application");
            if (listed.containsKey(application.path("nameZh").asText())) {
                continue;
            }
            if (demo.hasNonNull("sponsor")) { // a grassroots group names its hub, registered before it
                String sponsor = listed.get(demo.path("sponsor").asText());
                if (sponsor == null) {
                    throw new IllegalStateException("demo sponsor " + demo.path("sponsor").asText() + " is not approved yet");
                }
                application.put("sponsorOrganizationId", sponsor);
            }
            String admin = demo.path("admin").asText();
            JsonNode created = JSON.readTree(call(HttpRequest.newBuilder(URI.create(registry + "/organizations"))
                    .header("Authorization", "Bearer " + token(admin)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(application.toString())), 201));
            String id = created.path("id").asText();
            if (demo.hasNonNull("sponsor")) { // the hub's administrator accepts to sponsor the group
                call(HttpRequest.newBuilder(URI.create(registry + "/organizations/" + id + "/sponsorship/answer"))
                        .header("Authorization", "Bearer " + token(admins.get(demo.path("sponsor").asText())))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"ACCEPT\"}")), 200);
            }
            call(HttpRequest.newBuilder(URI.create(registry + "/organizations/" + id + "/approval"))
                    .header("Authorization", "Bearer " + coordinator).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\"}")), 200);
            listed.put(application.path("nameZh").asText(), id);
            LOG.infof("demo organization %s registered by %s and approved", application.path("nameZh").asText(), admin);
            seeded++;
        }
        return seeded;
    }

    /**
     * Posts the demo activity (risk levels, actions, offers, needs, a ledger entry, advocacy) as the
     * demo users would, so that the console shows a network at work on its first start. In the
     * bodies and paths, {@code {organizationId}} is the named organization's id and {@code {now}}
     * a moment ago. The approvals and areas may not have reached action-service yet: a 403 or 400 is
     * tried again for a minute.
     *
     * @param serviceUrls base URL per service name (e.g. action-service)
     */
    public void seedActivity(Path file, Map<String, String> serviceUrls) throws IOException, InterruptedException {
        Map<String, String> organizations = new HashMap<>();
        JSON.readTree(call(HttpRequest.newBuilder(URI.create(registry + "/organizations?size=200")).GET(), 200)).path("items")
                .forEach(item -> organizations.put(item.path("nameZh").asText(), item.path("id").asText()));
        for (JsonNode step : JSON.readTree(file.toFile())) {
            String organizationId = step.hasNonNull("organization") ? organizations.get(step.path("organization").asText()) : "";
            if (organizationId == null) {
                throw new IllegalStateException("demo organization " + step.path("organization").asText() + " is not approved");
            }
            String now = java.time.OffsetDateTime.now().minusMinutes(5).withNano(0).toString();
            String path = step.path("path").asText().replace("{organizationId}", organizationId);
            String body = step.path("body").toString().replace("{organizationId}", organizationId).replace("{now}", now);
            String url = serviceUrls.get(step.path("service").asText()) + path;
            String token = token(step.path("as").asText());
            // Approvals and areas reach action-service over Kafka moments after the registry answers.
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(step.path("method").asText(), HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    break;
                }
                boolean notYetKnown = response.statusCode() == 403 || response.statusCode() == 400;
                if (!notYetKnown || System.nanoTime() > giveUpAt) {
                    throw new IllegalStateException(step.path("method").asText() + " " + url + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                Thread.sleep(500);
            }
        }
        LOG.infof("demo activity posted: %d steps", JSON.readTree(file.toFile()).size());
    }

    /** A password-grant token of a demo user (whose password is the user name; local demo only). */
    public String token(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=collabnet-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        String body = call(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return JSON.readTree(body).path("access_token").asText();
    }

    private String call(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
