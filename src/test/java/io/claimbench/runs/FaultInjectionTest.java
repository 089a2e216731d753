package io.claimbench.runs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.claimbench.support.EndpointJournal;
import io.claimbench.support.FaultTable;
import io.claimbench.support.OpenAiStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.SilentServer;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.error;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the wire, one per test: every run ends COMPLETED or FAILED (FAILED when nothing was scored, with the
 * commonest error as the reason), every item is accounted for (scored, unscored with a reason, or an error with a
 * reason), no retry comes sooner than the Retry-After it was told (server-side timestamps), and no call is made more
 * than {@code claimbench.runs.max-attempts} times. An unparseable judge answer is unscored and a failed call an
 * error; neither is a loss. The outcomes are written as a table to {@code target/fault-injection.md}.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class FaultInjectionTest {

    private static final Logger LOG = Logger.getLogger(FaultInjectionTest.class);
    private static final FaultTable TABLE = new FaultTable();
    private static final Path REPORT = Path.of("target/fault-injection.md");
    private static final Path LOG_FILE = Path.of("target/quarkus-test.log");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
    private static final Set<String> DECIDED = Set.of("WIN", "TIE", "LOSS");
    private static volatile int maxAttemptsSeen;

    private final WireMockServer wm = WireMockResource.server();

    @Inject
    RunsConfig runsConfig;

    private String nonce;

    @BeforeEach
    void healthyContestants() {
        wm.resetAll();
        maxAttemptsSeen = runsConfig.maxAttempts();
        nonce = UUID.randomUUID().toString();
        define("fault-base", false, 5_000, wm.baseUrl() + "/fault-base/v1");
        define("fault-cand", false, 5_000, wm.baseUrl() + "/fault-cand/v1");
        define("fault-judge", false, 5_000, wm.baseUrl() + "/fault-judge/v1");
        wm.stubFor(chat("fault-base").willReturn(answer("BASELINE answer " + nonce)));
        wm.stubFor(chat("fault-cand").willReturn(answer("CANDIDATE answer " + nonce)));
        wm.stubFor(chat("fault-judge").willReturn(verdict("A=B")));
    }

    @AfterAll
    static void writeTable() throws IOException {
        String md = TABLE.markdown(maxAttemptsSeen);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md);
        LOG.info("fault injection outcomes (" + REPORT + "):\n" + md);
    }

    // --- WireMock's faults: every call fails on the wire, is retried to the limit, and the run fails saying why ---

    @Test
    void should_retry_a_connection_reset_to_the_limit_and_fail_the_run_with_the_network_error() {
        assertFailsOnEveryCall(1, "CONNECTION_RESET_BY_PEER", "fault-reset", false, Fault.CONNECTION_RESET_BY_PEER, 7001);
    }

    @Test
    void should_retry_an_empty_response_to_the_limit_and_fail_the_run_with_the_network_error() {
        assertFailsOnEveryCall(2, "EMPTY_RESPONSE", "fault-empty", false, Fault.EMPTY_RESPONSE, 7002);
    }

    @Test
    void should_never_count_a_malformed_chunk_as_an_answer() {
        assertFailsOnEveryCall(3, "MALFORMED_RESPONSE_CHUNK", "fault-malformed", false, Fault.MALFORMED_RESPONSE_CHUNK, 7003);
    }

    @Test
    void should_never_count_a_malformed_chunk_of_a_stream_as_an_answer() {
        assertFailsOnEveryCall(4, "MALFORMED_RESPONSE_CHUNK (streaming)", "fault-malformed-stream", true,
                Fault.MALFORMED_RESPONSE_CHUNK, 7004);
    }

    @Test
    void should_retry_random_data_to_the_limit_and_fail_the_run_with_the_network_error() {
        assertFailsOnEveryCall(5, "RANDOM_DATA_THEN_CLOSE", "fault-random", false, Fault.RANDOM_DATA_THEN_CLOSE, 7005);
    }

    private void assertFailsOnEveryCall(int order, String fault, String model, boolean stream, Fault wireFault, long seed) {
        define(model, stream, 5_000, wm.baseUrl() + "/" + model + "/v1");
        wm.stubFor(chat(model).willReturn(aResponse().withFault(wireFault)));
        Outcome o = run(order, fault, "smoke", seed, model, "fault-judge", () -> EndpointJournal.of(wm, "/" + model + "/"));
        assertThat(o.state).isEqualTo("FAILED");
        assertThat(o.errors).isEqualTo(6);
        assertThat(o.reason).startsWith("nothing was scored (6 of 6 items failed, 0 unscored); commonest error (")
                .contains("candidate: " + model + ": network error").contains("(after " + maxAttempts() + " attempts)");
        assertThat(o.items).allSatisfy(i -> assertThat((String) i.get("reason")).startsWith("candidate: " + model + ": network error"));
        // Retryable: every item's call was made exactly max-attempts times.
        assertThat(o.journal.calls()).isEqualTo(6 * maxAttempts());
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
    }

    // --- delays and stalls ---

    @Test
    void should_wait_for_a_slow_answer_within_the_timeout() {
        define("fault-slow", false, 5_000, wm.baseUrl() + "/fault-slow/v1");
        wm.stubFor(chat("fault-slow").willReturn(answer("CANDIDATE slow answer " + nonce).withFixedDelay(500)));
        Outcome o = run(8, "fixed delay 500 ms, timeout 5 s", "smoke", 7006, "fault-slow", "fault-judge",
                () -> EndpointJournal.of(wm, "/fault-slow/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.scored).isEqualTo(6);
        assertThat(o.journal.maxPerRequest()).isEqualTo(1);
    }

    @Test
    void should_time_out_a_stalled_stream_and_retry_it() {
        define("fault-stall", true, 300, wm.baseUrl() + "/fault-stall/v1");
        wm.stubFor(chat("fault-stall").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiStubs.stream("CANDIDATE stalled answer that dribbles in far too slowly " + nonce))
                .withChunkedDribbleDelay(4, 2_000)));
        Outcome o = run(9, "stall: chunked dribble 2 s, stream timeout 300 ms", "single", 7007, "fault-stall", "fault-judge",
                () -> EndpointJournal.of(wm, "/fault-stall/"));
        assertThat(o.state).isEqualTo("FAILED");
        assertThat(o.reason).contains("commonest error (1): candidate: fault-stall: call timed out");
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
    }

    @Test
    void should_time_out_a_call_slower_than_the_models_timeout_and_retry_it() {
        define("fault-timeout", false, 250, wm.baseUrl() + "/fault-timeout/v1");
        wm.stubFor(chat("fault-timeout").willReturn(answer("CANDIDATE too late " + nonce).withFixedDelay(2_000)));
        Outcome o = run(10, "timeout: fixed delay 2 s, timeout 250 ms", "single", 7011, "fault-timeout", "fault-judge",
                () -> EndpointJournal.of(wm, "/fault-timeout/"));
        assertThat(o.state).isEqualTo("FAILED");
        assertThat(o.reason).contains("candidate: fault-timeout: call timed out");
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
    }

    @Test
    void should_give_up_on_an_endpoint_that_never_answers() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            define("fault-silent", false, 250, silent.baseUrl() + "/v1");
            Outcome o = run(11, "never answers (socket accepts, stays silent), timeout 250 ms", "single", 7016,
                    "fault-silent", "fault-judge", () -> EndpointJournal.counted(silent.connections()));
            assertThat(o.state).isEqualTo("FAILED");
            assertThat(o.reason).contains("candidate: fault-silent: call timed out");
            assertThat(o.journal.calls()).isEqualTo(maxAttempts());
        }
    }

    // --- 429 storms and 5xx bursts ---

    @Test
    void should_ride_out_a_429_storm_never_sooner_than_retry_after_and_give_up_after_max_attempts() {
        define("fault-429", false, 5_000, wm.baseUrl() + "/fault-429/v1");
        for (int p = 1; p <= 5; p++) {
            burst("fault-429", "p" + p, List.of(rateLimited(1), rateLimited(1)), answer("CANDIDATE answer " + nonce));
        }
        // For [p6] the storm never ends.
        wm.stubFor(chat("fault-429").withRequestBody(containing("[p6]")).willReturn(rateLimited(1)));
        Outcome o = run(12, "429 storm (Retry-After 1 s): two per item, then answers; endless on 1 of 6 items", "smoke", 7008,
                "fault-429", "fault-judge", () -> EndpointJournal.of(wm, "/fault-429/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.scored).isEqualTo(5);
        assertThat(o.errors).isEqualTo(1);
        assertThat((String) o.item("[p6]").get("reason")).startsWith("candidate: fault-429: HTTP 429 (rate limited)")
                .endsWith("(after " + maxAttempts() + " attempts)");
        assertThat(o.journal.calls()).isEqualTo(5 * 3 + maxAttempts());
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
        assertThat(o.journal.retryAfterGaps()).hasSize(5 * 2 + maxAttempts() - 1);
    }

    @Test
    void should_honour_retry_after_on_a_streaming_model() {
        define("fault-429-stream", true, 5_000, wm.baseUrl() + "/fault-429-stream/v1");
        burst("fault-429-stream", "s1", List.of(rateLimited(1)), sse(OpenAiStubs.stream("CANDIDATE streamed " + nonce)));
        Outcome o = run(13, "429 (Retry-After 1 s) on a streaming model, then a stream", "single", 7017, "fault-429-stream",
                "fault-judge", () -> EndpointJournal.of(wm, "/fault-429-stream/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.journal.maxPerRequest()).isEqualTo(2);
        assertThat(o.journal.retryAfterGaps()).hasSize(1);
    }

    @Test
    void should_honour_retry_after_on_a_judge() {
        define("fault-judge-429", false, 5_000, wm.baseUrl() + "/fault-judge-429/v1");
        wm.stubFor(chat("fault-judge-429").atPriority(5).willReturn(verdict("A=B")));
        // The first judge call of every item is told to wait; which of its two games that is, the race decides.
        for (int p = 1; p <= 6; p++) {
            burst("fault-judge-429", "p" + p, List.of(rateLimited(1)), verdict("A=B"));
        }
        Outcome o = run(18, "judge: one 429 (Retry-After 1 s) per item", "smoke", 7018, "fault-cand", "fault-judge-429",
                () -> EndpointJournal.of(wm, "/fault-judge-429/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.scored).isEqualTo(6);
        assertThat(o.journal.retryAfterGaps()).isNotEmpty();
    }

    @Test
    void should_recover_from_a_burst_of_500_and_503() {
        define("fault-5xx", false, 5_000, wm.baseUrl() + "/fault-5xx/v1");
        for (int p = 1; p <= 6; p++) {
            burst("fault-5xx", "p" + p, List.of(error(500, "internal"), error(503, "overloaded")),
                    answer("CANDIDATE answer " + nonce));
        }
        Outcome o = run(14, "500 then 503 per item, then answers", "smoke", 7010, "fault-5xx", "fault-judge",
                () -> EndpointJournal.of(wm, "/fault-5xx/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.scored).isEqualTo(6);
        assertThat(o.errors).isZero();
        assertThat(o.journal.maxPerRequest()).isEqualTo(3);
    }

    // --- streams and bodies cut short ---

    @Test
    void should_not_take_a_truncated_stream_for_an_answer() {
        define("fault-truncated", true, 5_000, wm.baseUrl() + "/fault-truncated/v1");
        String whole = "CANDIDATE streamed answer that runs to its end " + nonce;
        wm.stubFor(chat("fault-truncated").atPriority(5).willReturn(sse(OpenAiStubs.stream(whole))));
        // [p3]'s stream stops after a few words: no finish_reason, no usage, no [DONE].
        wm.stubFor(chat("fault-truncated").atPriority(1).withRequestBody(containing("[p3]"))
                .willReturn(sse(truncated(OpenAiStubs.stream("CANDIDATE streamed answer cut off " + nonce), 3))));
        Outcome o = run(7, "truncated SSE stream (no finish_reason, no [DONE]) on 1 of 6 items", "smoke", 7012,
                "fault-truncated", "fault-judge", () -> EndpointJournal.of(wm, "/fault-truncated/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.scored).isEqualTo(5);
        assertThat(o.errors).isEqualTo(1);
        Map<String, Object> cut = o.item("[p3]");
        assertThat(cut.get("outcome")).isEqualTo("ERROR");
        assertThat((String) cut.get("reason")).contains("candidate: fault-truncated:").contains("stream ended before");
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
    }

    @Test
    void should_retry_a_200_whose_json_body_is_cut_off() {
        define("fault-cut-json", false, 5_000, wm.baseUrl() + "/fault-cut-json/v1");
        String whole = OpenAiStubs.completion("CANDIDATE answer " + nonce, 100, 50);
        wm.stubFor(chat("fault-cut-json").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(whole.substring(0, whole.length() / 2))));
        Outcome o = run(6, "200 with a JSON body cut in half", "smoke", 7019, "fault-cut-json", "fault-judge",
                () -> EndpointJournal.of(wm, "/fault-cut-json/"));
        assertThat(o.state).isEqualTo("FAILED");
        assertThat(o.errors).isEqualTo(6);
        assertThat(o.reason).contains("candidate: fault-cut-json: network error").contains("Unexpected end-of-input");
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
    }

    // --- judges ---

    @Test
    void should_leave_pairs_unscored_not_lost_when_the_judge_answers_garbage() {
        define("fault-judge-garbage", false, 5_000, wm.baseUrl() + "/fault-judge-garbage/v1");
        wm.stubFor(chat("fault-judge-garbage").atPriority(5).willReturn(verdict("A=B")));
        for (String p : List.of("p1", "p2")) {
            wm.stubFor(chat("fault-judge-garbage").atPriority(1).withRequestBody(containing("[" + p + "]"))
                    .willReturn(answer("Both answers have merit; I would rather not pick. {verdict: maybe}")));
        }
        Outcome o = run(15, "judge answers garbage on 2 of 6 items", "smoke", 7013, "fault-cand", "fault-judge-garbage",
                () -> EndpointJournal.of(wm, "/fault-judge-garbage/"));
        assertThat(o.state).isEqualTo("COMPLETED");
        assertThat(o.scored).isEqualTo(4);
        assertThat(o.unscored).isEqualTo(2);
        assertThat(o.losses).isZero();
        assertThat(o.errors).isZero();
        assertThat((String) o.item("[p1]").get("reason")).contains("no verdict found in the judge's answer");
        // An answer, however useless, is not retried: one call per game.
        assertThat(o.journal.maxPerRequest()).isEqualTo(1);
    }

    @Test
    void should_fail_a_run_whose_judge_only_answers_garbage_with_the_commonest_reason() {
        define("fault-judge-babble", false, 5_000, wm.baseUrl() + "/fault-judge-babble/v1");
        wm.stubFor(chat("fault-judge-babble").willReturn(answer("%%%% \u0000 <<<>>> not a verdict at all")));
        Outcome o = run(16, "judge answers garbage on every item", "smoke", 7014, "fault-cand", "fault-judge-babble",
                () -> EndpointJournal.of(wm, "/fault-judge-babble/"));
        assertThat(o.state).isEqualTo("FAILED");
        assertThat(o.losses).isZero();
        assertThat(o.reason).startsWith("nothing was scored (0 of 6 items failed, 6 unscored); commonest reason (6): ")
                .contains("no verdict found in the judge's answer");
    }

    @Test
    void should_count_a_judge_whose_connection_resets_as_errors_not_losses() {
        define("fault-judge-reset", false, 5_000, wm.baseUrl() + "/fault-judge-reset/v1");
        wm.stubFor(chat("fault-judge-reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Outcome o = run(17, "judge: CONNECTION_RESET_BY_PEER", "smoke", 7015, "fault-cand", "fault-judge-reset",
                () -> EndpointJournal.of(wm, "/fault-judge-reset/"));
        assertThat(o.state).isEqualTo("FAILED");
        assertThat(o.errors).isEqualTo(6);
        assertThat(o.losses).isZero();
        assertThat(o.reason).contains("commonest error (").contains("judge: fault-judge-reset: network error");
        // Both games of each pair, each to the limit.
        assertThat(o.journal.calls()).isEqualTo(6 * 2 * maxAttempts());
        assertThat(o.journal.maxPerRequest()).isEqualTo(maxAttempts());
    }

    // --- the run, and what holds for every fault ---

    /** A finished run as the API shows it, with what the faulted endpoint saw. */
    private record Outcome(String state, String reason, long scored, long losses, long unscored, long errors,
                           List<Map<String, Object>> items, EndpointJournal journal) {
        Map<String, Object> item(String tag) {
            return items.stream().filter(i -> ((String) i.get("prompt")).contains(tag)).findFirst().orElseThrow();
        }
    }

    private Outcome run(int order, String fault, String evalSet, long seed, String candidate, String judge,
                        Supplier<EndpointJournal> journalOf) {
        long logFrom = logSize();
        String id = Runs.start(Map.of("evalSet", evalSet, "candidate", candidate, "baseline", "fault-base", "judge", judge,
                "seed", seed, "concurrency", 6));
        JsonPath run = Runs.awaitFinal(id, RUN_LIMIT);
        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        JsonPath page = given().queryParam("size", 200).get("/api/runs/" + id + "/comparisons").then().statusCode(200)
                .extract().jsonPath();
        EndpointJournal journal = journalOf.get();

        String state = run.getString("state");
        String reason = run.getString("reason");
        int total = run.getInt("progress.total");
        long wins = results.getLong("overall.counts.wins");
        long ties = results.getLong("overall.counts.ties");
        long losses = results.getLong("overall.counts.losses");
        long unscored = results.getLong("overall.counts.unscored");
        long errors = results.getLong("overall.counts.errors");
        long scored = wins + ties + losses;
        List<Map<String, Object>> items = page.getList("items");
        String firstItemReason = items.stream().filter(i -> !DECIDED.contains(i.get("outcome")))
                .map(i -> (String) i.get("reason")).findFirst().orElse(null);
        TABLE.add(new FaultTable.Row(order, fault, state, scored, unscored, errors, journal.calls(), journal.maxPerRequest(),
                journal.minGapAfterRetryAfter(), reason != null ? reason : firstItemReason == null ? null : "item: " + firstItemReason));

        // Ends, and says how.
        assertThat(state).as(fault).isIn("COMPLETED", "FAILED");
        assertThat(String.valueOf(reason)).as(fault).doesNotContain("internal error");
        if (scored == 0) {
            assertThat(state).as(fault).isEqualTo("FAILED");
            assertThat(reason).as(fault).startsWith("nothing was scored (").contains("commonest");
        } else {
            assertThat(state).as(fault).isEqualTo("COMPLETED");
        }
        // Every item accounted for, each one not scored with its reason.
        assertThat(scored + unscored + errors).as(fault).isEqualTo(total);
        assertThat(page.getInt("total")).as(fault).isEqualTo(total);
        assertThat(items).as(fault).hasSize(total).allSatisfy(i -> {
            assertThat((String) i.get("outcome")).isIn("WIN", "TIE", "LOSS", "UNSCORED", "ERROR");
            if (!DECIDED.contains(i.get("outcome"))) {
                assertThat((String) i.get("reason")).isNotBlank().doesNotContain("\tat ");
            }
        });
        // Within the retry policy: never more than max-attempts per call, never sooner than Retry-After.
        assertThat(journal.maxPerRequest()).as(fault).isLessThanOrEqualTo(maxAttempts());
        assertThat(journal.retryAfterGaps()).as(fault).allSatisfy(g -> assertThat(g.honoured()).as(g.toString()).isTrue());
        // And nothing in the engine broke on the way.
        assertThat(logSince(logFrom)).as(fault).doesNotContain("ERROR [io.cla");
        return new Outcome(state, reason, scored, losses, unscored, errors, items, journal);
    }

    private int maxAttempts() {
        return runsConfig.maxAttempts();
    }

    // --- stubs and models ---

    private static MappingBuilder chat(String model) {
        return post(urlPathEqualTo("/" + model + "/v1/chat/completions"));
    }

    private static ResponseDefinitionBuilder rateLimited(int retryAfterSeconds) {
        return error(429, "rate limited").withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /** The first {@code events} events of a stream: it stops there, without a finish_reason, usage or [DONE]. */
    private static String truncated(String stream, int events) {
        int at = 0;
        for (int i = 0; i < events; i++) {
            at = stream.indexOf("\n\n", at) + 2;
        }
        return stream.substring(0, at);
    }

    /** For the prompt tagged {@code tag}: the failures in order, then the answer for every later call. */
    private void burst(String model, String tag, List<ResponseDefinitionBuilder> failures, ResponseDefinitionBuilder then) {
        String scenario = model + "-" + tag;
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.size(); i++) {
            String next = "failed-" + (i + 1);
            wm.stubFor(chat(model).inScenario(scenario).whenScenarioStateIs(state).withRequestBody(containing("[" + tag + "]"))
                    .willReturn(failures.get(i)).willSetStateTo(next));
            state = next;
        }
        wm.stubFor(chat(model).inScenario(scenario).whenScenarioStateIs(state).withRequestBody(containing("[" + tag + "]"))
                .willReturn(then));
    }

    private static void define(String name, boolean stream, long timeoutMillis, String baseUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("provider", "openai");
        body.put("baseUrl", baseUrl);
        body.put("model", name + "-model");
        body.put("apiKey", "sk-test-" + name);
        body.put("timeoutMillis", timeoutMillis);
        body.put("maxConcurrency", 16);
        body.put("stream", stream);
        given().contentType(ContentType.JSON).body(body).put("/api/models/" + name).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    // --- the service's log, for errors the API would not show ---

    private static long logSize() {
        try {
            return Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String logSince(long offset) {
        try (RandomAccessFile f = new RandomAccessFile(LOG_FILE.toFile(), "r")) {
            long length = f.length();
            if (length <= offset) {
                return "";
            }
            byte[] tail = new byte[(int) Math.min(length - offset, 4 << 20)];
            f.seek(offset);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
