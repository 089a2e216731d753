package io.claimbench.results;

import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.AsciiArtScorer;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.ScoreDetails;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.ClusteredBootstrap;
import io.claimbench.stats.McNemar;
import io.claimbench.stats.Observation;
import io.claimbench.stats.PairCounts;
import io.claimbench.stats.PairOutcome;
import io.claimbench.stats.RegressionVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report's regression section from recorded comparisons, on small cases computed by hand. */
class RegressionFiguresTest {

    private static ComparisonRow c(long prompt, String category, double candidate, double baseline) {
        return ComparisonRow.of(entity(prompt, category, candidate, baseline));
    }

    private static ComparisonEntity entity(long prompt, String category, double candidate, double baseline) {
        ComparisonEntity c = new ComparisonEntity();
        c.promptVersionId = prompt;
        c.category = category;
        c.candidateScore = candidate;
        c.baselineScore = baseline;
        c.outcome = candidate > baseline ? PairOutcome.WIN : candidate < baseline ? PairOutcome.LOSS : PairOutcome.TIE;
        return c;
    }

    /** The win-rate figure as the report makes it: ties as half, the seeded prompt-clustered bootstrap. */
    private static RunReport.Group group(String category, List<ComparisonRow> list) {
        PairCounts counts = PairCounts.EMPTY;
        List<Observation> observations = new ArrayList<>();
        for (ComparisonRow c : list) {
            counts = counts.plus(c.outcome());
            observations.add(new Observation(Long.toString(c.promptVersionId()), c.outcome().winShare()));
        }
        double value = observations.stream().mapToDouble(Observation::win).average().orElseThrow();
        RunReport.WinRateFigure w = new RunReport.WinRateFigure(observations.size(), value, null, null,
                ClusteredBootstrap.interval(observations, ClusteredBootstrap.DEFAULT_RESAMPLES, 0), null, null, null);
        boolean[] cand = new boolean[list.size()];
        boolean[] base = new boolean[list.size()];
        for (int i = 0; i < list.size(); i++) {
            cand[i] = list.get(i).candidateScore() == 1;
            base[i] = list.get(i).baselineScore() == 1;
        }
        boolean binary = list.stream().allMatch(c -> (c.candidateScore() == 0 || c.candidateScore() == 1)
                && (c.baselineScore() == 0 || c.baselineScore() == 1));
        return new RunReport.Group(category, counts, w, ClaimVerdict.INCONCLUSIVE, 1, null, null, null,
                binary ? McNemar.of(cand, base) : null);
    }

    /** 20 questions: 12 both right, 2 only the candidate, 5 only the baseline, 1 both wrong; alternately a and b. */
    private static List<ComparisonRow> twentyQuestions() {
        List<ComparisonRow> list = new ArrayList<>();
        int[][] table = {{1, 1, 12}, {1, 0, 2}, {0, 1, 5}, {0, 0, 1}};
        int q = 0;
        for (int[] cell : table) {
            for (int i = 0; i < cell[2]; i++, q++) {
                list.add(c(q, q % 2 == 0 ? "a" : "b", cell[0], cell[1]));
            }
        }
        return list;
    }

    private static RunReport.Regression regression(RunEntity run, List<ComparisonRow> list,
                                                   Optional<io.claimbench.judging.AnswerScorer> scorer) {
        List<RunReport.Group> categories = List.of(group("a", list.stream().filter(c -> c.category().equals("a")).toList()),
                group("b", list.stream().filter(c -> c.category().equals("b")).toList()));
        return RegressionFigures.regression(run, group(null, list), categories, list, scorer);
    }

    @Test
    void should_hold_the_win_rate_and_the_accuracy_of_exact_answers_to_their_bars() {
        RunEntity run = new RunEntity();
        run.regressionMargin = 0.03;
        RunReport.Regression r = regression(run, twentyQuestions(), Optional.empty());

        assertThat(r.margin()).isEqualTo(0.03);
        assertThat(r.bar()).isCloseTo(0.47, within(1e-12));
        assertThat(r.measures()).extracting(RunReport.RegressionMeasure::metric)
                .containsExactly("win-rate", "accuracy-difference");
        RunReport.RegressionMeasure win = r.measures().get(0);
        // 2 wins, 13 ties, 5 losses: (2 + 6.5) / 20
        assertThat(win.value()).isCloseTo(0.425, within(1e-12));
        assertThat(win.n()).isEqualTo(20);
        assertThat(win.statement()).isEqualTo("no regression: win rate >= 0.47");
        assertThat(win.verdict()).isEqualTo(RegressionVerdict.of(win.interval(), 0.47));

        RunReport.RegressionMeasure accuracy = r.measures().get(1);
        assertThat(accuracy.statement()).isEqualTo("no regression: accuracy difference >= -0.03");
        assertThat(accuracy.bar()).isEqualTo(-0.03);
        assertThat(accuracy.value()).isCloseTo(-0.15, within(1e-12));
        assertThat(accuracy.candidateMean()).isCloseTo(0.70, within(1e-12));
        assertThat(accuracy.baselineMean()).isCloseTo(0.85, within(1e-12));
        // Newcombe's interval, as computed by hand in RegressionDecisionTest, and McNemar's p = 58/128 beside it
        assertThat(accuracy.interval().lower()).isCloseTo(-0.387011, within(1e-6));
        assertThat(accuracy.interval().upper()).isCloseTo(0.107228, within(1e-6));
        assertThat(accuracy.pValue()).isCloseTo(58 / 128.0, within(1e-12));
        assertThat(accuracy.verdict()).isEqualTo(RegressionVerdict.INCONCLUSIVE);
        assertThat(r.verdict()).isEqualTo(RegressionVerdict.INCONCLUSIVE);

        assertThat(r.categories()).extracting(RunReport.RegressionMeasure::category).containsExactly("a", "b");
        assertThat(r.categories()).allSatisfy(m -> assertThat(m.metric()).isEqualTo("win-rate"));
        assertThat(r.categories().get(0).n()).isEqualTo(10);
    }

    @Test
    void should_show_no_regression_against_a_wide_margin_unless_the_run_is_over_its_error_budget() {
        RunEntity run = new RunEntity();
        run.regressionMargin = 0.45;
        RunReport.Regression wide = regression(run, twentyQuestions(), Optional.empty());
        // bar 0.05 for the win rate, -0.45 for the accuracy difference: both intervals lie above
        assertThat(wide.measures()).allSatisfy(m -> assertThat(m.verdict()).isEqualTo(RegressionVerdict.NO_REGRESSION));
        assertThat(wide.verdict()).isEqualTo(RegressionVerdict.NO_REGRESSION);

        run.errorBudgetExceeded = true;
        assertThat(regression(run, twentyQuestions(), Optional.empty()).verdict()).isEqualTo(RegressionVerdict.INCONCLUSIVE);

        assertThat(regression(new RunEntity(), twentyQuestions(), Optional.empty())).isNull();
    }

    @Test
    void should_hold_a_benchmark_score_to_the_margin_times_the_baselines_mean() {
        RunEntity run = new RunEntity();
        run.regressionMargin = 0.03;
        double[][] scores = {{3, 1}, {2, 2}, {5, 1}, {1, 2}};
        List<ComparisonRow> list = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ComparisonEntity c = entity(i, i < 2 ? "a" : "b", scores[i][0], scores[i][1]);
            c.candidateDetail = ScoreDetails.write(new AnswerScore.Scored(scores[i][0], Map.of()));
            c.baselineDetail = ScoreDetails.write(new AnswerScore.Scored(scores[i][1], Map.of()));
            list.add(ComparisonRow.of(c));
        }
        RunReport.Regression r = regression(run, list, Optional.of(new AsciiArtScorer()));
        // graded scores: no accuracy measure
        assertThat(r.measures()).extracting(RunReport.RegressionMeasure::metric)
                .containsExactly("win-rate", "benchmark-score-difference");
        RunReport.RegressionMeasure score = r.measures().get(1);
        // differences 2, 0, 4, -1 (see RegressionDecisionTest); the bar 0.03 x |1.5|
        assertThat(score.value()).isCloseTo(1.25, within(1e-12));
        assertThat(score.baselineMean()).isCloseTo(1.5, within(1e-12));
        assertThat(score.bar()).isCloseTo(-0.045, within(1e-12));
        assertThat(score.statement()).isEqualTo("no regression: benchmark score difference >= -0.045");
        assertThat(score.interval().lower()).isCloseTo(-0.922969, within(1e-6));
        assertThat(score.interval().upper()).isCloseTo(3.422969, within(1e-6));
        assertThat(score.pValue()).isNull();
        assertThat(score.verdict()).isEqualTo(RegressionVerdict.INCONCLUSIVE);
    }
}
