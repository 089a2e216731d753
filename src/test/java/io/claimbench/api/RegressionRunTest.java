package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Regression mode over REST ({@code "regression": {"margin": m}}) against fake endpoints: the candidate is the new
 * version, the baseline the one in production.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class RegressionRunTest {

    private final WireMockServer wm = WireMockResource.server();

    private static JsonPath results(String id) {
        return JsonPath.from(given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String finished(Map<String, Object> body) {
        String id = Runs.start(body);
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        return id;
    }

    /** The smoke set with the given regression section ({"margin": 0.03}). */
    private static Map<String, Object> smoke(Map<String, Object> regression) {
        Map<String, Object> body = new HashMap<>(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base",
                "judge", "judge", "seed", 3, "cache", false));
        body.put("regression", regression);
        return body;
    }

    @Test
    void should_call_a_candidate_that_loses_most_pairs_a_regression_and_still_report_the_eval_sets_claim() {
        JudgeStubs.freshContestants(wm);
        // The baseline wins p1-p5 in both orders; p6 is a tie.
        JudgeStubs.byPosition(wm, "judge", new String[][]{{"p1", "B>A", "A>B"}, {"p2", "B>>A", "A>>B"},
                {"p3", "B>A", "A>B"}, {"p4", "B>A", "A>B"}, {"p5", "B>A", "A>B"}, {"p6", "A=B", "A=B"}});
        String id = finished(smoke(Map.of("margin", 0.03)));

        given().get("/api/runs/" + id).then().statusCode(200).body("regression.margin", equalTo(0.03f));
        JsonPath r = results(id);
        assertThat(r.getDouble("regression.margin")).isEqualTo(0.03);
        assertThat(r.getDouble("regression.bar")).isCloseTo(0.47, within(1e-12));
        assertThat(r.getString("regression.verdict")).isEqualTo("REGRESSION");
        assertThat(r.getList("regression.measures.metric")).containsExactly("win-rate");
        assertThat(r.getString("regression.measures[0].statement")).isEqualTo("no regression: win rate >= 0.47");
        assertThat(r.getDouble("regression.measures[0].value")).isCloseTo(0.5 / 6, within(1e-12));
        assertThat(r.getDouble("regression.measures[0].n")).isEqualTo(6);
        // the interval is the one the hypothesis verdict uses: the prompt-clustered bootstrap, wholly below 0.47
        assertThat(r.getMap("regression.measures[0].interval")).isEqualTo(r.getMap("overall.winRate.interval"));
        assertThat(r.getDouble("regression.measures[0].interval.upper")).isLessThan(0.47);
        assertThat(r.getString("regression.measures[0].verdict")).isEqualTo("REGRESSION");
        assertThat(r.getList("regression.categories.category")).containsExactly("alpha", "beta");
        // the eval set's own claim (win rate >= 0.6) is reported as before
        assertThat(r.getDouble("hypothesis.threshold")).isEqualTo(0.6);
        assertThat(r.getString("overall.verdict")).isEqualTo("REFUTED");
    }

    @Test
    void should_hold_exact_answers_accuracy_to_the_margin_with_mcnemars_test_beside_it() {
        wm.resetAll();
        // Gold answers W, Paris, 42, Jupiter: the candidate misses f3, the baseline f1 and f4.
        String[][] answers = {{"f1", "W", "I am not sure."}, {"f2", "Paris", "Paris"}, {"f3", "41", "42"},
                {"f4", "Jupiter", "Saturn"}};
        for (String[] a : answers) {
            wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).withRequestBody(containing("[" + a[0] + "]"))
                    .willReturn(answer("The answer is " + a[1] + ".")));
            wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).withRequestBody(containing("[" + a[0] + "]"))
                    .willReturn(answer("The answer is " + a[2] + ".")));
        }
        String id = finished(Map.of("evalSet", "facts", "candidate", "cand", "baseline", "base", "cache", false,
                "regression", Map.of("margin", 0.03)));
        JsonPath r = results(id);
        assertThat(r.getList("regression.measures.metric")).containsExactly("win-rate", "accuracy-difference");
        String acc = "regression.measures[1].";
        assertThat(r.getString(acc + "statement")).isEqualTo("no regression: accuracy difference >= -0.03");
        assertThat(r.getDouble(acc + "bar")).isEqualTo(-0.03);
        assertThat(r.getDouble(acc + "candidateMean")).isEqualTo(0.75);
        assertThat(r.getDouble(acc + "baselineMean")).isEqualTo(0.5);
        assertThat(r.getDouble(acc + "value")).isCloseTo(0.25, within(1e-12));
        // Newcombe by hand: 1 both right, 2 only the candidate, 1 only the baseline; Wilson of 3/4 [.3006, .9544]
        // and of 2/4 [.1500, .8500], phi = (0 - 2) / sqrt(3 * 1 * 2 * 2) = -.57735
        assertThat(r.getDouble(acc + "interval.lower")).isCloseTo(-0.461324, within(1e-6));
        assertThat(r.getDouble(acc + "interval.upper")).isCloseTo(0.746851, within(1e-6));
        assertThat(r.getString(acc + "interval.method")).isEqualTo("newcombe");
        // McNemar, 2 against 1 discordant: p = 2 x P(X <= 1 | 3, 1/2) = 1, as the results' paired accuracy says
        assertThat(r.getDouble(acc + "pValue")).isEqualTo(1.0).isEqualTo(r.getDouble("overall.pairedAccuracy.pValue"));
        assertThat(r.getString(acc + "verdict")).isEqualTo("INCONCLUSIVE");
        assertThat(r.getString("regression.verdict")).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void should_stop_early_once_the_win_rate_settles_the_regression() {
        JudgeStubs.freshContestants(wm);
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_A))
                .willReturn(verdict("B>>A")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_B))
                .willReturn(verdict("A>>B")));
        String id = finished(Map.of("evalSet", "many", "candidate", "cand", "baseline", "base", "judge", "judge",
                "earlyStop", true, "concurrency", 1, "cache", false, "regression", Map.of("margin", 0.05)));
        JsonPath run = given().get("/api/runs/" + id).then().extract().jsonPath();
        // early stopping watched "win rate >= 0.45", not the eval set's "win rate > 0.5"
        assertThat(run.getString("reason")).startsWith("settled early: REFUTED after ");
        JsonPath r = results(id);
        assertThat(r.getDouble("savings.itemsNotRun")).isPositive();
        assertThat(r.getString("regression.verdict")).isEqualTo("REGRESSION");
    }

    @Test
    void should_leave_the_section_out_of_runs_without_a_margin() {
        JudgeStubs.freshContestants(wm);
        JudgeStubs.byPosition(wm, "judge", new String[][]{{"p1", "A>B", "B>A"}, {"p2", "A>B", "B>A"},
                {"p3", "A>B", "B>A"}, {"p4", "A>B", "B>A"}, {"p5", "A>B", "B>A"}, {"p6", "A=B", "A=B"}});
        String id = finished(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge",
                "cache", false));
        assertThat(given().get("/api/runs/" + id).then().extract().asString()).doesNotContain("regression");
        assertThat(given().get("/api/runs/" + id + "/results").then().extract().asString()).doesNotContain("regression");
    }

    @Test
    void should_refuse_a_margin_outside_zero_to_a_half_and_early_stopping_of_a_programmatic_scorer() {
        for (Object margin : List.of(0.5, -0.01, 2)) {
            expectProblem(smoke(Map.of("margin", margin)), "regression.margin");
        }
        expectProblem(smoke(Map.of()), "regression.margin");
        expectProblem(Map.of("evalSet", "facts", "candidate", "cand", "baseline", "base", "earlyStop", true,
                "regression", Map.of("margin", 0.03)), "earlyStop");
    }

    private static void expectProblem(Object body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/runs")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }
}
