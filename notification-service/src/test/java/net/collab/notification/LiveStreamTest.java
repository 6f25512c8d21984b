package net.collab.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.matching.MatchProposed;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.DevStackResource;
import net.collab.testing.TestEvents;
import net.collab.testing.TestOrganizations;
import net.collab.testing.TestTokens;

/** The live stream: what comes while connected, and after a reconnect what came in between (Last-Event-ID). */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MAIL, value = "true"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class LiveStreamTest {

    @Inject
    OrganizationReplica replica;

    @Inject
    net.collab.notification.domain.Inbox inbox;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** One open stream: its events (id and data) as they arrive. */
    private final class Stream implements AutoCloseable {
        final LinkedBlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile java.io.InputStream body;

        Stream(String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String id = null;
                    StringBuilder data = new StringBuilder();
                    for (String line; (line = lines.readLine()) != null;) {
                        if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        } else if (line.isEmpty() && data.length() > 0) {
                            events.add(new String[] {id, data.toString()});
                            data.setLength(0);
                        }
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String[] next() throws InterruptedException {
            String[] event = events.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("an event within 20 s").isNotNull();
            return event;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private static MatchProposed proposal(UUID provider, String item) {
        return new MatchProposed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), provider,
                ResourceCategory.SUPPLIES, item, new BigDecimal("3"), "箱", "370811012002", "explanation");
    }

    @Test
    void newItemsArriveWhileConnectedAndThoseInBetweenAfterAReconnect() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent());
        String token = TestTokens.user(admin);
        String lastId;
        try (Stream stream = new Stream(token, null)) {
            TestEvents.send(proposal(provider, "第一批口罩"));
            String[] first = stream.next();
            assertThat(first[1]).contains("第一批口罩").contains("\"kind\":\"MATCH_PROPOSED\"");
            lastId = first[0];
            assertThat(Long.parseLong(lastId)).isPositive();
        }
        // While nobody listens: two more items.
        TestEvents.send(proposal(provider, "第二批口罩"));
        TestEvents.send(proposal(provider, "第三批口罩"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).when()
                .get("/inbox").then().body("total", org.hamcrest.Matchers.equalTo(3)));

        // Past the feed's window for late commits (5 s): only Last-Event-ID can bring them back now.
        Awaitility.await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
        try (Stream fresh = new Stream(token, null)) {
            assertThat(fresh.events.poll(3, TimeUnit.SECONDS)).as("a new stream starts from now").isNull();
        }
        try (Stream resumed = new Stream(token, lastId)) {
            List<String> items = new ArrayList<>();
            while (items.stream().filter(data -> data.contains("第二批口罩") || data.contains("第三批口罩")).count() < 2) {
                items.add(resumed.next()[1]);
            }
            assertThat(String.join("\n", items)).contains("第二批口罩").contains("第三批口罩");
        }
        given().when().get("/inbox/stream").then().statusCode(401);
        given().auth().oauth2(token).header("Last-Event-ID", "yesterday").when().get("/inbox/stream").then().statusCode(400);
    }

    /**
     * Positions are handed out at insert: an item may commit after one with a later position, which
     * the stream has sent already. It is sent all the same.
     */
    @Test
    void anItemThatCommitsAfterALaterOneStillArrives() throws Exception {
        String admin = "admin-" + UUID.randomUUID();
        UUID provider = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(provider).isPresent());
        try (Stream stream = new Stream(TestTokens.user(admin), null)) {
            java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
            Thread slow = new Thread(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                inbox.write(net.collab.notification.domain.Audience.organization(provider),
                        net.collab.notification.domain.NotificationKind.MATCH_PROPOSED, UUID.randomUUID(),
                        new net.collab.notification.domain.Messages.Message("慢的一条", "先写后提交", "the slow one", "written first"));
                written.countDown();
                try {
                    commit.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            slow.start();
            assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
            TestEvents.send(proposal(provider, "后写先提交"));
            String[] later = stream.next();
            assertThat(later[1]).contains("后写先提交");
            commit.countDown();
            slow.join(20_000);
            String[] earlier = stream.next();
            assertThat(earlier[1]).contains("慢的一条");
            assertThat(Long.parseLong(earlier[0])).as("its position is before the one sent already").isLessThan(Long.parseLong(later[0]));
        }
    }
}
