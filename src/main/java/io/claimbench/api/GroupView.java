package io.claimbench.api;

import io.claimbench.results.RunReport;
import io.claimbench.stats.McNemar;

/**
 * The outcomes of one category (or all, category null) and the verdict there: part of {@link RunResultsView},
 * the API's own types mapped from {@link RunReport.Group} here only.
 */
public record GroupView(String category, CountsView counts, WinRateView winRate, String verdict, double pValue,
                        Long morePairsNeeded, ScoreView candidateMeanScore, ScoreView baselineMeanScore,
                        PairedAccuracyView pairedAccuracy) {

    public static GroupView of(RunReport.Group g) {
        return g == null ? null : new GroupView(g.category(), CountsView.of(g.counts()), WinRateView.of(g.winRate()),
                Views.name(g.verdict()), g.pValue(), g.morePairsNeeded(), ScoreView.of(g.candidateMeanScore()),
                ScoreView.of(g.baselineMeanScore()), PairedAccuracyView.of(g.pairedAccuracy()));
    }

    /** The win rate (ties as half) over the n decided pairs, with the intervals; the bootstrap one decides. */
    public record WinRateView(long n, Double value, Double standardError, Double discrete, IntervalView interval,
                              IntervalView wilson, TiesExcludedView tiesExcluded, GradedView graded) {

        static WinRateView of(RunReport.WinRateFigure w) {
            return w == null ? null : new WinRateView(w.n(), w.value(), w.standardError(), w.discrete(),
                    IntervalView.of(w.interval()), IntervalView.of(w.wilson()), TiesExcludedView.of(w.tiesExcluded()),
                    GradedView.of(w.graded()));
        }
    }

    /** The win rate over wins and losses only. */
    public record TiesExcludedView(long n, Double value, IntervalView wilson) {

        static TiesExcludedView of(RunReport.TiesExcluded t) {
            return t == null ? null : new TiesExcludedView(t.n(), t.value(), IntervalView.of(t.wilson()));
        }
    }

    /** The win rate weighed by the strength of the verdicts, for judged runs. */
    public record GradedView(long n, Double value, IntervalView interval) {

        static GradedView of(RunReport.Graded g) {
            return g == null ? null : new GradedView(g.n(), g.value(), IntervalView.of(g.interval()));
        }
    }

    /** Both models' accuracies on the same items, with McNemar's exact test of their difference. */
    public record PairedAccuracyView(long n, double candidateAccuracy, double baselineAccuracy, long candidateOnly,
                                     long baselineOnly, double pValue) {

        static PairedAccuracyView of(McNemar.Result r) {
            return r == null ? null : new PairedAccuracyView(r.n(), r.candidateAccuracy(), r.baselineAccuracy(),
                    r.candidateOnly(), r.baselineOnly(), r.pValue());
        }
    }
}
