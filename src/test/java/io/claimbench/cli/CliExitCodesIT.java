package io.claimbench.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.PackagedCli;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.claimbench.support.OpenAiStubs.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compare}'s exit codes against fake endpoints, on the test catalog's {@code smoke} set (claim: win rate >= 0.6
 * over six prompts): inconclusive 2 (0 when it may pass), infrastructure 4 for an endpoint that is not there (nothing
 * scored: the run fails) and for a run over its error budget.
 */
@QuarkusMainIntegrationTest
@TestProfile(CliExitCodesIT.FakeEndpoints.class)
class CliExitCodesIT {

    /**
     * Fake endpoints for the packaged application: they outlive each launch (every command is a process of its own),
     * so they are started here, in the test JVM, once. The models have names of their own ({@link #CANDIDATE},
     * {@link #BASELINE}, {@link #JUDGE}; their paths are still {@code /cand}, {@code /base} and {@code /judge}, as
     * {@link JudgeStubs} stubs them): the launcher hands the application the global test resource's settings for
     * {@code cand}, {@code base} and {@code judge} over a profile's, pointing them at a WireMock of its own.
     */
    public static class FakeEndpoints implements QuarkusTestProfile {

        static final String CANDIDATE = "newer";
        static final String BASELINE = "older";
        static final String JUDGE = "referee";
        private static WireMockServer server;

        static synchronized WireMockServer server() {
            if (server == null) {
                server = new WireMockServer(wireMockConfig().dynamicPort());
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            }
            return server;
        }

        /**
         * The CLI's own profile, as in production: the launcher refuses a runtime profile that sets a build-time
         * property (%test sets the datasource's kind).
         */
        @Override
        public String getConfigProfile() {
            return "cli";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>(Map.of("claimbench.catalog.eval-sets-dir", "src/test/resources/catalog/eval-sets",
                    "claimbench.catalog.validate-on-start", "true", "claimbench.runs.backoff-base", "50ms"));
            c.putAll(Map.of("claimbench.runs.resume-on-start", "false",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:cli-exit;DB_CLOSE_DELAY=-1",
                    // An OpenAI-compatible endpoint on a local port nothing listens on.
                    "claimbench.models.closed.provider", "openai",
                    "claimbench.models.closed.model", "closed-model",
                    "claimbench.models.closed.base-url", "http://127.0.0.1:1/v1",
                    "claimbench.models.closed.api-key", "sk-test-closed",
                    "claimbench.models.closed.timeout", "2s"));
            String[][] models = {{CANDIDATE, "cand"}, {BASELINE, "base"}, {JUDGE, "judge"}};
            for (String[] m : models) {
                String p = "claimbench.models." + m[0] + ".";
                c.put(p + "provider", "openai");
                c.put(p + "model", m[1] + "-model");
                c.put(p + "base-url", server().baseUrl() + "/" + m[1] + "/v1");
                c.put(p + "api-key", "sk-test-" + m[1]);
            }
            return PackagedCli.asShipped(c);
        }
    }

    /** Two wins, two losses, two ties: a win rate of 0.5 whose interval spans 0.6. */
    private static final String[][] SPLIT = {{"p1", "A>B", "B>A"}, {"p2", "B>A", "A>B"}, {"p3", "A>B", "B>A"},
            {"p4", "B>A", "A>B"}, {"p5", "A=B", "A=B"}, {"p6", "A=B", "A=B"}};

    private final WireMockServer wm = FakeEndpoints.server();

    @BeforeEach
    void stubs() {
        JudgeStubs.freshContestants(wm);
        JudgeStubs.byPosition(wm, "judge", SPLIT);
    }

    private static LaunchResult compare(QuarkusMainLauncher launcher, String candidate, long seed, String... more) {
        String[] base = {"compare", "--eval-set", "smoke", "--candidate", candidate, "--baseline", FakeEndpoints.BASELINE,
                "--judge", FakeEndpoints.JUDGE,
                "--seed", Long.toString(seed), "--no-cache", "--format", "json", "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return launcher.launch(args);
    }

    @Test
    void should_exit_2_when_the_claim_is_not_settled_and_0_when_inconclusive_may_pass(QuarkusMainLauncher launcher) {
        LaunchResult fail = compare(launcher, FakeEndpoints.CANDIDATE, 1);
        assertThat(fail.exitCode()).as(fail.getErrorOutput()).isEqualTo(2);
        assertThat(fail.getOutput()).contains("\"verdict\" : \"INCONCLUSIVE\"");
        assertThat(fail.getErrorStream()).hasSize(1);
        assertThat(fail.getErrorOutput()).startsWith("claimbench: inconclusive: candidate win-rate >= 0.6 against the baseline: 0.5000 [")
                .contains("(n = 6)").endsWith("(more pairs, or --inconclusive pass to accept)");

        LaunchResult pass = compare(launcher, FakeEndpoints.CANDIDATE, 2, "--inconclusive", "pass");
        assertThat(pass.exitCode()).as(pass.getErrorOutput()).isZero();
        assertThat(pass.getErrorOutput()).isEmpty();

        assertThat(compare(launcher, FakeEndpoints.CANDIDATE, 3, "--inconclusive", "maybe").exitCode()).isEqualTo(3);
    }

    @Test
    void should_show_progress_on_stderr_and_end_it_before_the_line_that_says_why(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("compare", "--eval-set", "smoke", "--candidate", FakeEndpoints.CANDIDATE,
                "--baseline", FakeEndpoints.BASELINE, "--judge", FakeEndpoints.JUDGE, "--seed", "6", "--no-cache");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(2);
        // stdout: the table (and, in this test profile, the application's log), never the progress
        assertThat(result.getOutput()).containsPattern("all +6 +0\\.5 \\[.*] +>= 0\\.6 +INCONCLUSIVE\n")
                .doesNotContain("6/6 items").doesNotContain("\"verdict\"");
        java.util.List<String> err = result.getErrorStream();
        assertThat(err).hasSizeGreaterThanOrEqualTo(2);
        assertThat(err.get(err.size() - 2)).startsWith("smoke newer vs older: COMPLETED, 6/6 items, 2 won 2 tied 2 lost, 0 errors");
        assertThat(err.get(err.size() - 1)).startsWith("claimbench: inconclusive: ");
    }

    @Test
    void should_fail_a_run_that_scored_nothing_and_exit_4(QuarkusMainLauncher launcher) {
        LaunchResult result = compare(launcher, "closed", 4);
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(4);
        assertThat(result.getOutput()).contains("\"state\" : \"FAILED\"");
        assertThat(result.getErrorStream()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("claimbench: run ").contains(" ended FAILED: nothing was scored (6 of 6 items failed")
                .contains("commonest error (6): candidate:");
    }

    @Test
    void should_exit_4_when_more_items_failed_than_the_error_budget_allows(QuarkusMainLauncher launcher) {
        // One prompt of six keeps failing once the candidate has answered others: 1/6 > 0.1.
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).atPriority(1).withRequestBody(containing("[p6]"))
                .willReturn(error(503, "overloaded")));
        LaunchResult result = compare(launcher, FakeEndpoints.CANDIDATE, 5, "--concurrency", "1", "--inconclusive", "pass");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(4);
        assertThat(result.getOutput()).contains("\"state\" : \"COMPLETED\"").contains("\"errorBudgetExceeded\" : true");
        assertThat(result.getErrorOutput()).startsWith("claimbench: run ")
                .contains("1 of 6 items failed, more than the error budget allows");
    }
}
