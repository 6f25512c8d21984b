package net.collab.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsoleTest {

    @Test
    void servesThePageWithChineseAndEnglishLabels() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("社会组织协作网络"))
                .body(containsString("Open needs"));
    }

    @Test
    void tellsThePageWhereTheServicesAre() {
        given().when().get("/config.json").then().statusCode(200)
                .body("registry", equalTo("http://localhost:8081"))
                .body("notification", equalTo("http://localhost:8084"));
    }
}
