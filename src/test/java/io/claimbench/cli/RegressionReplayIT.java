package io.claimbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.EqBenchV2Scorer;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Regression mode on the shipped EQ-Bench v2 recordings, with the benchmark score's paired interval computed here
 * from the published answers, apart from the service.
 */
@QuarkusMainIntegrationTest
@TestProfile(CliIT.ShippedCatalog.class)
class RegressionReplayIT {

    private static final Path DIR = Path.of("eval-sets/public/eq-bench-v2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode compare(QuarkusMainLauncher launcher, String candidate, String baseline, int exitCode)
            throws IOException {
        LaunchResult result = launcher.launch("compare", "--format", "json", "-q", "--eval-set", "eq-bench-v2", "--candidate", candidate,
                "--baseline", baseline, "--regression-margin", "0.03");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(exitCode);
        return JSON.readTree(result.getOutput());
    }

    private static JsonNode measure(JsonNode doc, String metric) {
        for (JsonNode m : doc.path("regression").path("measures")) {
            if (m.path("metric").asText().equals(metric)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + metric + " in " + doc.path("regression"));
    }

    @Test
    void should_show_no_regression_of_gpt_4_1106_preview_against_gpt_4_0613(QuarkusMainLauncher launcher) throws IOException {
        JsonNode doc = compare(launcher, "gpt-4-1106-preview", "gpt-4-0613", 0);
        assertThat(doc.at("/regression/verdict").asText()).isEqualTo("NO_REGRESSION");
        JsonNode win = measure(doc, "win-rate");
        // the interval of the claim's verdict, [0.5058, 0.6433], lies above 0.47
        assertThat(win.path("interval")).isEqualTo(doc.at("/overall/winRate/interval"));
        assertThat(win.at("/interval/lower").asDouble()).isCloseTo(0.5057748, within(1e-7));
        assertThat(win.path("verdict").asText()).isEqualTo("NO_REGRESSION");
        Expected e = expected("gpt-4-1106-preview", "gpt-4-0613");
        JsonNode score = measure(doc, "benchmark-score-difference");
        assertScore(score, e);
        assertThat(score.path("verdict").asText()).isEqualTo("NO_REGRESSION");
        // the eval set's claim is reported beside it, as before
        assertThat(doc.at("/overall/verdict").asText()).isEqualTo("SUPPORTED");
    }

    @Test
    void should_report_what_the_data_says_with_the_models_swapped(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult result = launcher.launch("compare", "--format", "json", "-q", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-0613",
                "--baseline", "gpt-4-1106-preview", "--regression-margin", "0.03");
        // The older model as the new version: its win rate 0.4269 [0.3567, 0.4942] reaches above 0.47, and its
        // score, 1.27 points lower, has an interval reaching below -0.03 x 86.05 = -2.58 and above: neither settles.
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(2);
        assertThat(result.getErrorOutput()).isEqualTo("claimbench: inconclusive: regression neither shown nor ruled out: "
                + "win rate 0.4269 [0.3567, 0.4942] (n = 171) across 0.47; "
                + "benchmark score difference -1.2666 [-3.4437, 0.9105] (n = 171) across -2.582 "
                + "(more pairs, or --inconclusive pass to accept)");
        JsonNode doc = JSON.readTree(result.getOutput());
        Expected e = expected("gpt-4-0613", "gpt-4-1106-preview");
        JsonNode score = measure(doc, "benchmark-score-difference");
        assertScore(score, e);
        assertThat(e.upper).isGreaterThan(-0.03 * e.baselineMean).isPositive();
        assertThat(e.lower).isLessThan(-0.03 * e.baselineMean);
        assertThat(score.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        JsonNode win = measure(doc, "win-rate");
        assertThat(win.path("value").asDouble()).isCloseTo(73.0 / 171, within(1e-12)); // 63 wins and 20 ties of 171
        assertThat(win.path("interval")).isEqualTo(doc.at("/overall/winRate/interval"));
        assertThat(win.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(doc.at("/regression/verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(doc.at("/overall/verdict").asText()).isEqualTo("REFUTED"); // reported, not gating

        // Held to a margin of 0.005 the win rate's interval lies wholly below 0.495: a regression.
        LaunchResult tight = launcher.launch("compare", "--format", "json", "-q", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-0613",
                "--baseline", "gpt-4-1106-preview", "--regression-margin", "0.005");
        assertThat(tight.exitCode()).as(tight.getErrorOutput()).isEqualTo(1);
        assertThat(tight.getErrorOutput()).isEqualTo("claimbench: regression: win rate 0.4269 [0.3567, 0.4942] below 0.495 (n = 171)");
    }

    private static void assertScore(JsonNode score, Expected e) {
        assertThat(score.path("n").asLong()).isEqualTo(e.n);
        assertThat(score.path("value").asDouble()).isCloseTo(e.mean, within(1e-9));
        assertThat(score.path("baselineMean").asDouble()).isCloseTo(e.baselineMean, within(1e-9));
        assertThat(score.path("bar").asDouble()).isCloseTo(-0.03 * Math.abs(e.baselineMean), within(1e-9));
        assertThat(score.at("/interval/lower").asDouble()).isCloseTo(e.lower, within(1e-9));
        assertThat(score.at("/interval/upper").asDouble()).isCloseTo(e.upper, within(1e-9));
    }

    /** The paired benchmark score difference from the published answers: mean, 95% normal interval, n. */
    private record Expected(long n, double mean, double lower, double upper, double baselineMean) {
    }

    private static Expected expected(String candidate, String baseline) throws IOException {
        Map<String, Double> c = benchmarkValues(candidate);
        Map<String, Double> b = benchmarkValues(baseline);
        List<Double> diffs = new ArrayList<>();
        double baseSum = 0;
        for (Map.Entry<String, Double> e : c.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                diffs.add(e.getValue() - other);
                baseSum += other;
            }
        }
        int n = diffs.size();
        double mean = diffs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = diffs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
        double se = Math.sqrt(ss / (n - 1) / n);
        return new Expected(n, mean, mean - 1.959963984540054 * se, mean + 1.959963984540054 * se, baseSum / n);
    }

    /** Each question's EQ-Bench v2 score x 10 in the model's better pass (by mean over all its answers). */
    private static Map<String, Double> benchmarkValues(String model) throws IOException {
        JsonNode questions = JSON.readTree(DIR.resolve("eq_bench_v2_questions_171.json").toFile());
        JsonNode raw = JSON.readTree(DIR.resolve(model + "_eqbench_v2_results.json").toFile());
        JsonNode inference = raw.get("raw_results").elements().next().get("raw_inference");
        EqBenchV2Scorer scorer = new EqBenchV2Scorer();
        Map<String, Map<String, Double>> parts = new HashMap<>();
        for (var it = inference.fields(); it.hasNext(); ) {
            var e = it.next();
            AnswerScore s = scorer.score(JSON.writeValueAsString(questions.get(e.getKey()).get("reference_answer_fullscale")),
                    e.getValue().asText());
            if (s instanceof AnswerScore.Scored scored) {
                parts.put(e.getKey(), scored.parts());
            }
        }
        String pass = mean(parts, "revised") > mean(parts, "first_pass") ? "revised" : "first_pass";
        Map<String, Double> values = new HashMap<>();
        parts.forEach((q, p) -> {
            if (p.containsKey(pass)) {
                values.put(q, 10 * p.get(pass));
            }
        });
        return values;
    }

    private static double mean(Map<String, Map<String, Double>> parts, String pass) {
        return parts.values().stream().filter(p -> p.containsKey(pass)).mapToDouble(p -> p.get(pass)).average().orElse(-1);
    }
}
