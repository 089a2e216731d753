package io.claimbench.api;

import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class PlanTest {

    @Test
    void should_plan_pairs_calls_and_cost_for_a_claim() {
        JsonPath plan = given().contentType(ContentType.JSON).body(Map.of("evalSet", "smoke", "threshold", 0.5,
                        "expectedWinRate", 0.6, "lostShare", 0.1, "candidate", "cand", "baseline", "base", "judge", "judge"))
                .post("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(plan.getInt("decidedPairs")).isEqualTo(153);
        assertThat(plan.getInt("pairsToRun")).isEqualTo(170);
        assertThat(plan.getInt("calls")).isEqualTo(170 * 4);
        assertThat(plan.getInt("promptsAvailable")).isEqualTo(6);
        assertThat(plan.getString("comparator")).isEqualTo(">=");
        // candidate: 170 calls x (promptTokens x 1.0 + 500 x 2.0) / 1e6
        int promptTokens = plan.getInt("assumptions.promptTokens");
        assertThat(plan.getDouble("cost.candidate")).isCloseTo(170 * (promptTokens + 1000) / 1e6, within(1e-6));
        assertThat(plan.getDouble("cost.total")).isGreaterThan(plan.getFloat("cost.candidate") * 2);

        given().contentType(ContentType.JSON).body(Map.of("evalSet", "smoke", "expectedWinRate", 0.55))
                .post("/api/plans").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("expectedWinRate"));
        given().contentType(ContentType.JSON).body(Map.of("expectedWinRate", 0.7, "candidate", "nobody"))
                .post("/api/plans").then().statusCode(404).body("errors[0].field", org.hamcrest.Matchers.equalTo("candidate"));
    }
}
