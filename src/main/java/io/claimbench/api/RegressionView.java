package io.claimbench.api;

import io.claimbench.results.RunReport;

import java.util.List;

/**
 * Regression mode's section of {@link RunResultsView}: the margin, the win-rate bar (0.5 - margin), each applicable
 * measure against its bar, the win rate per category, and the verdict over the measures. The API's own types,
 * mapped from {@link RunReport.Regression} here only; absent from the results of runs without a margin.
 */
public record RegressionView(double margin, double bar, List<MeasureView> measures, List<MeasureView> categories,
                             String verdict) {

    public static RegressionView of(RunReport.Regression r) {
        return r == null ? null : new RegressionView(r.margin(), r.bar(), Views.list(r.measures(), MeasureView::of),
                Views.list(r.categories(), MeasureView::of), Views.name(r.verdict()));
    }

    /**
     * One measure: the candidate's win rate, or the difference candidate - baseline with both means over the same
     * items; its n and 95% interval, its bar and verdict (REGRESSION, NO_REGRESSION, INCONCLUSIVE), and McNemar's
     * p-value for the accuracy difference.
     */
    public record MeasureView(String metric, String category, String statement, long n, Double value,
                              IntervalView interval, double bar, String verdict, Double pValue, Double candidateMean,
                              Double baselineMean) {

        static MeasureView of(RunReport.RegressionMeasure m) {
            return m == null ? null : new MeasureView(m.metric(), m.category(), m.statement(), m.n(), m.value(),
                    IntervalView.of(m.interval()), m.bar(), Views.name(m.verdict()), m.pValue(), m.candidateMean(),
                    m.baselineMean());
        }
    }
}
