package io.claimbench.api;

import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.stats.PairOutcome;
import io.claimbench.support.Runs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Humans as a rater of their own: the leaderboard by the human votes alone, beside the judges'. */
@QuarkusTest
class HumanLeaderboardTest {

    private static JsonPath humans() {
        return given().queryParam("evalSet", "eq-bench-v2").queryParam("rater", "humans")
                .queryParam("anchor", "gpt-4-0613").queryParam("resamples", 100).get("/api/leaderboard")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void should_rate_the_models_by_the_human_votes_alone() {
        String id = Runs.start(Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview", "baseline", "gpt-4-0613",
                "seed", 9201));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        // Other tests' votes are on other eval sets, but count from what is there.
        long before = humans().getLong("battles");
        assertThat(before).as("no other test votes on eq-bench-v2").isZero();
        // Ten votes on ten of its comparisons: the candidate wins 6, ties 2, loses 2.
        List<PairOutcome> votes = List.of(PairOutcome.WIN, PairOutcome.WIN, PairOutcome.WIN, PairOutcome.WIN,
                PairOutcome.WIN, PairOutcome.WIN, PairOutcome.TIE, PairOutcome.TIE, PairOutcome.LOSS, PairOutcome.LOSS);
        QuarkusTransaction.requiringNew().run(() -> {
            List<ComparisonEntity> pairs = ComparisonEntity.<ComparisonEntity>find("runId = ?1 order by id", id).page(0, 10).list();
            assertThat(pairs).hasSize(10);
            for (int i = 0; i < 10; i++) {
                HumanVoteEntity v = new HumanVoteEntity();
                v.comparisonId = pairs.get(i).id;
                v.voter = "key:leaderboard-human";
                v.outcome = votes.get(i);
                v.createdAt = Instant.parse("2026-12-01T12:00:00Z");
                v.persist();
            }
        });

        JsonPath humans = humans();
        assertThat(humans.getString("rater")).isEqualTo("humans");
        assertThat(humans.getLong("battles")).isEqualTo(10);
        Map<String, Object> cand = humans.getMap("ratings.find { it.model == 'gpt-4-1106-preview' }");
        Map<String, Object> base = humans.getMap("ratings.find { it.model == 'gpt-4-0613' }");
        assertThat(List.of(cand.get("wins"), cand.get("ties"), cand.get("losses"))).isEqualTo(List.of(6, 2, 2));
        assertThat(List.of(base.get("wins"), base.get("ties"), base.get("losses"))).isEqualTo(List.of(2, 2, 6));
        assertThat(((Number) base.get("rating")).doubleValue()).isEqualTo(1000.0);
        assertThat(((Number) cand.get("rating")).doubleValue()).isGreaterThan(1000.0);

        JsonPath judges = given().queryParam("evalSet", "eq-bench-v2").queryParam("resamples", 0).get("/api/leaderboard")
                .then().statusCode(200).extract().jsonPath();
        assertThat(judges.getString("rater")).isEqualTo("judges");
        assertThat(judges.getLong("battles")).isGreaterThanOrEqualTo(171);

        String page = given().get("/leaderboard?evalSet=eq-bench-v2&rater=humans").then().statusCode(200).extract().asString();
        assertThat(page).contains("Rated by human votes").contains("10 battles").contains("6 / 2 / 2").contains("2 / 2 / 6");

        given().queryParam("evalSet", "eq-bench-v2").queryParam("rater", "crowd").get("/api/leaderboard").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("rater"));
    }
}
