package io.claimbench.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.judging.ExternalVerdicts;
import io.claimbench.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics against the figures their authors published (formulas and figures in data/SOURCES.md). */
class PublishedFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "gpt-3.5-turbo-1106, 9.177965, 0.890412, 64, 4, 8.198758, 796",
            "gpt4_0613_concise, 9.400321, 0.901021, 71, 5, 9.130435, 627"})
    void should_reproduce_alpaca_eval_figures(String model, double winRate, double se, long wins, long draws,
                                              double discrete, int avgLength) throws IOException {
        Path dir = SharedData.require("alpaca_eval/results/" + model);
        JsonNode annotations = JSON.readTree(dir.resolve("weighted_alpaca_eval_gpt4_turbo/annotations.json").toFile());
        List<Double> shares = new ArrayList<>();
        for (JsonNode a : annotations) {
            JsonNode p = a.get("preference");
            Double preference = p == null || p.isNull() ? null : Double.valueOf(p.asText());
            ExternalVerdicts.alpacaEvalShare(preference).ifPresent(shares::add);
        }
        WinShareSummary s = WinShareSummary.of(shares.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(100 * s.mean()).isCloseTo(winRate, within(1e-6));
        assertThat(100 * s.standardError()).isCloseTo(se, within(1e-6));
        assertThat(s.wins()).isEqualTo(wins);
        assertThat(s.draws()).isEqualTo(draws);
        assertThat(100 * s.discrete()).isCloseTo(discrete, within(1e-6));

        JsonNode outputs = JSON.readTree(dir.resolve("model_outputs.json").toFile());
        long chars = 0;
        for (JsonNode o : outputs) {
            String text = o.get("output").asText();
            chars += text.codePointCount(0, text.length()); // Python's len: code points
        }
        assertThat((int) (chars / (double) outputs.size())).isEqualTo(avgLength);
    }

    @Test
    void should_reproduce_pandalm_annotator_agreement_and_majority_labels() throws IOException {
        JsonNode items = JSON.readTree(SharedData.require("pandalm/data/testset-v1.json").toFile());
        List<List<Integer>> raters = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<Integer, Integer> majority = new HashMap<>();
        for (JsonNode item : items) {
            int[] votes = new int[3];
            for (int r = 0; r < 3; r++) {
                votes[r] = item.get("annotator" + (r + 1)).asInt();
                raters.get(r).add(votes[r]);
            }
            Integer m = votes[0] == votes[1] || votes[0] == votes[2] ? votes[0] : votes[1] == votes[2] ? votes[1] : null;
            if (m != null) {
                majority.merge(m, 1, Integer::sum);
            }
        }
        assertThat(Agreement.of(raters.get(0), raters.get(1), 0).kappa()).isCloseTo(0.85, within(0.005));
        assertThat(Agreement.of(raters.get(0), raters.get(2), 0).kappa()).isCloseTo(0.88, within(0.005));
        assertThat(Agreement.of(raters.get(1), raters.get(2), 0).kappa()).isCloseTo(0.86, within(0.005));
        assertThat(majority).containsExactlyInAnyOrderEntriesOf(Map.of(0, 105, 1, 422, 2, 472));
    }

    @Test
    void should_compute_agreement_and_kappa_on_a_hand_case() {
        // 10 items: agree on 7; marginals A = (5 x, 5 y), B = (6 x, 4 y): pe = 0.5*0.6 + 0.5*0.4 = 0.5
        List<String> a = List.of("x", "x", "x", "x", "x", "y", "y", "y", "y", "y");
        List<String> b = List.of("x", "x", "x", "x", "y", "x", "x", "y", "y", "y");
        Agreement.Result r = Agreement.of(a, b, "tie");
        assertThat(r.n()).isEqualTo(8 + 2);
        assertThat(r.raw()).isCloseTo(0.7, within(1e-12));
        assertThat(r.kappa()).isCloseTo((0.7 - 0.5) / 0.5, within(1e-12));
        List<String> withGaps = new ArrayList<>(a);
        withGaps.set(0, null);
        assertThat(Agreement.of(withGaps, b, "tie").n()).isEqualTo(9);
    }

    @Test
    void should_summarise_win_shares_and_be_empty_without_any() {
        WinShareSummary s = WinShareSummary.of(new double[]{1, 0.5, 0, 0.9});
        assertThat(s.mean()).isCloseTo(0.6, within(1e-12));
        assertThat(s.wins()).isEqualTo(2);
        assertThat(s.draws()).isEqualTo(1);
        assertThat(s.losses()).isEqualTo(1);
        assertThat(s.discrete()).isCloseTo(0.625, within(1e-12));
        // sample sd of (1, .5, 0, .9): mean .6, ss = .16+.01+.36+.09 = .62, sd = sqrt(.62/3), se = sd / 2
        assertThat(s.standardError()).isCloseTo(Math.sqrt(0.62 / 3) / 2, within(1e-12));
        assertThat(WinShareSummary.of(new double[0]).mean()).isNull();
        assertThat(ExternalVerdicts.alpacaEvalShare(0.0)).hasValue(0.5);
        assertThat(ExternalVerdicts.alpacaEvalShare(Double.NaN)).isEmpty();
        assertThat(ExternalVerdicts.alpacaEvalShare(1.25)).hasValue(0.25);
    }
}
