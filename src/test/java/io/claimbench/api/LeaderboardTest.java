package io.claimbench.api;

import io.claimbench.support.Runs;
import io.claimbench.support.SharedData;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Ratings over recorded EQ-Bench comparisons against a common baseline follow the win rates against it. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class LeaderboardTest {

    @Test
    void should_rate_models_in_the_order_of_their_win_rates_against_the_common_baseline() {
        Path results = SharedData.require("eq-bench/results");
        Map<String, Double> winRates = new HashMap<>();
        for (String model : List.of("gpt-4-1106-preview", "gpt-3.5-turbo-1106", "gpt-4-0314")) {
            String ref = "gpt-4-1106-preview".equals(model) ? model
                    : "recorded:" + results.resolve(model + "_eqbench_v2_results.json");
            String id = Runs.start(Map.of("evalSet", "eq-bench-v2", "candidate", ref, "baseline", "gpt-4-0613"));
            assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
            winRates.put(ref, given().get("/api/runs/" + id + "/results").then().extract().jsonPath().getDouble("overall.winRate.value"));
        }
        JsonPath board = given().queryParam("evalSet", "eq-bench-v2").queryParam("anchor", "gpt-4-0613")
                .queryParam("resamples", 200).get("/api/leaderboard").then().statusCode(200).extract().jsonPath();
        List<String> order = board.getList("ratings.model");
        assertThat(order).contains("gpt-4-0613").containsAll(winRates.keySet());
        for (String a : winRates.keySet()) {
            for (String b : winRates.keySet()) {
                if (winRates.get(a) > winRates.get(b) + 0.02) {
                    assertThat(order.indexOf(a)).as(a + " above " + b).isLessThan(order.indexOf(b));
                }
            }
        }
        Map<String, Object> baseline = board.getMap("ratings.find { it.model == 'gpt-4-0613' }");
        assertThat(((Number) baseline.get("rating")).doubleValue()).isEqualTo(1000.0);
        List<Map<String, Object>> rows = board.getList("ratings");
        assertThat(rows).allSatisfy(r -> {
            assertThat(((Number) r.get("wins")).longValue() + ((Number) r.get("ties")).longValue()
                    + ((Number) r.get("losses")).longValue()).isPositive();
            if (!"gpt-4-0613".equals(r.get("model"))) {
                assertThat(((Number) r.get("lower")).doubleValue()).isLessThanOrEqualTo(((Number) r.get("rating")).doubleValue());
            }
        });
        given().queryParam("evalSet", "nope").get("/api/leaderboard").then().statusCode(404);
        given().queryParam("evalSet", "eq-bench-v2").queryParam("anchor", "nobody").get("/api/leaderboard").then().statusCode(400);
    }
}
