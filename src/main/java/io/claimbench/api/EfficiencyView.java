package io.claimbench.api;

import io.claimbench.results.RunReport;
import io.claimbench.stats.PairedRatio;

import java.util.List;

/**
 * Speed and price, candidate against baseline, and the verdict on each efficiency claim: part of
 * {@link RunResultsView}, the API's own types mapped from {@link RunReport.Efficiency} here only.
 */
public record EfficiencyView(PairedRatioView firstTokenMs, PairedRatioView latencyMs, PairedRatioView costPerAnswer,
                             CostPerWinView costPerWin, List<EfficiencyClaimView> claims) {

    public static EfficiencyView of(RunReport.Efficiency e) {
        return e == null ? null : new EfficiencyView(PairedRatioView.of(e.firstTokenMs()),
                PairedRatioView.of(e.latencyMs()), PairedRatioView.of(e.costPerAnswer()),
                CostPerWinView.of(e.costPerWin()), Views.list(e.claims(), EfficiencyClaimView::of));
    }

    /** Both means over the same work items, their difference and ratio, each with its interval. */
    public record PairedRatioView(long n, Double candidateMean, Double baselineMean, Double difference,
                                  IntervalView differenceInterval, Double ratio, IntervalView ratioInterval) {

        static PairedRatioView of(PairedRatio.Result r) {
            return r == null ? null : new PairedRatioView(r.n(), r.candidateMean(), r.baselineMean(), r.difference(),
                    IntervalView.of(r.differenceInterval()), r.ratio(), IntervalView.of(r.ratioInterval()));
        }
    }

    /** Each side's cost per win and their ratio. */
    public record CostPerWinView(long n, Double candidateCostPerWin, Double baselineCostPerWin, Double ratio,
                                 IntervalView ratioInterval) {

        static CostPerWinView of(PairedRatio.CostPerWin c) {
            return c == null ? null : new CostPerWinView(c.n(), c.candidateCostPerWin(), c.baselineCostPerWin(),
                    c.ratio(), IntervalView.of(c.ratioInterval()));
        }
    }

    /** One efficiency claim: the candidate/baseline ratio with its n and interval, and the verdict it gives. */
    public record EfficiencyClaimView(String metric, String comparator, double threshold, String statement, long n,
                                      Double ratio, IntervalView interval, String verdict) {

        static EfficiencyClaimView of(RunReport.EfficiencyClaim c) {
            return c == null ? null : new EfficiencyClaimView(c.metric(), c.comparator(), c.threshold(), c.statement(),
                    c.n(), c.ratio(), IntervalView.of(c.interval()), Views.name(c.verdict()));
        }
    }
}
