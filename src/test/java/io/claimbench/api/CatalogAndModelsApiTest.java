package io.claimbench.api;

import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class CatalogAndModelsApiTest {

    @Test
    void should_list_and_show_eval_sets_with_their_prompts() {
        given().get("/api/eval-sets").then().statusCode(200)
                .body("id", hasItems("smoke", "single", "eq-bench-v2"))
                .body("find { it.id == 'smoke' }.prompts", equalTo(6))
                .body("find { it.id == 'smoke' }.hypothesis", equalTo("win-rate >= 0.6"));
        given().get("/api/eval-sets/smoke").then().statusCode(200)
                .body("claim.quote", equalTo("people prefer it"))
                .body("prompts", hasSize(6))
                .body("prompts[0].hash.size()", equalTo(64));
        given().queryParam("category", "beta").get("/api/eval-sets/smoke/prompts").then().statusCode(200)
                .body("id", equalTo(java.util.List.of("smoke-004", "smoke-005", "smoke-006")));
        given().get("/api/eval-sets/smoke/prompts/smoke-002").then().statusCode(200)
                .body("text", containsString("grey cat"));
        given().get("/api/eval-sets/eq-bench-v2/prompts/eq-bench-v2-1").then().statusCode(200)
                .body("sourceId", equalTo("1"));
    }

    @Test
    void should_define_show_and_delete_a_model_with_a_write_only_key() {
        String key = "sk-put-0123456789abcdefghijklmnop";
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", "gpt-4o-mini",
                        "baseUrl", "http://localhost:1/v1", "apiKey", key, "requestsPerMinute", 60, "priceInputPerMillion", 0.15))
                .put("/api/models/mini").then().statusCode(201)
                .body("hasApiKey", equalTo(true)).body(not(containsString(key)));
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", "gpt-4o-mini-2024-07-18", "apiKey", key))
                .put("/api/models/mini").then().statusCode(200).body("model", equalTo("gpt-4o-mini-2024-07-18"));
        given().get("/api/models/mini").then().statusCode(200).body("source", equalTo("api")).body(not(containsString(key)));
        given().get("/api/models").then().statusCode(200).body("name", hasItems("mini", "cand", "gpt-4-0613"))
                .body(not(containsString(key)));
        given().delete("/api/models/mini").then().statusCode(204);
        given().get("/api/models/mini").then().statusCode(404);
        given().delete("/api/models/gpt-4-0613").then().statusCode(409);
    }

    @Test
    void should_serve_health_openapi_and_metrics() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/runs"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
