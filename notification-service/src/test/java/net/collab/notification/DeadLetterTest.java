package net.collab.notification;

import static io.restassured.RestAssured.given;
import static net.collab.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.testing.DevStackResource;
import net.collab.testing.TestTokens;
import net.collab.testing.TopicProbe;

/** Another service's dead letter reaches the coordinator's list and inbox, and goes back on its topic when replayed. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MAIL, value = "true"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterTest {

    @Test
    void aDeadLetterIsListedToldAndPutBackOnItsTopic() throws Exception {
        String coordinatorSubject = "coordinator-" + UUID.randomUUID();
        String coordinator = TestTokens.person(coordinatorSubject, coordinatorSubject + "@example.org", "协调员", true);
        given().auth().oauth2(coordinator).when().get("/inbox").then().statusCode(200); // known as a coordinator
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String value = "{\"needId\":\"" + key + "\",\"broken\":true}";
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> letter = new ProducerRecord<>("matching-service.needs.dlq", key, value);
            letter.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            letter.headers().add("ce_type", "net.collab.need.posted.v1".getBytes(StandardCharsets.UTF_8));
            letter.headers().add("dead-letter-topic", "action.needs.v1".getBytes(StandardCharsets.UTF_8));
            letter.headers().add("dead-letter-reason", "quantity is not a number".getBytes(StandardCharsets.UTF_8));
            letter.headers().add("dead-letter-consumer", "needs".getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(coordinator).when()
                .get("/dead-letters?replayed=false&size=200").then().statusCode(200).body("items.key", hasItem(key)));
        String id = given().auth().oauth2(coordinator).when().get("/dead-letters?size=200").then()
                .extract().path("items.find { it.key == '" + key + "' }.id");
        given().auth().oauth2(coordinator).when().get("/dead-letters?size=200").then()
                .body("items.find { it.key == '" + key + "' }.originalTopic", equalTo("action.needs.v1"))
                .body("items.find { it.key == '" + key + "' }.reason", equalTo("quantity is not a number"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(coordinator).when()
                .get("/inbox?kind=DEAD_LETTER").then().body("items.body", hasItem(containsString("quantity is not a number"))));

        String member = TestTokens.user("member-" + UUID.randomUUID());
        given().when().get("/dead-letters").then().statusCode(401);
        given().auth().oauth2(member).when().get("/dead-letters").then().statusCode(403);
        given().when().post("/dead-letters/{id}/replay", id).then().statusCode(401);
        given().auth().oauth2(member).when().post("/dead-letters/{id}/replay", id).then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(coordinator).when().post("/dead-letters/{id}/replay", UUID.randomUUID()).then().statusCode(404);

        try (TopicProbe needs = TopicProbe.open("action.needs.v1")) {
            given().auth().oauth2(coordinator).when().post("/dead-letters/{id}/replay", id).then().statusCode(200)
                    .body("replays", equalTo(1));
            var replayed = needs.await(record -> key.equals(record.key()), Duration.ofSeconds(20));
            assertThat(replayed.value()).isEqualTo(value);
            assertThat(header(replayed, "ce_id")).isEqualTo(eventId);
            assertThat(replayed.headers().lastHeader("dead-letter-reason")).isNull();
        }
        given().auth().oauth2(coordinator).when().get("/dead-letters?replayed=false&size=200").then()
                .body("items.key", org.hamcrest.Matchers.not(hasItem(key)));
    }

    @Test
    void aLetterOfAnyBytesIsKeptAndTheOnesAfterItToo() throws Exception {
        String coordinatorSubject = "coordinator-" + UUID.randomUUID();
        String coordinator = TestTokens.person(coordinatorSubject, coordinatorSubject + "@example.org", "协调员", true);
        String poisonKey = "poison\u0000" + UUID.randomUUID();
        String nextKey = UUID.randomUUID().toString();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            // NUL characters, which PostgreSQL's text cannot hold, in the key, the value and a header; headers too long.
            ProducerRecord<String, String> poison = new ProducerRecord<>("action-service.matches.dlq", poisonKey, "\u0000\u00ff{not json");
            poison.headers().add("dead-letter-reason", "bad\u0000bytes".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("dead-letter-topic", "长".repeat(300).getBytes(StandardCharsets.UTF_8)); // wider than its column
            poison.headers().add("ce_type", "x".repeat(1000).getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
            producer.send(new ProducerRecord<>("action-service.matches.dlq", nextKey, "{}")).get();
        }
        String shownKey = poisonKey.replace('\u0000', '\uFFFD');
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(coordinator).when()
                .get("/dead-letters?replayed=false&size=200").then().statusCode(200)
                .body("items.key", hasItem(shownKey)).body("items.key", hasItem(nextKey)));
    }
}
