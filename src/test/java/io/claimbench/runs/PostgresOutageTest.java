package io.claimbench.runs;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.RestartablePostgresProfile;
import io.claimbench.support.RestartablePostgresResource;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped for 10 s in the middle of a 40-prompt run, then started again: the run waits for it and
 * finishes, everything recorded before the outage is still there, each item is recorded once, and no prompt is
 * generated again beyond the calls in flight when the database went away (at most the run's concurrency).
 */
@QuarkusTest
@TestProfile(RestartablePostgresProfile.class)
class PostgresOutageTest {

    private static final int PROMPTS = 40;
    private static final int CONCURRENCY = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Pattern PROMPT_TAG = Pattern.compile("\\[m\\d\\d]");

    private final WireMockServer wm = WireMockResource.server();

    @Test
    void should_finish_a_run_across_a_database_outage_without_losing_or_repeating_work() throws Exception {
        wm.resetAll();
        String nonce = java.util.UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/db-outage-cand/v1/chat/completions"))
                .willReturn(answer("CANDIDATE answer " + nonce).withFixedDelay(400)));
        wm.stubFor(post(urlPathEqualTo("/db-outage-base/v1/chat/completions"))
                .willReturn(answer("BASELINE answer " + nonce).withFixedDelay(400)));
        wm.stubFor(post(urlPathEqualTo("/db-outage-judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_A))
                .willReturn(verdict("A>B").withFixedDelay(100)));
        wm.stubFor(post(urlPathEqualTo("/db-outage-judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_B))
                .willReturn(verdict("B>A").withFixedDelay(100)));
        for (String m : List.of("db-outage-cand", "db-outage-base", "db-outage-judge")) {
            given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "baseUrl", wm.baseUrl() + "/" + m + "/v1",
                            "model", m + "-model", "apiKey", "sk-test-" + m, "maxConcurrency", 16, "timeoutMillis", 10_000))
                    .put("/api/models/" + m).then().statusCode(201);
        }

        String id = Runs.start(Map.of("evalSet", "many", "candidate", "db-outage-cand", "baseline", "db-outage-base",
                "judge", "db-outage-judge", "seed", 8011, "concurrency", CONCURRENCY, "earlyStop", false));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (progress(id).getLong("progress.done") < 8) {
            assertThat(System.nanoTime()).as("the run did not progress").isLessThan(deadline);
            Thread.sleep(50);
        }
        Recorded before = recorded(id);

        RestartablePostgresResource.stopServer();
        long doneAtStop = before.comparisons.size();
        long callsAtStop = requestsPerPrompt("/db-outage-cand/").values().stream().mapToLong(Long::longValue).sum();
        // While the database is away the API says so, and the run is not failed for it.
        given().get("/api/runs/" + id).then().statusCode(503).contentType("application/problem+json");
        Thread.sleep(OUTAGE.toMillis());
        RestartablePostgresResource.startServer();

        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(120));
        assertThat(run.getString("state")).as(run.getString("reason")).isEqualTo("COMPLETED");
        assertThat(doneAtStop).as("stopped mid-run").isLessThan(PROMPTS);
        assertThat(callsAtStop).as("stopped mid-run").isLessThan(PROMPTS);

        Recorded after = recorded(id);
        assertThat(after.comparisons).hasSize(PROMPTS).containsAllEntriesOf(before.comparisons);
        assertThat(after.generations).hasSize(2 * PROMPTS).containsAllEntriesOf(before.generations);
        assertThat(after.judgments).isEqualTo(2L * PROMPTS);
        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getInt("overall.counts.wins")).isEqualTo(PROMPTS);
        assertThat(results.getInt("overall.counts.errors")).isZero();

        for (String model : List.of("/db-outage-cand/", "/db-outage-base/")) {
            Map<String, Long> calls = requestsPerPrompt(model);
            assertThat(calls).hasSize(PROMPTS);
            long twice = calls.values().stream().filter(n -> n > 1).count();
            System.out.printf("PostgresOutageTest: %d of %d items recorded when PostgreSQL stopped for %d s; %s generated %d "
                    + "prompts more than once (bound: concurrency %d)%n", doneAtStop, PROMPTS, OUTAGE.toSeconds(), model, twice, CONCURRENCY);
            assertThat(twice).isLessThanOrEqualTo(CONCURRENCY);
            assertThat(calls.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
        }
    }

    private static JsonPath progress(String id) {
        return given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** What the database holds of a run: comparisons and generations by id (with what identifies them), judgments. */
    private record Recorded(Map<Long, String> comparisons, Map<Long, String> generations, long judgments) {
    }

    private static Recorded recorded(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> new Recorded(
                ComparisonEntity.<ComparisonEntity>list("runId", runId).stream().collect(Collectors.toMap(
                        c -> c.id, c -> c.workItemId + ":" + c.outcome, (a, b) -> a, TreeMap::new)),
                GenerationEntity.<GenerationEntity>list("runId", runId).stream().collect(Collectors.toMap(
                        g -> g.id, g -> g.workItemId + ":" + g.role + ":" + g.text, (a, b) -> a, TreeMap::new)),
                JudgmentEntity.count("runId", runId)));
    }

    /** The requests a model got, by the prompt ("[mNN]") they carried. */
    private Map<String, Long> requestsPerPrompt(String prefix) {
        return wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(prefix))
                .map(e -> {
                    Matcher m = PROMPT_TAG.matcher(e.getRequest().getBodyAsString());
                    return m.find() ? m.group() : "?";
                })
                .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    }
}
