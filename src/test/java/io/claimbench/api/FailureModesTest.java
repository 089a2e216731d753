package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.error;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits, server errors and bad keys, on the wire. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class FailureModesTest {

    private final WireMockServer wm = WireMockResource.server();

    @BeforeEach
    void stubs() {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE answer " + java.util.UUID.randomUUID())));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A=B")));
    }

    @Test
    void should_wait_at_least_retry_after_before_retrying_a_429() {
        wm.stubFor(post(urlPathEqualTo("/limited/v1/chat/completions")).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, "rate limited").withHeader("Retry-After", "2")).willSetStateTo("open"));
        wm.stubFor(post(urlPathEqualTo("/limited/v1/chat/completions")).inScenario("rl").whenScenarioStateIs("open")
                .willReturn(answer("LIMITED answer")));
        String id = Runs.start(Map.of("evalSet", "single", "candidate", "limited", "baseline", "base", "judge", "judge", "seed", 1));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(30)).getString("state")).isEqualTo("COMPLETED");

        List<ServeEvent> calls = wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/limited/"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        assertThat(calls).hasSize(2);
        long gap = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(2000);
        JsonPath results = given().get("/api/runs/" + id + "/results").then().extract().jsonPath();
        assertThat(results.getInt("overall.counts.errors")).isZero();
        assertThat(results.getInt("overall.counts.ties")).isEqualTo(1);
    }

    @Test
    void should_not_wait_out_a_retry_after_longer_than_the_run_allows() {
        wm.stubFor(post(urlPathEqualTo("/limited/v1/chat/completions")).willReturn(error(429, "quota").withHeader("Retry-After", "3600")));
        String id = Runs.start(Map.of("evalSet", "single", "candidate", "limited", "baseline", "base", "judge", "judge", "seed", 8));
        // Its one item failed: nothing was scored, so the run has failed, and says why.
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(20));
        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("reason")).startsWith("nothing was scored (1 of 1 items failed, 0 unscored); commonest error (1): candidate: ")
                .contains("HTTP 429");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/limited/v1/chat/completions")));
        assertThat(given().get("/api/runs/" + id + "/comparisons").then().extract().jsonPath().getString("items[0].reason"))
                .contains("HTTP 429").contains("Retry-After 3600 s is longer than the 120 s a run waits");
    }

    @Test
    void should_retry_server_errors_with_backoff_and_record_an_error_when_they_persist() {
        wm.stubFor(post(urlPathEqualTo("/flaky/v1/chat/completions")).willReturn(error(503, "overloaded")));
        String id = Runs.start(Map.of("evalSet", "single", "candidate", "flaky", "baseline", "base", "judge", "judge", "seed", 2));
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(60));
        // A model that keeps failing is an error for the item, never a loss; with nothing scored, the run has failed.
        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("reason")).startsWith("nothing was scored (1 of 1 items failed, 0 unscored); commonest error (1): ")
                .contains("HTTP 503");
        wm.verify(6, postRequestedFor(urlPathEqualTo("/flaky/v1/chat/completions")));
        JsonPath results = given().get("/api/runs/" + id + "/results").then().extract().jsonPath();
        assertThat(results.getInt("overall.counts.errors")).isEqualTo(1);
        assertThat(results.getInt("overall.counts.losses")).isZero();
        assertThat((Object) results.get("overall.winRate.value")).isNull();
        String reason = given().get("/api/runs/" + id + "/comparisons").then().extract().jsonPath().getString("items[0].reason");
        assertThat(reason).contains("HTTP 503").contains("after 6 attempts");
    }

    @Test
    void should_fail_the_run_on_a_400_before_any_answer_but_not_after() {
        wm.stubFor(post(urlPathEqualTo("/flaky/v1/chat/completions")).willReturn(error(400, "temperature is not supported")));
        String id = Runs.start(Map.of("evalSet", "smoke", "candidate", "flaky", "baseline", "base", "judge", "judge",
                "concurrency", 1, "seed", 4));
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(30));
        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("reason")).contains("HTTP 400").contains("temperature is not supported");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/flaky/v1/chat/completions")));

        // Once the model has answered, a 400 is that prompt's problem: an error for the item, the run goes on.
        wm.resetAll();
        stubs();
        wm.stubFor(post(urlPathEqualTo("/flaky/v1/chat/completions")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("[p3]"))
                .willReturn(error(400, "context length exceeded")));
        wm.stubFor(post(urlPathEqualTo("/flaky/v1/chat/completions")).atPriority(5).willReturn(answer("FLAKY answer")));
        String second = Runs.start(Map.of("evalSet", "smoke", "candidate", "flaky", "baseline", "base", "judge", "judge",
                "concurrency", 1, "seed", 5));
        JsonPath secondRun = Runs.awaitFinal(second, Duration.ofSeconds(30));
        assertThat(secondRun.getString("state")).isEqualTo("COMPLETED");
        JsonPath results = given().get("/api/runs/" + second + "/results").then().extract().jsonPath();
        assertThat(results.getInt("overall.counts.errors")).isEqualTo(1);
        assertThat(results.getInt("overall.counts.ties")).isEqualTo(5);
        // 1 of 6 items failed, above the default error budget of 0.1: flagged, and no claim can be supported.
        assertThat(secondRun.getBoolean("errorBudgetExceeded")).isTrue();
        assertThat(results.getBoolean("run.errorBudgetExceeded")).isTrue();
    }

    @Test
    void should_fail_the_run_at_once_on_401_and_never_show_the_key() throws IOException {
        wm.stubFor(post(urlPathEqualTo("/unauth/v1/chat/completions"))
                .willReturn(error(401, "Incorrect API key provided: " + WireMockResource.UNAUTH_KEY)));
        long start = System.nanoTime();
        String id = Runs.start(Map.of("evalSet", "smoke", "candidate", "unauth", "baseline", "base", "judge", "judge",
                "concurrency", 1, "seed", 3));
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("reason")).contains("HTTP 401").contains("check the api key");
        // No retry on 401, and no further prompt once the run has failed.
        wm.verify(1, postRequestedFor(urlPathEqualTo("/unauth/v1/chat/completions")));

        String everything = given().get("/api/runs/" + id).asString()
                + given().get("/api/runs/" + id + "/results").asString()
                + given().get("/api/runs/" + id + "/comparisons").asString()
                + given().get("/api/models").asString()
                + given().get("/api/models/unauth").asString()
                + given().get("/api/models/cand").asString();
        assertThat(everything).doesNotContain(WireMockResource.UNAUTH_KEY).doesNotContain(WireMockResource.CANDIDATE_KEY)
                .contains("***");
        assertThat(given().get("/api/models/cand").then().extract().jsonPath().getBoolean("hasApiKey")).isTrue();
        Path log = Path.of("target/quarkus-test.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).doesNotContain(WireMockResource.UNAUTH_KEY).doesNotContain(WireMockResource.CANDIDATE_KEY);
    }
}
