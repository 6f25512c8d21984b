package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * notification-service as it runs in production: two instances sharing the partitions and the
 * delivery table, both killed with SIGKILL while a webhook call is in flight, then started again.
 * Each proposal reaches the provider once per channel: nothing is lost, the only copies sent twice
 * are the calls in flight at the kill, and they carry the same id (the receiver's key to
 * deduplicate). No e-mail, webhook body, inbox or log line carries the beneficiaries' personal data.
 */
class NotificationsUnderFaultsIT {

    private static final int NEEDS = 30;

    private static CollabNetwork network;
    private static DemoData keycloak;
    private static Receiver receiver;

    @BeforeAll
    static void startTheNetworkWithTwoNotifiers() throws Exception {
        SharedNetwork.stop(); // one whole network on the machine at a time
        Path root = Path.of(System.getProperty("collabnet.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createDirectories(root.resolve("system-tests/target/network-notifications"));
        // A sender that died mid-send holds its deliveries this long before another takes them (2 minutes in production).
        network = CollabNetwork.start(CollabNetwork.Options.ephemeral(root, data)
                .with("notification-service", "COLLABNET_NOTIFICATIONS_CLAIM_FOR", "15s"));
        network.startAnotherInstance("notification-service");
        keycloak = new DemoData(network.keycloakIssuer(), network.url("registry-service"));
        receiver = new Receiver();
    }

    @AfterAll
    static void stopTheNetwork() {
        if (receiver != null) {
            receiver.server.stop(0);
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void killedSendersLoseNothingAndRepeatOnlyWhatWasInFlightUnderTheSameId() throws Exception {
        String provider = Organizations.approved(network, keycloak, "changcheng", "山东威海长城爱心大本营", "3708");
        String requester = Organizations.approved(network, keycloak, "caoqiao", "草桥口社区志愿服务队", "370811012002");
        String providerToken = keycloak.token("changcheng");
        String requesterToken = keycloak.token("caoqiao");
        String notification = network.url("notification-service");
        // The provider's administrator has been signed in (so the service knows the address the
        // identity provider verified) and registered the organization's receiver for proposals.
        given().baseUri(notification).auth().oauth2(providerToken).when().get("/inbox").then().statusCode(200);
        Organizations.awaitKnownToNotifications(network, providerToken, provider);
        receiver.secret = given().baseUri(notification).auth().oauth2(providerToken).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "kinds", List.of("MATCH_PROPOSED")))
                .when().post("/organizations/{id}/webhooks", provider).then().statusCode(201).extract().path("secret");
        Organizations.awaitApprovalKnownToActions(network, providerToken, provider);
        Organizations.awaitApprovalKnownToActions(network, requesterToken, requester);

        String action = network.url("action-service");
        given().baseUri(action).auth().oauth2(providerToken).contentType(ContentType.JSON)
                .body(Map.of("organizationId", provider, "category", "SUPPLIES", "item", "口罩", "quantity", 1000, "unit", "箱",
                        "areaCode", "3708"))
                .when().post("/offers").then().statusCode(201);
        // Each need is for someone whose name, phone and address must stay with the requester.
        List<String> personalData = new ArrayList<>();
        receiver.holdCall(6); // the sixth call is held: both instances are killed while it is in flight
        for (int i = 0; i < NEEDS; i++) {
            String name = "王秀英" + ThreadLocalRandom.current().nextInt(1000, 10000);
            String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
            String address = "草桥口社区" + ThreadLocalRandom.current().nextInt(100, 1000) + "号楼";
            personalData.addAll(List.of(name, phone, address));
            given().baseUri(action).auth().oauth2(requesterToken).contentType(ContentType.JSON)
                    .body(Map.of("organizationId", requester, "category", "SUPPLIES", "item", "口罩", "quantity", 2, "unit", "箱",
                            "urgency", "HIGH", "areaCode", "370811012002", "targetGroup", "ELDERLY_LIVING_ALONE",
                            "beneficiary", Map.of("name", name, "phone", phone, "address", address)))
                    .when().post("/needs").then().statusCode(201);
        }

        assertThat(receiver.held.await(60, TimeUnit.SECONDS)).as("a webhook call in flight").isTrue();
        int repeatedBeforeTheKill = receiver.repeated();
        network.kill("notification-service");
        network.kill("notification-service-2");
        receiver.release.countDown();
        network.restart("notification-service");
        network.restart("notification-service-2");

        try (Connection database = DriverManager.getConnection(network.postgres().jdbcUrl("notification"),
                network.postgres().username(), network.postgres().password())) {
            String proposals = "from delivery d join inbox_item i on i.id = d.item_id where i.kind = 'MATCH_PROPOSED'"
                    + " and i.recipient_organization_id = '" + provider + "'";
            // One e-mail (to the administrator) and one webhook call per proposal, each sent in the end.
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(database, "select count(*) " + proposals + " and d.status = 'SENT'") == 2 * NEEDS);
            assertThat(count(database, "select count(*) " + proposals)).isEqualTo(2 * NEEDS);
            assertThat(count(database, "select count(*) from inbox_item where kind = 'MATCH_PROPOSED'"
                    + " and recipient_organization_id = '" + provider + "'")).isEqualTo(NEEDS);
            Set<String> webhookDeliveries = ids(database, "select d.id::text " + proposals + " and d.channel = 'WEBHOOK'");
            Set<String> emailDeliveries = ids(database, "select d.id::text " + proposals + " and d.channel = 'EMAIL'");

            // Webhooks: every call signed; every delivery arrived; the held one twice under one id.
            assertThat(receiver.badSignatures).isEmpty();
            assertThat(receiver.calls.keySet()).containsExactlyInAnyOrderElementsOf(webhookDeliveries);
            assertThat(receiver.calls.get(receiver.heldId.get())).isEqualTo(2);
            assertThat(repeatedBeforeTheKill).as("copies before any instance died").isZero();

            // E-mails: every delivery arrived, each with its id in a header for the reader's mail program to deduplicate.
            Map<String, Long> emails = network.mail().receivedBy("changcheng@collabnet.example").stream()
                    .map(NotificationsUnderFaultsIT::deliveryId).filter(emailDeliveries::contains)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(emails.keySet()).containsExactlyInAnyOrderElementsOf(emailDeliveries);

            // Each instance sends one delivery at a time: at most one more copy besides the held call.
            long extraWebhookCopies = receiver.calls.values().stream().mapToLong(calls -> calls - 1).sum() - 1;
            long extraEmailCopies = emails.values().stream().mapToLong(copies -> copies - 1).sum();
            assertThat(extraWebhookCopies + extraEmailCopies).isLessThanOrEqualTo(1);
            System.out.printf("%d proposals → %d e-mails and %d webhook calls, all sent; both instances killed during call %s;"
                    + " sent again after the kill: the held call and %d other(s)%n", NEEDS, emailDeliveries.size(),
                    webhookDeliveries.size(), receiver.heldId.get(), extraWebhookCopies + extraEmailCopies);
        }

        // Nobody outside the requester hears who the beneficiaries are.
        StringBuilder told = new StringBuilder();
        for (MimeMessage email : network.mail().received()) {
            told.append(Mails.told(email)).append('\n');
        }
        receiver.bodies.forEach(body -> told.append(body).append('\n'));
        for (String token : List.of(providerToken, requesterToken)) {
            told.append(given().baseUri(notification).auth().oauth2(token).when().get("/inbox?size=100").then().statusCode(200)
                    .extract().asString());
        }
        int logCount = 0;
        try (var logs = Files.list(network.logFolder())) {
            for (Path log : logs.toList()) {
                told.append(Files.readString(log, StandardCharsets.UTF_8));
                logCount++;
            }
        }
        assertThat(told).contains("口罩"); // the scan reads what was told
        assertThat(personalData).allSatisfy(data -> assertThat(told.toString()).doesNotContain(data));
        System.out.printf("%d planted names, phones and addresses: none in %d e-mails, %d webhook bodies, 2 inboxes, %d service logs%n",
                personalData.size(), network.mail().received().size(), receiver.bodies.size(), logCount);
    }

    private static String deliveryId(MimeMessage email) {
        try {
            String[] header = email.getHeader("X-Collabnet-Delivery-Id");
            return header == null ? "" : header[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Set<String> ids(Connection connection, String sql) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    /**
     * An organization's webhook receiver: verifies each call's signature, counts the calls per
     * event id, and holds one call open until told to answer.
     */
    private static final class Receiver {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
        final HttpServer server;
        volatile String secret;
        final Map<String, Integer> calls = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> badSignatures = new ConcurrentLinkedQueue<>();
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<String> heldId = new AtomicReference<>();
        private volatile int holdAt = Integer.MAX_VALUE;
        private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        private final AtomicBoolean holding = new AtomicBoolean();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = JSON.readTree(body).path("id").asText(); // the CloudEvent's id: the same on every attempt
                String timestamp = exchange.getRequestHeaders().getFirst("X-Collabnet-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Collabnet-Signature");
                if (!sign(timestamp + "." + body).equals(signature)) {
                    badSignatures.add(id);
                }
                bodies.add(body);
                calls.merge(id, 1, Integer::sum);
                if (received.incrementAndGet() >= holdAt && holding.compareAndSet(false, true)) {
                    heldId.set(id);
                    held.countDown();
                    try {
                        release.await(120, TimeUnit.SECONDS); // the sender is killed meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try {
                    exchange.sendResponseHeaders(204, -1);
                } catch (IOException e) {
                    // the sender is gone
                }
                exchange.close();
            });
            server.start();
        }

        void holdCall(int number) {
            holdAt = number;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** Ids received more than once. */
        int repeated() {
            return (int) calls.values().stream().filter(count -> count > 1).count();
        }

        private String sign(String payload) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return "v1=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
