package io.claimbench.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.cli.CliExitCodesIT.FakeEndpoints;
import io.claimbench.support.JudgeStubs;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compare --regression-margin} against fake endpoints (the candidate a new version, the baseline the one in
 * production): 1 for a regression, 0 when none is shown, 2 when the data cannot tell; the eval set's own claim is
 * reported but does not gate.
 */
@QuarkusMainIntegrationTest
@TestProfile(FakeEndpoints.class)
class RegressionExitCodesIT {

    private final WireMockServer wm = FakeEndpoints.server();

    private static LaunchResult compare(QuarkusMainLauncher launcher, String evalSet, String margin, String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "--format", "json", "-q", "--eval-set", evalSet,
                "--candidate", FakeEndpoints.CANDIDATE, "--baseline", FakeEndpoints.BASELINE, "--no-cache",
                "--regression-margin", margin));
        args.addAll(List.of(more));
        return launcher.launch(args.toArray(String[]::new));
    }

    /** The judge decides the tagged prompts as given; every other prompt of the set is a tie. */
    private void judge(String[][] decided) {
        JudgeStubs.freshContestants(wm);
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A=B")));
        JudgeStubs.byPosition(wm, "judge", decided); // stubbed later: these win over the tie
    }

    private static String[][] won(String... tags) {
        return java.util.Arrays.stream(tags).map(t -> new String[]{t, "A>B", "B>A"}).toArray(String[][]::new);
    }

    private static String[][] lost(String... tags) {
        return java.util.Arrays.stream(tags).map(t -> new String[]{t, "B>A", "A>B"}).toArray(String[][]::new);
    }

    private static String[][] concat(String[][] a, String[][] b) {
        String[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void should_exit_1_when_the_candidate_loses_most_pairs(QuarkusMainLauncher launcher, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        judge(lost("p1", "p2", "p3", "p4", "p5"));
        Path md = dir.resolve("summary.md");
        Path junit = dir.resolve("junit.xml");
        LaunchResult result = compare(launcher, "smoke", "0.03", "--judge", FakeEndpoints.JUDGE, "--seed", "1",
                "--markdown", md.toString(), "--junit", junit.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(1);
        assertThat(result.getOutput()).contains("\"regression\" : {").contains("\"verdict\" : \"REGRESSION\"");
        assertThat(result.getErrorStream()).hasSize(1);
        // five losses and a tie: 0.5 / 6, its bootstrap interval wholly below 0.5 - 0.03
        assertThat(result.getErrorOutput()).matches("claimbench: regression: win rate 0\\.0833 \\[0\\.0000, 0\\.\\d{4}\\] below 0\\.47 \\(n = 6\\)");
        // one row per measure, the win rate's categories after it, in the reports' words
        assertThat(Files.readString(md)).contains("| no regression: win rate >= 0.47 | all | 6 | 0.08333 [0, ")
                .contains("| >= 0.47 | REGRESSION | – |")
                .contains("| no regression: win rate >= 0.47 | alpha | 3 |")
                .contains("| no regression: win rate >= 0.47 | beta | 3 |")
                .doesNotContain("candidate win-rate >= 0.6");
        assertThat(Files.readString(junit)).contains("type=\"regression\"").contains("<property name=\"verdict\" value=\"REGRESSION\"/>");
    }

    @Test
    void should_exit_0_for_a_candidate_level_with_production_only_when_enough_prompts_show_it(QuarkusMainLauncher launcher) {
        // Six prompts, one won, one lost, four ties: level, but the interval reaches below 0.5 - 0.1.
        judge(concat(won("p1"), lost("p2")));
        LaunchResult few = compare(launcher, "smoke", "0.1", "--judge", FakeEndpoints.JUDGE, "--seed", "2");
        assertThat(few.exitCode()).as(few.getErrorOutput()).isEqualTo(2);
        assertThat(few.getErrorOutput()).startsWith("claimbench: inconclusive: regression neither shown nor ruled out: win rate 0.5000 [")
                .contains("(n = 6) across 0.4").endsWith("(more pairs, or --inconclusive pass to accept)");
        assertThat(compare(launcher, "smoke", "0.1", "--judge", FakeEndpoints.JUDGE, "--seed", "2", "--inconclusive", "pass").exitCode())
                .isZero();

        // Forty prompts in the same proportions (five won, five lost): the interval clears 0.4. The eval set's own
        // claim (win rate > 0.5) stays inconclusive, and is reported without gating.
        judge(concat(won("m01", "m02", "m03", "m04", "m05"), lost("m06", "m07", "m08", "m09", "m10")));
        LaunchResult many = compare(launcher, "many", "0.1", "--judge", FakeEndpoints.JUDGE, "--seed", "2");
        assertThat(many.exitCode()).as(many.getErrorOutput()).isZero();
        assertThat(many.getErrorOutput()).isEmpty();
        assertThat(many.getOutput()).containsPattern("\"bar\" : 0\\.4,\\s+\"verdict\" : \"NO_REGRESSION\"")
                .containsPattern("\"verdict\" : \"NO_REGRESSION\",\\s+\"pValue\" : null")
                .contains("\"verdict\" : \"INCONCLUSIVE\"");
    }

    @Test
    void should_exit_1_when_exact_answers_regress_and_name_each_measure_that_did(QuarkusMainLauncher launcher) {
        wm.resetAll();
        // Gold answers W, Paris, 42, Jupiter: the baseline knows them all, the candidate none.
        String[][] answers = {{"f1", "W", "Mo"}, {"f2", "Paris", "Lyon"}, {"f3", "42", "41"}, {"f4", "Jupiter", "Saturn"}};
        for (String[] a : answers) {
            wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).withRequestBody(containing("[" + a[0] + "]"))
                    .willReturn(answer("The answer is " + a[2] + ".")));
            wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).withRequestBody(containing("[" + a[0] + "]"))
                    .willReturn(answer("The answer is " + a[1] + ".")));
        }
        LaunchResult result = compare(launcher, "facts", "0.03");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(1);
        // Newcombe, 4 only the baseline right: [-1, -1 + sqrt(2) x (1 - Wilson lower of 4/4 = .5101)]
        assertThat(result.getErrorOutput()).isEqualTo("claimbench: regression: win rate 0.0000 [0.0000, 0.0000] below 0.47 (n = 4); "
                + "accuracy difference -1.0000 [-1.0000, -0.3072] below -0.03 (n = 4)");
        // McNemar beside it: 0 against 4 discordant, p = 2 / 16
        assertThat(result.getOutput()).containsPattern("\"metric\" : \"accuracy-difference\",[^}]+\\}[^}]*\"pValue\" : 0\\.125\\d*,");
    }

    @Test
    void should_exit_3_for_a_margin_out_of_range(QuarkusMainLauncher launcher) {
        LaunchResult result = compare(launcher, "smoke", "0.5", "--judge", FakeEndpoints.JUDGE);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).isEqualTo("claimbench: --regression-margin: margin must be at least 0 and below 0.5");
    }
}
