package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.judging.PairwiseJudgeScorer;
import io.claimbench.support.LogWindow;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version compared with the old at temperature 0 often answers word for word the same: such a pair is a tie
 * by definition. No judge is asked about it (both orders would render the same prompt), it is counted apart in the
 * results, and with 8 calls in flight nothing collides in the cache (on H2 here, on PostgreSQL in
 * {@link PostgresIdenticalAnswersTest}).
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class IdenticalAnswersTest {

    private final WireMockServer wm = WireMockResource.server();

    /** The run's seed: each database's run its own, so that no answer is served from another test's cache. */
    long seed() {
        return 9021;
    }

    @Test
    void should_tie_identical_answers_without_a_judge_call() throws Exception {
        wm.resetAll();
        String nonce = java.util.UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("The same answer " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("The same answer " + nonce)));
        // Two prompts where the baseline says something else: those alone reach the judge.
        for (String p : List.of("p5", "p6")) {
            wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).atPriority(1).withRequestBody(containing("[" + p + "]"))
                    .willReturn(answer("Another answer " + nonce)));
        }
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A=B")));
        LogWindow log = LogWindow.open();

        String id = Runs.start(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge",
                "seed", seed(), "concurrency", 8));
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(60));
        assertThat(run.getString("state")).isEqualTo("COMPLETED");

        wm.verify(2 * 2, postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")));
        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getInt("overall.counts.ties")).isEqualTo(6);
        assertThat(results.getInt("judging.identicalPairs")).isEqualTo(4);
        assertThat(results.getInt("judging.games")).isEqualTo(4);
        JsonPath page = given().get("/api/runs/" + id + "/comparisons?size=10").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.reason", String.class)).filteredOn(PairwiseJudgeScorer.IDENTICAL::equals).hasSize(4);

        assertThat(log.written()).doesNotContain(LogWindow.CONSTRAINT_VIOLATIONS).doesNotContain("cache_entry");
    }
}
