package io.claimbench.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.JudgeStubs;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} on specs written as a user would, in a folder of their own: models defined inline (pointing at fake
 * endpoints), an eval set and a judge template of their own beside the shipped ones, several claims and candidates;
 * one exit code for the whole, the same codes as {@code compare}.
 */
@QuarkusMainIntegrationTest
@TestProfile(CliExitCodesIT.FakeEndpoints.class)
class CheckCommandIT {

    /** The candidate's answer wins in both orders on every prompt of the user's eval set. */
    private static final String[][] CANDIDATE_WINS = {{"w1", "A>B", "B>A"}, {"w2", "A>B", "B>A"}, {"w3", "A>B", "B>A"},
            {"w4", "A>B", "B>A"}, {"w5", "A>B", "B>A"}, {"w6", "A>B", "B>A"}};
    /** Two wins, two losses, two ties on the test catalog's smoke set (claim: >= 0.6): not settled. */
    private static final String[][] SPLIT = {{"p1", "A>B", "B>A"}, {"p2", "B>A", "A>B"}, {"p3", "A>B", "B>A"},
            {"p4", "B>A", "A>B"}, {"p5", "A=B", "A=B"}, {"p6", "A=B", "A=B"}};

    private final WireMockServer wm = CliExitCodesIT.FakeEndpoints.server();

    @TempDir
    Path repo;

    @BeforeEach
    void userRepository() throws IOException {
        JudgeStubs.freshContestants(wm);
        JudgeStubs.byPosition(wm, "judge", CANDIDATE_WINS);
        JudgeStubs.byPosition(wm, "judge", SPLIT);
        Files.createDirectories(repo.resolve("evals"));
        StringBuilder prompts = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            prompts.append("  - {id: t").append(i).append(", category: ").append(i <= 3 ? "billing" : "login")
                    .append(", text: \"[w").append(i).append("] Customer question ").append(i).append("\"}\n");
        }
        Files.writeString(repo.resolve("evals/support.yaml"), """
                id: support
                title: Support answers
                claim: {quote: "v2 answers support tickets better", source: "our roadmap"}
                hypothesis: {metric: win-rate, comparator: ">", threshold: 0.5}
                scorer: pairwise-judge
                judge-template: support-judge
                categories: [billing, login]
                prompts:
                """ + prompts);
        Files.createDirectories(repo.resolve("judging/judges"));
        Files.copy(Path.of("prompts/judges/everyday.md"), repo.resolve("judging/judges/support-judge.md"));
    }

    private String models() {
        String url = wm.baseUrl();
        return """
                models:
                  v2: {provider: openai, model: support-v2, base-url: "%s/cand/v1", price-input-per-million: 1, price-output-per-million: 2}
                  v2b: {provider: openai, model: support-v2b, base-url: "%s/cand/v1"}
                  prod: {provider: openai, model: support-v1, base-url: "%s/base/v1"}
                  grader: {provider: openai, model: grader, base-url: "%s/judge/v1"}
                  down: {provider: openai, model: down, base-url: "http://127.0.0.1:1/v1", timeout: 2s}
                eval-sets: [evals]
                prompts: judging
                """.formatted(url, url, url, url);
    }

    private LaunchResult check(QuarkusMainLauncher launcher, String claims, String... more) throws IOException {
        Files.writeString(repo.resolve("claimbench.yaml"), models() + claims);
        String[] base = {"check", "--spec", repo.resolve("claimbench.yaml").toString(), "--format", "json", "-q"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return launcher.launch(args);
    }

    @Test
    void should_exit_0_when_the_spec_claim_is_supported_on_the_users_own_eval_set_and_template(QuarkusMainLauncher launcher)
            throws IOException {
        LaunchResult r = check(launcher, """
                claims:
                  - {name: v2 beats prod, eval-set: support, candidate: v2, baseline: prod, judge: grader, seed: 1}
                """, "--junit", repo.resolve("junit.xml").toString(), "--markdown", repo.resolve("summary.md").toString());
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getErrorOutput()).isEmpty();
        assertThat(r.getOutput()).contains("\"evalSet\" : \"support\"").contains("\"verdict\" : \"SUPPORTED\"");
        assertThat(Files.readString(repo.resolve("junit.xml"))).contains("support").contains("testcase");
        assertThat(Files.readString(repo.resolve("summary.md"))).contains("| SUPPORTED |").contains("billing").contains("login");
    }

    @Test
    void should_exit_with_the_most_serious_verdict_of_several_claims_and_candidates(QuarkusMainLauncher launcher)
            throws IOException {
        LaunchResult r = check(launcher, """
                claims:
                  - name: support
                    eval-set: support
                    candidates: [v2, v2b]
                    baseline: prod
                    judge: grader
                  - {name: backwards, eval-set: support, candidate: prod, baseline: v2, judge: grader}
                  - {name: smoke, eval-set: smoke, candidate: v2, baseline: prod, judge: grader, seed: 3}
                inconclusive: pass
                """, "--junit", repo.resolve("junit.xml").toString());
        // v2 and v2b win; prod loses every pair against v2 (refuted); smoke is not settled but may pass.
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(1);
        assertThat(r.getErrorStream()).hasSize(1);
        assertThat(r.getErrorOutput()).startsWith("claimbench: backwards (prod vs v2): refuted: ");
        String junit = Files.readString(repo.resolve("junit.xml"));
        // A test case per claim x candidate x category: (whole set + 2 categories) x 4 runs.
        assertThat(junit.split("<testcase ", -1)).hasSize(13);
        assertThat(junit).contains("v2b");
        assertThat(junit).contains("<skipped");

        LaunchResult strict = check(launcher, """
                claims:
                  - {name: smoke, eval-set: smoke, candidate: v2, baseline: prod, judge: grader, seed: 4}
                """);
        assertThat(strict.exitCode()).as(strict.getErrorOutput()).isEqualTo(2);
        assertThat(check(launcher, """
                claims:
                  - {name: smoke, eval-set: smoke, candidate: v2, baseline: prod, judge: grader, seed: 5}
                """, "--inconclusive", "pass").exitCode()).isZero();
    }

    @Test
    void should_exit_3_with_file_line_and_field_for_a_bad_spec_and_start_no_run(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = check(launcher, """
                claims:
                  - eval-set: support
                    candidate: v2
                    baseline: prod
                    judge: grader
                    samples: 2.5
                    judgez: x
                """);
        assertThat(r.exitCode()).isEqualTo(3);
        String spec = repo.resolve("claimbench.yaml").toString();
        assertThat(r.getErrorOutput()).contains("claimbench: invalid spec:")
                .contains(spec + ":14: 'samples' must be a whole number, was '2.5'")
                .contains(spec + ":15: unknown field 'judgez' (expected one of [baseline, cache, candidate, candidates, ");

        LaunchResult unknown = check(launcher, """
                claims:
                  - {eval-set: support, candidate: v3, baseline: prod, judge: grader}
                """);
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.getErrorOutput()).contains(spec + ":10: unknown model 'v3'");
        assertThat(wm.getAllServeEvents()).isEmpty();

        LaunchResult missing = launcher.launch("check", "--spec", repo.resolve("nothing.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.getErrorOutput()).contains("nothing.yaml: no such file");
    }

    @Test
    void should_exit_4_when_an_endpoint_is_down(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = check(launcher, """
                claims:
                  - {eval-set: support, candidate: down, baseline: prod, judge: grader}
                """);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(4);
        assertThat(r.getErrorOutput()).contains("support (down vs prod): run ").contains("ended FAILED");
    }

    @Test
    void should_give_compares_codes_on_the_shipped_recordings(QuarkusMainLauncher launcher) throws IOException {
        Path spec = repo.resolve("recorded.yaml");
        Files.writeString(spec, """
                claims:
                  - {eval-set: eq-bench-v2, candidate: gpt-4-1106-preview, baseline: gpt-4-0613}
                """);
        LaunchResult ok = launcher.launch("check", "--spec", spec.toString(), "--format", "json");
        assertThat(ok.exitCode()).as(ok.getErrorOutput()).isZero();
        assertThat(ok.getOutput()).contains("\"mean\" : 86.05392151301743");
        // Without -q, each run's progress on stderr (plain lines when not a terminal), and nothing else.
        assertThat(ok.getErrorOutput()).contains("eq-bench-v2 gpt-4-1106-preview vs gpt-4-0613: COMPLETED, 171/171 items")
                .doesNotContain("claimbench:");
        Files.writeString(spec, """
                claims:
                  - {eval-set: eq-bench-v2, candidate: gpt-4-0613, baseline: gpt-4-1106-preview}
                """);
        LaunchResult refuted = launcher.launch("check", "--spec", spec.toString(), "--format", "json");
        assertThat(refuted.exitCode()).as(refuted.getErrorOutput()).isEqualTo(1);

        // Regression mode from the spec: swapped, the older model is not shown worse by 0.03 (2), but is by 0.005 (1).
        Files.writeString(spec, """
                claims:
                  - {eval-set: eq-bench-v2, candidate: gpt-4-0613, baseline: gpt-4-1106-preview, regression: {margin: 0.03}}
                """);
        LaunchResult open = launcher.launch("check", "--spec", spec.toString(), "--format", "json");
        assertThat(open.exitCode()).as(open.getErrorOutput()).isEqualTo(2);
        assertThat(open.getOutput()).contains("\"regression\" : {");
        Files.writeString(spec, """
                claims:
                  - {eval-set: eq-bench-v2, candidate: gpt-4-0613, baseline: gpt-4-1106-preview, regression: {margin: 0.005}}
                """);
        LaunchResult regressed = launcher.launch("check", "--spec", spec.toString(), "--format", "json");
        assertThat(regressed.exitCode()).as(regressed.getErrorOutput()).isEqualTo(1);
        assertThat(regressed.getErrorOutput()).contains("regression: win rate 0.4269");
    }
}
