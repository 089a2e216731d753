package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.runs.IdempotencyKeyEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.support.LogWindow;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * POST /api/runs with an Idempotency-Key: retried, even at the same instant, it creates one run and answers as the
 * first time (202, same Location, marked replayed); the key with another body is a 422 naming the header; a bad key a
 * 400 naming it; an expired key is free again. On H2 here, on PostgreSQL in {@link PostgresIdempotencyKeyTest}.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private final WireMockServer wm = WireMockResource.server();

    /** Seeds of this class's runs start here: each database's its own. */
    long seeds() {
        return 8021;
    }

    /** The runs a test started, waited for after it, so that none calls an endpoint during another test. */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    /** Models of this class's own, at paths of their own, so that its runs never count as another test's calls. */
    @BeforeEach
    void models() {
        String nonce = UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/db-idem-cand/v1/chat/completions")).willReturn(answer("CANDIDATE " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/db-idem-base/v1/chat/completions")).willReturn(answer("BASELINE " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/db-idem-judge/v1/chat/completions")).willReturn(verdict("A>B")));
        for (String m : List.of("db-idem-cand", "db-idem-base", "db-idem-judge")) {
            given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "baseUrl", wm.baseUrl() + "/" + m + "/v1",
                    "model", m + "-model", "apiKey", "sk-test-" + m)).put("/api/models/" + m).then().statusCode(anyOf(is(200), is(201)));
        }
    }

    @AfterEach
    void awaitRuns() {
        started.forEach(id -> Runs.awaitFinal(id, Duration.ofSeconds(60)));
    }

    private static String body(long seed) {
        return "{\"evalSet\":\"single\",\"candidate\":\"db-idem-cand\",\"baseline\":\"db-idem-base\","
                + "\"judge\":\"db-idem-judge\",\"seed\":" + seed + "}";
    }

    private Response postRun(String key, String body) {
        Response r = given().contentType(ContentType.JSON).header(IdempotentRuns.HEADER, key).body(body).when().post("/api/runs");
        if (r.statusCode() == 202) {
            started.add(r.jsonPath().getString("id"));
        }
        return r;
    }

    @Test
    void should_answer_a_retry_with_the_run_the_first_request_created() {
        long seed = seeds();
        String key = UUID.randomUUID().toString();
        Response first = postRun(key, body(seed)).then().statusCode(202).extract().response();
        assertThat(first.header(IdempotentRuns.REPLAYED)).isNull();
        // The same request, written otherwise: other field order, spacing, an explicit null.
        String rewritten = "{ \"seed\": " + seed + ", \"judge\": \"db-idem-judge\", \"baseline\": \"db-idem-base\",\n "
                + "\"candidate\": \"db-idem-cand\", \"evalSet\": \"single\", \"samples\": null }";
        for (String again : List.of(body(seed), rewritten)) {
            Response retry = postRun(key, again).then().statusCode(202).extract().response();
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header(IdempotentRuns.REPLAYED)).isEqualTo("true");
            assertThat(retry.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        }
        assertThat(runsWithSeed(seed)).isEqualTo(1);
        // The first answer is the run as it was created (every item pending); a replay reads the run as it now stands.
        assertThat(first.jsonPath().getString("state")).isEqualTo("QUEUED");
        assertThat(first.jsonPath().getInt("progress.pending")).isEqualTo(first.jsonPath().getInt("progress.total")).isPositive();
        assertThat(first.jsonPath().getLong("progress.done")).isZero();
        Runs.awaitFinal(first.jsonPath().getString("id"), Duration.ofSeconds(60));
        Response late = postRun(key, body(seed)).then().statusCode(202).extract().response();
        assertThat(late.jsonPath().getString("state")).isEqualTo("COMPLETED");
        assertThat(late.jsonPath().getLong("progress.done")).isEqualTo(first.jsonPath().getLong("progress.total"));
        // Without a key, the same body is a new run each time.
        started.add(given().contentType(ContentType.JSON).body(body(seed)).post("/api/runs").then().statusCode(202)
                .extract().jsonPath().getString("id"));
        assertThat(runsWithSeed(seed)).isEqualTo(2);
    }

    @Test
    void should_refuse_the_key_with_another_body() {
        String key = UUID.randomUUID().toString();
        postRun(key, body(seeds() + 1)).then().statusCode(202);
        postRun(key, body(seeds() + 2)).then().statusCode(422).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", org.hamcrest.Matchers.equalTo(422))
                .body("errors.field", hasItem(IdempotentRuns.HEADER))
                .body("detail", startsWith(IdempotentRuns.HEADER));
        assertThat(runsWithSeed(seeds() + 2)).isZero();
    }

    /** Keys are each caller's own: another key's holder with the same Idempotency-Key gets a run of its own. */
    @Test
    void should_keep_each_callers_keys_apart() {
        long seed = seeds() + 7;
        String key = UUID.randomUUID().toString();
        String mine = postRun(key, body(seed)).then().statusCode(202).extract().jsonPath().getString("id");
        Response theirs = given().header("Authorization", "Bearer " + io.claimbench.support.TestKeys.RUNNER)
                .contentType(ContentType.JSON).header(IdempotentRuns.HEADER, key).body(body(seed)).post("/api/runs");
        theirs.then().statusCode(202).header(IdempotentRuns.REPLAYED, org.hamcrest.Matchers.nullValue())
                .body("startedBy", org.hamcrest.Matchers.equalTo("key:test-runner"));
        started.add(theirs.jsonPath().getString("id"));
        assertThat(theirs.jsonPath().getString("id")).isNotEqualTo(mine);
        assertThat(runsWithSeed(seed)).isEqualTo(2);
    }

    @Test
    void should_refuse_a_malformed_key_naming_the_header() {
        for (String bad : List.of("", " ", "x".repeat(IdempotentRuns.MAX_KEY_LENGTH + 1), "cl\u00e9", "a\tb")) {
            postRun(bad, body(seeds() + 3)).then().statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE))
                    .body("errors.field", hasItem(IdempotentRuns.HEADER));
        }
        given().contentType(ContentType.JSON).header(IdempotentRuns.HEADER, "one").header(IdempotentRuns.HEADER, "two")
                .body(body(seeds() + 3)).post("/api/runs").then().statusCode(400).body("errors.field", hasItem(IdempotentRuns.HEADER));
        assertThat(runsWithSeed(seeds() + 3)).isZero();
        // The longest key, and one of every printable character, are fine.
        postRun("k".repeat(IdempotentRuns.MAX_KEY_LENGTH), body(seeds() + 3)).then().statusCode(202);
        postRun("a-Z_0.9:~!\"#$%&'()*+,/;<=>?@[\\]^`{|} ok", body(seeds() + 3)).then().statusCode(202);
        assertThat(runsWithSeed(seeds() + 3)).isEqualTo(2);
    }

    @Test
    void should_create_one_run_for_simultaneous_requests_with_one_key() throws Exception {
        LogWindow log = LogWindow.open();
        long seed = seeds() + 4;
        String key = UUID.randomUUID().toString();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return postRun(key, body(seed)).then().extract().response();
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : answers) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(202);
            assertThat(responses).extracting(r -> r.header("Location")).containsOnly(responses.get(0).header("Location"));
            assertThat(responses).filteredOn(r -> r.header(IdempotentRuns.REPLAYED) == null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runsWithSeed(seed)).isEqualTo(1);
        assertThat(log.written()).doesNotContain(LogWindow.CONSTRAINT_VIOLATIONS);
    }

    @Test
    void should_free_a_key_once_it_expired() {
        long seed = seeds() + 5;
        String key = UUID.randomUUID().toString();
        String first = postRun(key, body(seed)).then().statusCode(202).extract().header("Location");
        QuarkusTransaction.requiringNew().run(() -> IdempotencyKeyEntity.update("createdAt = ?1 where keyValue = ?2",
                Instant.now().minus(Duration.ofHours(25)), key));
        Response again = postRun(key, body(seed)).then().statusCode(202).extract().response();
        assertThat(again.header("Location")).isNotEqualTo(first);
        assertThat(again.header(IdempotentRuns.REPLAYED)).isNull();
        assertThat(runsWithSeed(seed)).isEqualTo(2);
        // Expired, the key may even come with another body.
        QuarkusTransaction.requiringNew().run(() -> IdempotencyKeyEntity.update("createdAt = ?1 where keyValue = ?2",
                Instant.now().minus(Duration.ofHours(25)), key));
        postRun(key, body(seed + 100)).then().statusCode(202);
        assertThat(QuarkusTransaction.requiringNew().call(() -> IdempotencyKeyEntity.count("keyValue", key))).isEqualTo(1);
    }

    private static long runsWithSeed(long seed) {
        return QuarkusTransaction.requiringNew().call(() -> RunEntity.count("seed", seed));
    }
}
