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

        assertThat(plan.getInt("judgeCallsAtLeast")).isEqualTo(340);
        assertThat(plan.getInt("judgeCallsAtMost")).isEqualTo(340);

        // a panel of two judges under adaptive swap: per judge between 1.2 x 170 (first order plus a 20% audit)
        // and 2 x 170 calls; the cost is quoted at the upper bound
        JsonPath panel = given().contentType(ContentType.JSON).body(Map.of("evalSet", "smoke", "threshold", 0.5,
                        "expectedWinRate", 0.6, "lostShare", 0.1, "candidate", "cand", "baseline", "base",
                        "judges", java.util.List.of("judge", "judge2"), "swap", "adaptive", "swapAudit", 0.2))
                .post("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(panel.getInt("judgeCallsAtLeast")).isEqualTo(2 * 204);
        assertThat(panel.getInt("judgeCallsAtMost")).isEqualTo(2 * 340);
        assertThat(panel.getInt("calls")).isEqualTo(340 + 680);
        assertThat(panel.getDouble("cost.judge")).isCloseTo(2 * plan.getDouble("cost.judge"), within(1e-6));
        assertThat(panel.getString("assumptions.note")).contains("adaptive swap");

        given().contentType(ContentType.JSON).body(Map.of("evalSet", "smoke", "expectedWinRate", 0.55))
                .post("/api/plans").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("expectedWinRate"));
        given().contentType(ContentType.JSON).body(Map.of("expectedWinRate", 0.7, "candidate", "nobody"))
                .post("/api/plans").then().statusCode(404).body("errors[0].field", org.hamcrest.Matchers.equalTo("candidate"));
    }
}
