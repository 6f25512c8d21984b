package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * Two instances of matching-service against one broker and one database, the topics' partitions
 * split between them, under concurrent posting: no unit of an offer is promised twice, and no need
 * is promised more than it asked for.
 */
class TwoMatchersIT {

    private static final int OFFERS = 30;
    private static final int OFFER_QUANTITY = 5;
    private static final int NEEDS = 150;
    private static final int NEED_QUANTITY = 2;

    private static CollabNetwork network;
    private static DemoData keycloak;
    private static String secondMatcher;

    @BeforeAll
    static void startTheNetworkWithTwoMatchers() throws Exception {
        SharedNetwork.stop(); // one whole network on the machine at a time
        Path root = Path.of(System.getProperty("collabnet.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createDirectories(root.resolve("system-tests/target/network-two-matchers"));
        network = CollabNetwork.start(CollabNetwork.Options.ephemeral(root, data));
        secondMatcher = network.startAnotherInstance("matching-service");
        keycloak = new DemoData(network.keycloakIssuer(), network.url("registry-service"));
    }

    @AfterAll
    static void stopTheNetwork() {
        if (network != null) {
            network.close();
        }
    }

    private static String approvedOrganization(String user, String name, String area) throws Exception {
        return Organizations.approved(network, keycloak, user, name, area);
    }

    @Test
    void twoInstancesNeverPromiseTheSameUnitsTwice() throws Exception {
        String action = network.url("action-service");
        List<String[]> providers = List.of(new String[] {"changcheng", approvedOrganization("changcheng", "长城爱心", "3708")},
                new String[] {"xiyang", approvedOrganization("xiyang", "夕阳再晨", "3708")});
        List<String[]> requesters = List.of(new String[] {"caoqiao", approvedOrganization("caoqiao", "草桥口志愿队", "370811012002")},
                new String[] {"putian", approvedOrganization("putian", "南门互助队", "370811012007")});
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String user : List.of("changcheng", "xiyang", "caoqiao", "putian")) {
            tokens.put(user, keycloak.token(user));
        }
        // The approvals reach action-service: an offer of nothing in particular is accepted by then.
        for (String[] party : List.of(providers.get(0), providers.get(1), requesters.get(0), requesters.get(1))) {
            Organizations.awaitApprovalKnownToActions(network, tokens.get(party[0]), party[1]);
        }

        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < NEEDS; i++) {
            String[] requester = requesters.get(i % 2);
            posts.add(Map.of("token", requester[0], "path", "/needs", "body", Map.of("organizationId", requester[1],
                    "category", "SUPPLIES", "item", "口罩", "quantity", NEED_QUANTITY, "unit", "箱", "urgency", "HIGH",
                    "areaCode", i % 2 == 0 ? "370811012002" : "370811012007")));
            if (i % (NEEDS / OFFERS) == 0) {
                String[] provider = providers.get(i % 4 == 0 ? 0 : 1);
                posts.add(Map.of("token", provider[0], "path", "/offers", "body", Map.of("organizationId", provider[1],
                        "category", "SUPPLIES", "item", "医用口罩", "quantity", OFFER_QUANTITY, "unit", "箱", "areaCode", "3708")));
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Map<String, Object> post : posts) {
                answers.add(clients.submit(() -> given().baseUri(action).auth().oauth2(tokens.get((String) post.get("token")))
                        .contentType(ContentType.JSON).body(post.get("body")).when().post((String) post.get("path")).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }

        // Every unit offered is promised (the needs ask for twice as much), once: wait until all are.
        int offered = OFFERS * OFFER_QUANTITY;
        try (Connection matching = DriverManager.getConnection(network.postgres().jdbcUrl("matching"),
                network.postgres().username(), network.postgres().password())) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> scalar(matching,
                    "select coalesce(sum(quantity), 0) from match where status not in ('DECLINED', 'CANCELLED', 'EXPIRED')")
                    .compareTo(BigDecimal.valueOf(offered)) >= 0);
            assertThat(scalar(matching, "select coalesce(sum(quantity), 0) from match")).isEqualByComparingTo(BigDecimal.valueOf(offered));
            assertThat(scalar(matching, """
                    select count(*) from (select m.offer_id from match m join offer_replica o on o.id = m.offer_id
                    group by m.offer_id, o.quantity having sum(m.quantity) > o.quantity) over""")).isZero();
            assertThat(scalar(matching, """
                    select count(*) from (select m.need_id from match m join need_replica n on n.id = m.need_id
                    group by m.need_id, n.quantity having sum(m.quantity) > n.quantity) over""")).isZero();
            assertThat(scalar(matching, "select count(*) from offer_replica where quantity_available <> 0 and item_key = '口罩'"))
                    .isZero();
        }
        // Both instances took part: the needs topic's partitions are split between their two consumers.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", network.kafkaBootstrapServers()))) {
            var group = admin.describeConsumerGroups(List.of("matching-service")).all().get().get("matching-service");
            assertThat(group.members().stream().filter(member -> member.assignment().topicPartitions().stream()
                    .anyMatch(partition -> partition.topic().equals("action.needs.v1"))).count()).isEqualTo(2);
        }
        given().baseUri(secondMatcher).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static BigDecimal scalar(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getBigDecimal(1);
        }
    }
}
