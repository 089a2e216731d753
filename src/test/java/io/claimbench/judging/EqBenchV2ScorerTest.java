package io.claimbench.judging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EqBenchV2ScorerTest {

    private static final String REF = "{\"emotion1\":\"Remorseful\",\"emotion2\":\"Indifferent\",\"emotion3\":\"Affectionate\","
            + "\"emotion4\":\"Annoyed\",\"emotion1_score\":0,\"emotion2_score\":\"6\",\"emotion3_score\":0,\"emotion4_score\":\"7\"}";

    private final EqBenchV2Scorer scorer = new EqBenchV2Scorer();

    @Test
    void should_follow_the_published_penalty_curve() {
        assertThat(EqBenchV2Scorer.penalty(0)).isZero();
        // 6.5 / (1 + e^(-1.2 (1 - 4))) = 6.5 / (1 + e^3.6)
        assertThat(EqBenchV2Scorer.penalty(1)).isCloseTo(6.5 / (1 + Math.exp(3.6)), within(1e-12));
        assertThat(EqBenchV2Scorer.penalty(4)).isCloseTo(3.25, within(1e-12));
        assertThat(EqBenchV2Scorer.penalty(5)).isCloseTo(6.5 / (1 + Math.exp(-1.2)), within(1e-12));
        assertThat(EqBenchV2Scorer.penalty(7)).isEqualTo(7);
    }

    @Test
    void should_score_a_hand_computed_answer_on_its_revised_pass() {
        String answer = """
                First pass scores:
                Remorseful: 2
                Indifferent: 6
                Affectionate: 1
                Annoyed: 5

                Critique: he is dismissive.

                Revised scores:
                Remorseful: 1
                Indifferent: 7
                Affectionate: 0
                Annoyed: 6
                """;
        AnswerScore s = scorer.score(REF, answer);
        assertThat(s).isInstanceOf(AnswerScore.Scored.class);
        AnswerScore.Scored scored = (AnswerScore.Scored) s;
        // revised: |1-0|, |7-6|, |0-0|, |6-7| -> 3 x f(1)
        double revised = 10 - 0.7477 * 3 * EqBenchV2Scorer.penalty(1);
        // first: |2-0|, |6-6|, |1-0|, |5-7| -> f(2) + f(1) + f(2)
        double first = 10 - 0.7477 * (2 * EqBenchV2Scorer.penalty(2) + EqBenchV2Scorer.penalty(1));
        assertThat(scored.value()).isCloseTo(revised, within(1e-12));
        assertThat(scored.parts()).containsEntry("revised", revised);
        assertThat(scored.parts().get("first_pass")).isCloseTo(first, within(1e-12));
    }

    @Test
    void should_read_an_answer_without_headings_as_a_single_pass() {
        AnswerScore s = scorer.score(REF, "Remorseful: 0\nIndifferent: 6\nAffectionate: 0\nAnnoyed: 7");
        assertThat(s).isEqualTo(new AnswerScore.Scored(10.0, Map.of("first_pass", 10.0)));
    }

    @Test
    void should_leave_unscored_an_answer_whose_emotions_are_not_the_four_asked() {
        AnswerScore s = scorer.score(REF, "Remorseful: 0\nIndifferent: 6\nHappy: 0\nAnnoyed: 7");
        assertThat(s).isInstanceOf(AnswerScore.Unscored.class);
        assertThat(((AnswerScore.Unscored) s).reason()).contains("four emotions");
        assertThat(scorer.score(REF, "")).isInstanceOf(AnswerScore.Unscored.class);
    }

    @Test
    void should_take_the_better_pass_for_the_benchmark_and_be_empty_without_scores() {
        List<AnswerScore> scores = List.of(
                new AnswerScore.Scored(8, Map.of("first_pass", 7.0, "revised", 8.0)),
                new AnswerScore.Scored(9, Map.of("first_pass", 9.0, "revised", 9.0)),
                new AnswerScore.Unscored("x"));
        // first pass mean 8.0, revised 8.5: the revised pass, n = 2, 10 x (8, 9) -> mean 85, sd 7.07, se 5
        io.claimbench.stats.Summary b = scorer.benchmark(scores).orElseThrow();
        assertThat(b.mean()).isCloseTo(85.0, within(1e-12));
        assertThat(b.n()).isEqualTo(2);
        assertThat(b.interval().lower()).isCloseTo(85.0 - 1.959964 * 5, within(1e-4));
        assertThat(scorer.benchmark(List.of())).isEmpty();
    }

    /**
     * The published benchmark scores, recomputed from the raw answer text. (The files' individual_scores come from
     * an older formula and do not average to the published score, so they are not a reference.)
     */
    @ParameterizedTest
    @CsvSource({"gpt-4-0613, 84.79", "gpt-4-1106-preview, 86.05", "gpt-3.5-turbo-1106, 71.74"})
    void should_reproduce_published_scores_from_the_raw_answers(String model, double published) throws IOException {
        Path questionsFile = SharedData.require("eq-bench/data/eq_bench_v2_questions_171.json");
        Path resultsFile = SharedData.require("eq-bench/results/" + model + "_eqbench_v2_results.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode questions = json.readTree(questionsFile.toFile());
        JsonNode results = json.readTree(resultsFile.toFile());
        JsonNode run = results.get("raw_results").elements().next();
        List<AnswerScore> scores = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = run.get("raw_inference").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String ref = json.writeValueAsString(questions.get(e.getKey()).get("reference_answer_fullscale"));
            scores.add(scorer.score(ref, e.getValue().asText()));
        }
        assertThat(scores).hasSize(171).allMatch(s -> s instanceof AnswerScore.Scored);
        assertThat(scorer.benchmark(scores).orElseThrow().mean()).isCloseTo(published, within(0.01));
        assertThat(results.get("benchmark_score").asDouble()).isEqualTo(published);
    }
}
