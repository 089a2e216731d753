package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.claimbench.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server, stopped in the middle of a 40-prompt run and started again on the same database: the run
 * finishes. Stopped with SIGTERM, no prompt is generated twice; killed with SIGKILL, only the calls that were
 * in flight at the kill (at most the run's concurrency) and, on the embedded database, the items that were waiting
 * to be committed with others ({@code claimbench.runs.record-linger}; at most the run's concurrency again) are made
 * again: exactly the prompts generated and not recorded before the kill, and every item seen done before the kill is
 * still recorded after it (the file, opened after the kill, lost nothing; see {@code EmbeddedFileHousekeeping} on
 * H2's retention time).
 */
class RestartIT {

    private static final int PROMPTS = 40;
    private static final int CONCURRENCY = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer wm;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        wm = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        wm.start();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE answer").withFixedDelay(250)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE answer").withFixedDelay(250)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A>B").withFixedDelay(50)));
        dir = Files.createTempDirectory(Path.of("target"), "restart-it");
    }

    @AfterEach
    void tearDown() {
        wm.stop();
    }

    private Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        for (String m : List.of("cand", "base", "judge")) {
            c.put("claimbench.models." + m + ".provider", "openai");
            c.put("claimbench.models." + m + ".base-url", wm.baseUrl() + "/" + m + "/v1");
            c.put("claimbench.models." + m + ".model", m + "-model");
            c.put("claimbench.models." + m + ".api-key", "sk-it-" + m);
        }
        return c;
    }

    @Test
    void should_finish_after_sigterm_without_generating_any_prompt_twice() throws Exception {
        String runId = stopMidRun(false).runId();
        assertThat(resumeAndFinish(runId)).isEqualTo("COMPLETED");
        assertThat(requestsPerPrompt("/cand/")).hasSize(PROMPTS).allSatisfy((prompt, n) -> assertThat(n).isEqualTo(1));
        assertThat(requestsPerPrompt("/base/")).hasSize(PROMPTS).allSatisfy((prompt, n) -> assertThat(n).isEqualTo(1));
        assertThat(requestsPerPrompt("/judge/").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * PROMPTS);
    }

    @Test
    void should_finish_after_sigkill_repeating_only_the_calls_in_flight() throws Exception {
        Stop stop = stopMidRun(true);
        assertThat(resumeAndFinish(stop.runId())).isEqualTo("COMPLETED");
        Map<String, Long> cand = requestsPerPrompt("/cand/");
        assertThat(cand).hasSize(PROMPTS).allSatisfy((prompt, n) -> assertThat(n).isBetween(1L, 2L));
        long repeated = cand.values().stream().filter(n -> n > 1).count();
        Map<String, Long> before = requestsPerPrompt("/cand/", stop.at());
        long recordedBefore = recordedBefore(stop.runId(), stop.at());
        System.out.printf("RestartIT: before the SIGKILL %d prompts were generated and %d items recorded (%d seen done); "
                + "after it, %d of %d prompts were generated again%n", before.size(), recordedBefore, stop.done(), repeated, PROMPTS);
        assertThat(before.values()).as("generated twice before the kill").allSatisfy(n -> assertThat(n).isEqualTo(1L));
        assertThat(recordedBefore).as("recorded before the kill, and kept").isGreaterThanOrEqualTo(stop.done());
        assertThat(repeated).as("generated again: exactly those generated and not recorded before the kill")
                .isEqualTo(before.size() - recordedBefore);
        assertThat(repeated).as("calls in flight, and items waiting to be committed").isLessThan(2L * CONCURRENCY);
    }

    /** How the first server was stopped: its run, when it had exited, and how many items it was last seen to have done. */
    private record Stop(String runId, Instant at, int done) {
    }

    private Stop stopMidRun(boolean kill) throws Exception {
        try (ServerProcess server = ServerProcess.start(config(), dir.resolve("first.log"))) {
            var created = server.post("/api/runs", "{\"evalSet\":\"everyday\",\"candidate\":\"cand\",\"baseline\":\"base\","
                    + "\"judge\":\"judge\",\"concurrency\":" + CONCURRENCY + ",\"seed\":7}");
            assertThat(created.statusCode()).isEqualTo(202);
            String runId = JSON.readTree(created.body()).get("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int done;
            while ((done = progress(server, runId).get("done").asInt()) < 8) {
                assertThat(System.nanoTime()).as("run did not progress").isLessThan(deadline);
                Thread.sleep(50);
            }
            if (kill) {
                server.kill();
            } else {
                server.stop();
            }
            Instant at = Instant.now(); // it has exited: what reached the stub or the file before this came from it
            assertThat(wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/cand/")).count())
                    .as("stopped mid-run").isLessThan(PROMPTS);
            return new Stop(runId, at, done);
        }
    }

    private String resumeAndFinish(String runId) throws Exception {
        try (ServerProcess server = ServerProcess.start(config(), dir.resolve("second.log"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                JsonNode run = JSON.readTree(server.get("/api/runs/" + runId).body());
                String state = run.get("state").asText();
                if (!state.equals("RUNNING") && !state.equals("QUEUED")) {
                    JsonNode results = JSON.readTree(server.get("/api/runs/" + runId + "/results").body());
                    assertThat(results.at("/overall/counts/wins").asInt() + results.at("/overall/counts/ties").asInt()
                            + results.at("/overall/counts/losses").asInt()).isEqualTo(PROMPTS);
                    server.stop();
                    return state;
                }
                assertThat(System.nanoTime()).as("run did not finish after restart").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static JsonNode progress(ServerProcess server, String runId) throws Exception {
        return JSON.readTree(server.get("/api/runs/" + runId).body()).get("progress");
    }

    /** How many times each distinct request body (one per prompt) reached a model. */
    private Map<String, Long> requestsPerPrompt(String prefix) {
        return requestsPerPrompt(prefix, Instant.MAX);
    }

    /** ... before {@code until}. */
    private Map<String, Long> requestsPerPrompt(String prefix, Instant until) {
        return wm.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith(prefix) && r.getLoggedDate().toInstant().isBefore(until))
                .collect(Collectors.groupingBy(r -> r.getBodyAsString(), Collectors.counting()));
    }

    /** The run's items recorded before {@code until}, read from the embedded file once both servers have stopped. */
    private long recordedBefore(String runId, Instant until) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db"), "sa", "");
             PreparedStatement q = c.prepareStatement("select count(*) from comparison where run_id = ? and created_at < ?")) {
            q.setString(1, runId);
            q.setObject(2, until.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
