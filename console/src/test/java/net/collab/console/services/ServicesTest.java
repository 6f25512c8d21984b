package net.collab.console.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ServicesTest {

    private final Services services = new Services();

    ServicesTest() {
        services.json = new ObjectMapper();
    }

    @Test
    void aProblemDocumentBecomesARefusalWithEachFieldsMessage() {
        ServiceRefusal refusal = services.refusal(400, """
                {"type":"https://collabnet.example/problems/validation","title":"请求无效 Invalid request","status":400,
                 "detail":"quantity: must be greater than 0; item: must not be blank",
                 "errors":[{"field":"item","message":"must not be blank"},{"field":"quantity","message":"must be greater than 0"},
                           {"field":"quantity","message":"has at most 2 decimals"}]}""");
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.title()).isEqualTo("请求无效 Invalid request");
        assertThat(refusal.fieldErrors()).containsEntry("item", "must not be blank")
                .containsEntry("quantity", "must be greater than 0; has at most 2 decimals");
    }

    @Test
    void anythingElseIsARefusalWithItsStatusAlone() {
        ServiceRefusal refusal = services.refusal(403, "<html>Forbidden</html>");
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.title()).isNull();
        assertThat(refusal.fieldErrors()).isEmpty();
    }

    @Test
    void blankQueryValuesAreLeftOutAndTheRestEncoded() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", "长城 爱心&");
        query.put("kind", "");
        query.put("page", null);
        query.put("size", 20);
        assertThat(Services.queryString(query)).isEqualTo("?q=%E9%95%BF%E5%9F%8E+%E7%88%B1%E5%BF%83%26&size=20");
        assertThat(Services.queryString(Map.of())).isEmpty();
        assertThat(Services.segment("a b/c")).isEqualTo("a%20b%2Fc");
    }
}
