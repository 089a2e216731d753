package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimbench.support.LlamaServer;
import io.claimbench.support.NginxRateLimit;
import io.claimbench.support.RealServerApp;
import io.claimbench.support.RealServerEvalSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs against a real, third-party model server: llama.cpp's llama-server with the tiny random-weight model of
 * {@code src/test/llm}, as candidate, baseline and judge through the {@code openai} provider, and through nginx's
 * {@code limit_req} for real 429s. The answers mean nothing; the wire format, streaming, errors and limits are real.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsRealServerIT {

    private static final String KEY = "real-key-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private static final Pattern RETRY = Pattern.compile("HTTP 429.*retrying in (\\d+) ms .*Retry-After (\\d+) ms");

    private Path dir;
    private LlamaServer llama;
    private NginxRateLimit nginx;
    private RealServerApp app;
    private LlamaServer.Prepared prepared;
    private int latePort;

    @BeforeAll
    void start() throws Exception {
        prepared = LlamaServer.prepared();
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "real-server-it");
        llama = LlamaServer.start(KEY, dir.resolve("llama.log"));
        nginx = NginxRateLimit.start(llama.port(), 2, dir.resolve("nginx"));
        latePort = LlamaServer.freePort();
        Path sets = RealServerEvalSets.write(dir.resolve("eval-sets"));
        Map<String, String> models = new HashMap<>();
        models.putAll(trio("real", llama.baseUrl(), KEY));
        models.putAll(trio("real-limited", nginx.baseUrl(), KEY));
        models.putAll(trio("real-late", "http://127.0.0.1:" + latePort + "/v1", KEY));
        models.putAll(RealServerApp.model("real-wrong-key", llama.baseUrl(), "not-" + KEY, true, 12, 1.0));
        app = RealServerApp.start(models, sets, dir.resolve("app"));
    }

    /** Candidate and baseline (streamed, sampled at different temperatures, so their answers differ) and a judge. */
    private static Map<String, String> trio(String prefix, String baseUrl, String key) {
        Map<String, String> m = new HashMap<>();
        m.putAll(RealServerApp.model(prefix + "-cand", baseUrl, key, true, 12, 1.0));
        m.putAll(RealServerApp.model(prefix + "-base", baseUrl, key, true, 12, 0.6));
        m.putAll(RealServerApp.model(prefix + "-judge", baseUrl, key, false, 24, null));
        return m;
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{app, nginx, llama}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private Map<String, Object> run(String evalSet, String prefix, long seed) {
        return new HashMap<>(Map.of("evalSet", evalSet, "candidate", prefix + "-cand", "baseline", prefix + "-base",
                "judge", prefix + "-judge", "seed", seed, "earlyStop", false));
    }

    @Test
    void should_complete_a_pairwise_run_on_a_shipped_eval_set_with_streamed_answers_and_structured_verdicts_then_replay_it_from_the_cache() throws Exception {
        long callsBefore = llama.tasks();
        String id = app.startRun(run(RealServerEvalSets.SHIPPED, "real", 12001));
        JsonNode done = app.awaitFinal(id, Duration.ofMinutes(8));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        RealServerFigures f = RealServerFigures.of(app.results(id), app.comparisons(id));
        assertThat(done.at("/progress/total").asInt()).as("every prompt of the shipped set").isEqualTo(RealServerEvalSets.shippedPrompts());
        f.assertConsistent(RealServerEvalSets.shippedPrompts());
        assertThat(f.answers()).allSatisfy(a -> assertThat(a.at("/firstTokenMs").isNumber()).as("time to first token of " + a).isTrue());
        assertThat(f.answers()).allSatisfy(a -> assertThat(a.at("/firstTokenMs").asLong()).isLessThanOrEqualTo(a.at("/latencyMs").asLong()));
        // The schema constrains even a random-weight judge: every verdict is readable, and read from structured output.
        JsonNode judging = f.results().get("judging");
        assertThat(judging.get("unscored").asLong()).as(judging.toString()).isZero();
        assertThat(judging.get("errors").asLong()).isZero();
        assertThat(judging.at("/structuredOutput/structured").asLong()).isEqualTo(judging.get("games").asLong())
                .isEqualTo(judging.at("/structuredOutput/games").asLong()).isPositive();
        long calls = llama.tasks() - callsBefore;
        assertThat(calls).as("server calls = answers + judge games").isEqualTo(f.answers().size() + judging.get("games").asLong());
        System.out.println("real-server figures (first run): " + f.summary() + ", server calls " + calls);

        double predicted = llama.metrics().get("tokens_predicted_total");
        long callsAfterFirst = llama.tasks();
        String again = app.startRun(run(RealServerEvalSets.SHIPPED, "real", 12001));
        assertThat(app.awaitFinal(again, Duration.ofMinutes(2)).get("state").asText()).isEqualTo("COMPLETED");
        RealServerFigures cached = RealServerFigures.of(app.results(again), app.comparisons(again));
        assertThat(cached.results().at("/overall/counts")).isEqualTo(f.results().at("/overall/counts"));
        assertThat(cached.answers()).allSatisfy(a -> assertThat(a.get("fromCache").asBoolean()).isTrue());
        assertThat(cached.results().at("/judging/fromCache").asLong()).isEqualTo(cached.results().at("/judging/games").asLong());
        assertThat(llama.tasks()).as("no call reached the server").isEqualTo(callsAfterFirst);
        assertThat(llama.metrics().get("tokens_predicted_total")).as("no token was generated").isEqualTo(predicted);
    }

    @Test
    void should_fail_the_run_at_once_with_the_reason_when_the_key_is_wrong() throws Exception {
        long before = llama.tasks();
        Map<String, Object> body = run("real-small", "real", 12002);
        body.put("candidate", "real-wrong-key");
        body.put("concurrency", 1);
        String id = app.startRun(body);
        JsonNode done = app.awaitFinal(id, Duration.ofMinutes(1));
        assertThat(done.get("state").asText()).isEqualTo("FAILED");
        assertThat(done.get("reason").asText()).contains("real-wrong-key").contains("HTTP 401").contains("check the api key")
                .doesNotContain(KEY);
        assertThat(done.at("/progress/done").asLong()).as("stopped at the first item").isLessThanOrEqualTo(1);
        assertThat(llama.tasks() - before).as("no retries of a 401").isLessThanOrEqualTo(2);
        assertThat(app.log()).doesNotContain(KEY.substring(4));
    }

    @Test
    void should_error_only_the_item_whose_prompt_is_past_the_context() throws Exception {
        Map<String, Object> body = run("real-context", "real", 12003);
        body.put("concurrency", 1);
        String id = app.startRun(body);
        JsonNode done = app.awaitFinal(id, Duration.ofMinutes(2));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode counts = app.results(id).at("/overall/counts");
        assertThat(counts.get("errors").asLong()).as(counts.toString()).isEqualTo(1);
        assertThat(counts.get("wins").asLong() + counts.get("ties").asLong() + counts.get("losses").asLong()
                + counts.get("unscored").asLong()).isEqualTo(RealServerEvalSets.CONTEXT_PROMPTS - 1);
        JsonNode errored = app.comparisons(id).stream().filter(c -> c.get("outcome").asText().equals("ERROR")).findFirst().orElseThrow();
        assertThat(errored.get("promptId").asText()).isEqualTo(RealServerEvalSets.LONG_PROMPT_ID);
        assertThat(errored.get("reason").asText()).contains("HTTP 400").containsIgnoringCase("context");
    }

    @Test
    void should_retry_until_a_server_that_is_still_starting_is_up() throws Exception {
        String id = app.startRun(run("real-small", "real-late", 12004));
        // Nothing listens yet: the run's first calls fail and are retried with backoff.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!app.log().contains("run " + id + ": real-late") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(app.log()).contains("run " + id + ": real-late");
        try (LlamaServer late = LlamaServer.launch(prepared, latePort, KEY, dir.resolve("llama-late.log"))) {
            JsonNode done = app.awaitFinal(id, Duration.ofMinutes(2));
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            JsonNode counts = app.results(id).at("/overall/counts");
            assertThat(counts.get("errors").asLong()).as(counts.toString()).isZero();
            assertThat(late.tasks()).isPositive();
        }
    }

    @Test
    void should_honour_the_retry_after_of_real_429s_and_complete() throws Exception {
        int seenBefore = (int) nginx.statuses().stream().filter(s -> s == 429).count();
        int retriesBefore = retries(app.log()).size();
        Map<String, Object> body = run("real-small", "real-limited", 12005);
        body.put("concurrency", 2);
        String id = app.startRun(body);
        JsonNode done = app.awaitFinal(id, Duration.ofMinutes(3));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        RealServerFigures f = RealServerFigures.of(app.results(id), app.comparisons(id));
        f.assertConsistent(RealServerEvalSets.SMALL_PROMPTS);
        assertThat(f.results().at("/overall/counts/errors").asLong()).isZero();
        long seen = nginx.statuses().stream().filter(s -> s == 429).count() - seenBefore;
        List<long[]> retries = retries(app.log()).subList(retriesBefore, retries(app.log()).size());
        assertThat(seen).as("nginx limited some calls").isPositive();
        assertThat(retries).as("each 429 was retried").hasSize((int) seen);
        assertThat(retries).allSatisfy(r -> assertThat(r[0]).as("waited at least Retry-After").isGreaterThanOrEqualTo(r[1]));
        System.out.println("real-server figures (rate limited): " + f.summary() + ", 429s seen " + seen + ", honoured "
                + retries.stream().filter(r -> r[0] >= r[1]).count());
    }

    /** Each logged retry of a 429: the wait, and the Retry-After it honoured. */
    private static List<long[]> retries(String log) {
        List<long[]> out = new ArrayList<>();
        Matcher m = RETRY.matcher(log);
        while (m.find()) {
            out.add(new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return out;
    }
}
