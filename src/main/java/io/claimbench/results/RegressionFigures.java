package io.claimbench.results;

import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.ScoreDetails;
import io.claimbench.stats.Interval;
import io.claimbench.stats.PairedDifference;
import io.claimbench.stats.PairedRatio;
import io.claimbench.stats.RegressionVerdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report's regression section: the candidate against the baseline in production, measure by measure. */
final class RegressionFigures {

    static final String WIN_RATE = "win-rate";
    static final String ACCURACY = "accuracy-difference";
    static final String BENCHMARK_SCORE = "benchmark-score-difference";

    private RegressionFigures() {
    }

    /** Null unless the run was given a regression margin. */
    static RunReport.Regression regression(RunEntity run, RunReport.Group overall, List<RunReport.Group> categories,
                                           List<ComparisonRow> comparisons, Optional<AnswerScorer> scorer) {
        if (run.regressionMargin == null) {
            return null;
        }
        double margin = run.regressionMargin;
        // bars are written 0 - x below: a margin of 0 then gives a bar of 0, not -0.0, in the JSON
        boolean canShow = !run.overErrorBudget();
        double bar = 0.5 - margin;
        List<RunReport.RegressionMeasure> measures = new ArrayList<>();
        measures.add(winRate(overall, bar, canShow));
        List<ComparisonRow> rightOrWrong = ReportFigures.rightOrWrong(comparisons);
        if (!rightOrWrong.isEmpty()) {
            PairedDifference d = PairedDifference.ofProportions(rightOrWrong.stream().map(c ->
                    new PairedRatio.Pair(c.cluster(), c.candidateScore(), c.baselineScore())).toList());
            measures.add(difference(ACCURACY, "accuracy difference", d, 0 - margin,
                    overall.pairedAccuracy() == null ? null : overall.pairedAccuracy().pValue(), canShow));
        }
        scorer.flatMap(s -> benchmarkPairs(s, comparisons)).ifPresent(pairs -> {
            PairedDifference d = PairedDifference.ofMeans(pairs);
            double baseline = d.baselineMean() == null ? 0 : d.baselineMean();
            measures.add(difference(BENCHMARK_SCORE, "benchmark score difference", d, 0 - margin * Math.abs(baseline),
                    null, canShow));
        });
        List<RunReport.RegressionMeasure> byCategory = categories.stream().map(g -> winRate(g, bar, canShow)).toList();
        return new RunReport.Regression(margin, bar, measures, byCategory,
                RegressionVerdict.overall(measures.stream().map(RunReport.RegressionMeasure::verdict).toList()));
    }

    private static RunReport.RegressionMeasure winRate(RunReport.Group g, double bar, boolean canShow) {
        RunReport.WinRateFigure w = g.winRate();
        return new RunReport.RegressionMeasure(WIN_RATE, g.category(), statement("win rate", bar), w.n(), w.value(),
                w.interval(), bar, verdict(w.interval(), bar, canShow), null, null, null);
    }

    private static RunReport.RegressionMeasure difference(String metric, String name, PairedDifference d, double bar,
                                                          Double pValue, boolean canShow) {
        return new RunReport.RegressionMeasure(metric, null, statement(name, bar), d.n(), d.difference(), d.interval(),
                bar, verdict(d.interval(), bar, canShow), pValue, d.candidateMean(), d.baselineMean());
    }

    /** A run over its error budget shows nothing: what would show no regression is inconclusive. */
    private static RegressionVerdict verdict(Interval interval, double bar, boolean canShow) {
        RegressionVerdict v = RegressionVerdict.of(interval, bar);
        return v == RegressionVerdict.NO_REGRESSION && !canShow ? RegressionVerdict.INCONCLUSIVE : v;
    }

    /**
     * Both models' benchmark values on the same work items, where both count; empty when the scorer has no
     * benchmark figure for either model.
     */
    private static Optional<List<PairedRatio.Pair>> benchmarkPairs(AnswerScorer scorer, List<ComparisonRow> comparisons) {
        Optional<List<Double>> cand = scorer.benchmarkValues(comparisons.stream().map(c -> score(c.candidateDetail())).toList());
        Optional<List<Double>> base = scorer.benchmarkValues(comparisons.stream().map(c -> score(c.baselineDetail())).toList());
        if (cand.isEmpty() && base.isEmpty()) {
            return Optional.empty();
        }
        List<PairedRatio.Pair> pairs = new ArrayList<>();
        if (cand.isPresent() && base.isPresent()) {
            for (int i = 0; i < comparisons.size(); i++) {
                Double c = cand.get().get(i);
                Double b = base.get().get(i);
                if (c != null && b != null) {
                    pairs.add(new PairedRatio.Pair(comparisons.get(i).cluster(), c, b));
                }
            }
        }
        return Optional.of(pairs);
    }

    private static AnswerScore score(String detail) {
        AnswerScore s = ScoreDetails.read(detail);
        return s == null ? new AnswerScore.Unscored("not scored") : s;
    }

    /** "no regression: win rate >= 0.47", the bar to four significant digits. */
    static String statement(String measure, double bar) {
        String shown = bar == 0 ? "0" : new BigDecimal(bar).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return "no regression: " + measure + " >= " + shown;
    }
}
