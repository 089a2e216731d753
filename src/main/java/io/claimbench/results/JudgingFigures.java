package io.claimbench.results;

import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.RunEntity;
import io.claimbench.stats.PairCounts;
import io.claimbench.stats.PairOutcome;
import io.claimbench.stats.PositionBias;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The report's section on judging: each judge's verdicts, position bias, swap audit, and how the judges agree. */
final class JudgingFigures {

    private JudgingFigures() {
    }

    static RunReport.Judging judging(RunEntity run, List<ComparisonRow> comparisons, List<GameRow> judgments) {
        List<String> names = run.judgeNames();
        boolean adaptive = run.swapMode == io.claimbench.judging.SwapMode.ADAPTIVE;
        // Under adaptive swap only the audited pairs are an unselected sample for position bias.
        java.util.Set<Long> audited = new java.util.HashSet<>();
        comparisons.stream().filter(c -> Boolean.TRUE.equals(c.swapAudited())).forEach(c -> audited.add(c.workItemId()));
        Map<String, List<GameRow>> byJudge = new HashMap<>();
        judgments.forEach(j -> byJudge.computeIfAbsent(j.judge(), k -> new ArrayList<>()).add(j));
        Map<String, Map<Long, GameRow[]>> ordersByJudge = new HashMap<>();
        byJudge.forEach((judge, games) -> ordersByJudge.put(judge, orders(games)));
        // Counted over every judge's pairs: the swap figures and the position bias of the whole panel.
        long pairs = 0;
        long second = 0;
        Map<PositionBias.SwappedPair, Long> panelBias = new HashMap<>();
        for (Map<Long, GameRow[]> orders : ordersByJudge.values()) {
            for (GameRow[] g : orders.values()) {
                pairs += g[0] != null ? 1 : 0;
                second += g[0] != null && g[1] != null ? 1 : 0;
            }
            biasCounts(orders, adaptive ? audited : null).forEach((pair, n) -> panelBias.merge(pair, n, Long::sum));
        }
        RunReport.Swap swap = null;
        if (run.swapMode != null) {
            long auditedPairs = adaptive ? audited.size() : comparisons.size();
            long judgedPairs = comparisons.stream().filter(c -> c.swapAudited() != null || !adaptive).count();
            swap = new RunReport.Swap(run.swapMode, run.swapAudit, pairs, second, pairs == 0 ? null : (double) second / pairs,
                    auditedPairs, judgedPairs == 0 ? null : (double) auditedPairs / judgedPairs,
                    adaptive ? "audited pairs" : "all pairs");
        }
        List<RunReport.JudgeFigures> perJudge = new ArrayList<>();
        Map<String, Map<Long, PairOutcome>> verdicts = new HashMap<>();
        for (String name : names) {
            List<GameRow> mine = byJudge.getOrDefault(name, List.of());
            Map<Long, GameRow[]> orders = ordersByJudge.getOrDefault(name, Map.of());
            // Imported verdicts are whole-pair outcomes without five-level games: the judge's verdict is the pair's.
            Map<Long, PairOutcome> byItem = run.imported()
                    ? comparisons.stream().collect(java.util.stream.Collectors.toMap(ComparisonRow::workItemId, ComparisonRow::outcome, (a, b) -> a))
                    : verdicts(orders);
            verdicts.put(name, byItem);
            PairCounts counts = byItem.values().stream().reduce(PairCounts.EMPTY, PairCounts::plus, PairCounts::add);
            long n = counts.wins() + counts.ties() + counts.losses();
            Double rate = n == 0 ? null : (counts.wins() + counts.ties() / 2.0) / n;
            perJudge.add(new RunReport.JudgeFigures(name, mine.size(), count(mine, GameOutcome.SCORED), count(mine, GameOutcome.UNSCORED),
                    count(mine, GameOutcome.ERROR), ReportFigures.sumCost(mine.stream().map(GameRow::cost).toList()), counts, rate,
                    rate == null ? null : io.claimbench.stats.WinRate.wilson(rate, n, io.claimbench.stats.WinRate.Z95),
                    PositionBias.ofCounts(biasCounts(orders, adaptive ? audited : null)),
                    ModelFamily.shared(name, run.candidate, run.baseline)));
        }
        List<RunReport.RaterAgreement> agreement = RaterAgreements.agreement(names, comparisons,
                (judge, c) -> RaterAgreements.decidedOrNull(verdicts.get(judge).get(c.workItemId())));
        String family = names.stream().map(n -> ModelFamily.shared(n, run.candidate, run.baseline))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new RunReport.Judging(names.size() > 1 ? String.join(", ", names) : run.judge, judgments.size(),
                count(judgments, GameOutcome.SCORED), count(judgments, GameOutcome.UNSCORED), count(judgments, GameOutcome.ERROR),
                judgments.stream().filter(GameRow::fromCache).count(),
                ReportFigures.sumCost(judgments.stream().map(GameRow::cost).toList()), PositionBias.ofCounts(panelBias), family,
                comparisons.stream().filter(c -> c.flags() != null).count(),
                comparisons.stream().filter(c -> c.flags() != null).map(ComparisonRow::outcome)
                        .reduce(PairCounts.EMPTY, PairCounts::plus, PairCounts::add),
                names, names.size() > 1 ? run.judgeAggregate : null, swap, perJudge, agreement, identical(comparisons),
                RunReport.StructuredVerdicts.of(judgments.stream().filter(j -> j.structured() != null).count(),
                        judgments.stream().filter(j -> Boolean.TRUE.equals(j.structured())).count()));
    }

    /** Pairs tied because both answers were the same text, with no judge asked; null when there were none. */
    private static Long identical(List<ComparisonRow> comparisons) {
        long n = comparisons.stream().filter(c -> io.claimbench.judging.PairwiseJudgeScorer.IDENTICAL.equals(c.reason())).count();
        return n == 0 ? null : n;
    }

    static long count(List<GameRow> judgments, GameOutcome outcome) {
        return judgments.stream().filter(j -> j.outcome() == outcome).count();
    }

    /** One judge's games 1 and 2 (the pair's two orders) per work item; rubric grades (games 3 and 4) left out. */
    private static Map<Long, GameRow[]> orders(List<GameRow> judgments) {
        Map<Long, GameRow[]> byItem = new HashMap<>();
        for (GameRow j : judgments) {
            if (j.pairwise()) {
                byItem.computeIfAbsent(j.workItemId(), k -> new GameRow[2])[j.game() - 1] = j;
            }
        }
        return byItem;
    }

    /**
     * One judge's verdict per work item, as if it judged alone: both orders combined, or the first order alone
     * when the swap was skipped.
     */
    private static Map<Long, PairOutcome> verdicts(Map<Long, GameRow[]> orders) {
        Map<Long, PairOutcome> out = new HashMap<>();
        orders.forEach((item, g) -> {
            if (g[0] == null) {
                return;
            }
            var v1 = g[0].verdict();
            out.put(item, (g[1] == null ? io.claimbench.judging.JudgePanel.single(v1)
                    : io.claimbench.judging.SwapCombiner.combine(v1, g[1].verdict())).outcome());
        });
        return out;
    }

    /**
     * How often each pair of strengths occurs over the pairs whose two games were both scored with a five-level
     * verdict; {@code only}: the work items to count (the audited pairs), or null for all.
     */
    private static Map<PositionBias.SwappedPair, Long> biasCounts(Map<Long, GameRow[]> orders, java.util.Set<Long> only) {
        Map<PositionBias.SwappedPair, Long> counts = new HashMap<>();
        orders.forEach((item, g) -> {
            if (g[0] != null && g[1] != null && (only == null || only.contains(item))
                    && g[0].verdict() instanceof io.claimbench.judging.Verdict.Scored s1
                    && g[1].verdict() instanceof io.claimbench.judging.Verdict.Scored s2) {
                counts.merge(new PositionBias.SwappedPair(s1.preference().strength(), s2.preference().strength()), 1L, Long::sum);
            }
        });
        return counts;
    }
}
