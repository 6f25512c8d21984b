package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * Beneficiaries' names, phones and addresses, planted unique in needs that are matched, accepted,
 * delivered and confirmed, then looked for everywhere they must not be: every GET of every
 * service's OpenAPI document (anonymous, as an outsider, and as the provider except the one read
 * meant for it), the console's public pages, every record of every topic (keys, values, headers),
 * every service's log, every e-mail and every webhook body. The provider who accepted does read
 * them where it should, so the scan looks for what is there.
 */
class LeakScanIT {

    private static final int NEEDS = 6;

    private static CollabNetwork network;
    private static DemoData keycloak;
    private static HttpServer receiver;
    private static final ConcurrentLinkedQueue<String> webhookBodies = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void joinTheNetwork() throws Exception {
        network = SharedNetwork.get();
        keycloak = SharedNetwork.keycloak();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void beneficiariesAreKnownToTheirReadersAndFoundNowhereElse() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 10000));
        String provider = Organizations.approved(network, keycloak, "xiyang", "隐私扫描提供方" + suffix, "370811");
        String requester = Organizations.approved(network, keycloak, "caoqiao", "隐私扫描需求方" + suffix, "370811012002");
        String providerToken = keycloak.token("xiyang");
        String requesterToken = keycloak.token("caoqiao");
        String action = network.url("action-service");
        String notification = network.url("notification-service");
        String matching = network.url("matching-service");

        // The provider's administrator is known to notification-service (e-mail) and its organization has a webhook.
        given().baseUri(notification).auth().oauth2(providerToken).when().get("/inbox").then().statusCode(200);
        Organizations.awaitKnownToNotifications(network, providerToken, provider);
        given().baseUri(notification).auth().oauth2(providerToken).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                .when().post("/organizations/{id}/webhooks", provider).then().statusCode(201);
        Organizations.awaitApprovalKnownToActions(network, providerToken, provider);
        Organizations.awaitApprovalKnownToActions(network, requesterToken, requester);
        String item = "制氧机" + suffix;
        String offer = given().baseUri(action).auth().oauth2(providerToken).contentType(ContentType.JSON)
                .body(Map.of("organizationId", provider, "category", "SUPPLIES", "item", item, "quantity", 100, "unit", "台",
                        "areaCode", "370811"))
                .when().post("/offers").then().statusCode(201).extract().path("id");

        List<String> planted = new ArrayList<>();
        Map<String, Map<String, String>> beneficiaries = new LinkedHashMap<>();
        for (int i = 0; i < NEEDS; i++) {
            String name = "隐" + (char) ('甲' + i) + suffix;
            String phone = "1" + (30 + i) + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
            String address = "草桥口社区" + suffix + "号楼" + (i + 1) + "单元";
            planted.addAll(List.of(name, phone, address));
            String need = given().baseUri(action).auth().oauth2(requesterToken).contentType(ContentType.JSON)
                    .body(Map.of("organizationId", requester, "category", "SUPPLIES", "item", item, "quantity", 1, "unit", "台",
                            "urgency", "HIGH", "areaCode", "370811012002", "targetGroup", "DISABLED",
                            "description", "独居残障老人需要制氧机",
                            "beneficiary", Map.of("name", name, "phone", phone, "address", address)))
                    .when().post("/needs").then().statusCode(201).extract().path("id");
            beneficiaries.put(need, Map.of("name", name, "phone", phone, "address", address));
        }
        // Each need is matched and accepted; the provider reads whom to deliver to (the allowed reader: what the
        // scan looks for exists), delivers, and the requester confirms (then the provider may no longer read it).
        List<String> matches = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> need : beneficiaries.entrySet()) {
            String match = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(matching)
                    .when().get("/needs/{id}/matches", need.getKey()).then().statusCode(200).extract().<String>path("items[0].id"),
                    id -> id != null);
            matches.add(match);
            given().baseUri(matching).auth().oauth2(providerToken).when().post("/matches/{id}/acceptance", match).then().statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().baseUri(action)
                    .auth().oauth2(providerToken).when().get("/needs/{id}/beneficiary", need.getKey()).then().extract().asString())
                    .contains(need.getValue().get("name"), need.getValue().get("phone")));
            given().baseUri(matching).auth().oauth2(providerToken).contentType(ContentType.JSON).body(Map.of("quantity", 1))
                    .when().post("/matches/{id}/deliveries", match).then().statusCode(201);
            given().baseUri(matching).auth().oauth2(requesterToken).when().post("/matches/{id}/confirmation", match)
                    .then().statusCode(200);
        }
        // Everything has settled: every need is fulfilled and its news sent.
        for (String need : beneficiaries.keySet()) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "FULFILLED".equals(given().baseUri(action).when()
                    .get("/needs/{id}", need).then().extract().path("status")));
        }
        Databases.settled(network);

        Map<String, List<String>> pathValues = Map.of(
                "organizations", List.of(requester, provider), "ledgers", List.of(requester, provider),
                "needs", List.copyOf(beneficiaries.keySet()), "matches", matches, "offers", List.of(offer),
                "areas", List.of("370811012002"), "actions", List.of(UUID.randomUUID().toString()),
                "advocacy", List.of(UUID.randomUUID().toString()));
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("anonymous", null);
        readers.put("an outsider", keycloak.token("putian"));
        readers.put("the provider", providerToken);
        StringBuilder seen = new StringBuilder();
        int responses = 0;
        for (OpenApi.Operation operation : OpenApi.operations(network)) {
            if (!operation.method().equals("get") || operation.streams()) {
                continue;
            }
            for (String path : paths(operation, pathValues)) {
                for (Map.Entry<String, String> reader : readers.entrySet()) {
                    if (reader.getKey().equals("the provider") && path.matches("/needs/[^/]+/beneficiary")) {
                        continue; // its one read, checked above
                    }
                    var request = given().baseUri(network.url(operation.service()));
                    if (reader.getValue() != null) {
                        request.auth().oauth2(reader.getValue());
                    }
                    Response response = request.when().get(path);
                    seen.append(response.asString()).append('\n');
                    response.headers().forEach(header -> seen.append(header.getValue()).append('\n'));
                    responses++;
                }
            }
        }
        for (String page : List.of("/", "/needs", "/organizations")) {
            seen.append(given().baseUri(network.url("console")).when().get(page).then().statusCode(200).extract().asString());
            responses++;
        }
        for (String need : beneficiaries.keySet()) {
            seen.append(given().baseUri(network.url("console")).redirects().follow(false).when().get("/needs/{id}", need).asString());
            responses++;
        }
        assertThat(seen).as("the scan reads what the services say").contains(item);
        List<String> inResponses = found(seen, planted);

        StringBuilder onTopics = new StringBuilder();
        int records = readEveryTopic(onTopics);
        assertThat(onTopics).as("the topics carry the needs").contains(item);
        List<String> inTopics = found(onTopics, planted);

        StringBuilder inLogFiles = new StringBuilder();
        int logs = 0;
        try (var files = Files.list(network.logFolder())) {
            for (Path log : files.toList()) {
                inLogFiles.append(Files.readString(log, StandardCharsets.UTF_8));
                logs++;
            }
        }
        assertThat(logs).as("service logs read").isGreaterThanOrEqualTo(CollabNetwork.SERVICES.size());
        assertThat(inLogFiles).as("the service logs were read").contains("Listening on");
        List<String> inLogs = found(inLogFiles, planted);

        StringBuilder told = new StringBuilder();
        List<MimeMessage> emails = network.mail().received();
        for (MimeMessage email : emails) {
            told.append(Mails.told(email)).append('\n');
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> webhookBodies.size() >= NEEDS);
        assertThat(told).as("the e-mails are about the needs").contains(item);
        assertThat(String.join("\n", webhookBodies)).as("the webhook bodies are about the matches").contains(matches.get(0));
        webhookBodies.forEach(body -> told.append(body).append('\n'));
        List<String> inNews = found(told, planted);

        System.out.printf("personal data: %d names, phones and addresses planted in %d needs (read by the provider that accepted);"
                + " found in %d responses to anonymous, an outsider and the provider: %d; in %d records of every topic: %d;"
                + " in %d service logs: %d; in %d e-mails and %d webhook bodies: %d%n", planted.size(), NEEDS, responses,
                inResponses.size(), records, inTopics.size(), logs, inLogs.size(), emails.size(), webhookBodies.size(), inNews.size());
        assertThat(inResponses).as("in responses").isEmpty();
        assertThat(inTopics).as("on topics").isEmpty();
        assertThat(inLogs).as("in logs").isEmpty();
        assertThat(inNews).as("in e-mails and webhooks").isEmpty();
    }

    private static List<String> found(CharSequence text, List<String> planted) {
        String haystack = text.toString();
        return planted.stream().filter(haystack::contains).toList();
    }

    /** The operation's path with each combination of the values its parameters may take. */
    private static List<String> paths(OpenApi.Operation operation, Map<String, List<String>> values) {
        List<String> paths = new ArrayList<>(List.of(operation.path()));
        String[] segments = operation.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String parameter = segments[i];
                List<String> candidates = values.getOrDefault(segments[i - 1], List.of(UUID.randomUUID().toString()));
                List<String> expanded = new ArrayList<>();
                for (String path : paths) {
                    for (String candidate : candidates) {
                        expanded.add(path.replace(parameter, candidate));
                    }
                }
                paths = expanded;
            }
        }
        return paths;
    }

    /** Every record of every topic, from the beginning, as text (key, value, headers). @return how many */
    private static int readEveryTopic(StringBuilder text) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, network.kafkaBootstrapServers());
        Set<String> topics;
        try (Admin admin = Admin.create(config)) {
            topics = admin.listTopics().names().get();
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "leak-scan-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the topics were not read to their end in 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    text.append(record.topic()).append(' ');
                    if (record.key() != null) {
                        text.append(new String(record.key(), StandardCharsets.UTF_8)).append(' ');
                    }
                    if (record.value() != null) {
                        text.append(new String(record.value(), StandardCharsets.UTF_8)).append(' ');
                    }
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=').append(header.value() == null ? ""
                                : new String(header.value(), StandardCharsets.UTF_8)).append(' ');
                    }
                    text.append('\n');
                }
            }
        }
        return records;
    }
}
