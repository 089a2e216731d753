package io.claimbench.results;

import io.claimbench.models.ModelSpec;
import io.claimbench.runs.RunEntity;
import io.claimbench.stats.ClaimAssessment;
import io.claimbench.stats.ClaimVerdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The report's section on speed and price: paired ratios of the candidate to the baseline, and their claims. */
final class EfficiencyFigures {

    private EfficiencyFigures() {
    }

    static RunReport.Efficiency efficiency(RunEntity run, List<io.claimbench.catalog.Hypothesis> claims,
                                            List<ComparisonRow> comparisons, List<AnswerRow> generations,
                                            ClaimAssessment.Settings bootstrap, Function<String, ModelSpec> prices) {
        Map<Long, AnswerRow[]> byItem = new HashMap<>();
        for (AnswerRow g : generations) {
            if (g.error() == null) {
                byItem.computeIfAbsent(g.workItemId(), k -> new AnswerRow[2])[g.candidate() ? 0 : 1] = g;
            }
        }
        io.claimbench.models.ModelSpec cand = prices.apply(run.candidate);
        io.claimbench.models.ModelSpec base = prices.apply(run.baseline);
        List<io.claimbench.stats.PairedRatio.Pair> firstToken = new ArrayList<>();
        List<io.claimbench.stats.PairedRatio.Pair> latency = new ArrayList<>();
        List<io.claimbench.stats.PairedRatio.Pair> cost = new ArrayList<>();
        List<io.claimbench.stats.PairedRatio.CostShare> perWin = new ArrayList<>();
        for (ComparisonRow c : comparisons) {
            AnswerRow[] g = byItem.get(c.workItemId());
            if (g == null || g[0] == null || g[1] == null) {
                continue;
            }
            String cluster = c.cluster();
            if (g[0].firstTokenMs() != null && g[1].firstTokenMs() != null) {
                firstToken.add(new io.claimbench.stats.PairedRatio.Pair(cluster, g[0].firstTokenMs(), g[1].firstTokenMs()));
            }
            if (g[0].latencyMs() != null && g[1].latencyMs() != null) {
                latency.add(new io.claimbench.stats.PairedRatio.Pair(cluster, g[0].latencyMs(), g[1].latencyMs()));
            }
            Double cc = cand == null ? null : cand.cost(g[0].tokensIn(), g[0].tokensOut());
            Double bc = base == null ? null : base.cost(g[1].tokensIn(), g[1].tokensOut());
            if (cc != null && bc != null) {
                cost.add(new io.claimbench.stats.PairedRatio.Pair(cluster, cc, bc));
                if (c.outcome().decided()) {
                    perWin.add(new io.claimbench.stats.PairedRatio.CostShare(cluster, cc, bc,
                            c.observedShare()));
                }
            }
        }
        int resamples = bootstrap.resamples();
        var ft = io.claimbench.stats.PairedRatio.of(firstToken, resamples, bootstrap.seed());
        var lat = io.claimbench.stats.PairedRatio.of(latency, resamples, bootstrap.seed());
        var cst = io.claimbench.stats.PairedRatio.of(cost, resamples, bootstrap.seed());
        var cpw = io.claimbench.stats.PairedRatio.costPerWin(perWin, resamples, bootstrap.seed());
        List<RunReport.EfficiencyClaim> verdicts = new ArrayList<>();
        for (io.claimbench.catalog.Hypothesis h : claims) {
            long n;
            Double ratio;
            io.claimbench.stats.Interval interval;
            switch (h.metric()) {
                case io.claimbench.catalog.Hypothesis.FIRST_TOKEN_RATIO -> { n = ft.n(); ratio = ft.ratio(); interval = ft.ratioInterval(); }
                case io.claimbench.catalog.Hypothesis.LATENCY_RATIO -> { n = lat.n(); ratio = lat.ratio(); interval = lat.ratioInterval(); }
                case io.claimbench.catalog.Hypothesis.COST_RATIO -> { n = cst.n(); ratio = cst.ratio(); interval = cst.ratioInterval(); }
                case io.claimbench.catalog.Hypothesis.COST_PER_WIN_RATIO -> { n = cpw.n(); ratio = cpw.ratio(); interval = cpw.ratioInterval(); }
                default -> throw new IllegalStateException("not an efficiency metric: " + h.metric());
            }
            verdicts.add(new RunReport.EfficiencyClaim(h.metric(), h.comparator().symbol(), h.threshold(),
                    "candidate/baseline " + h.describe(), n, ratio, interval,
                    interval == null ? ClaimVerdict.INCONCLUSIVE
                            : ReportFigures.verdict(ClaimVerdict.of(h.comparator(), h.threshold(), interval), !run.overErrorBudget())));
        }
        return new RunReport.Efficiency(ft, lat, cst, cpw, verdicts);
    }
}
