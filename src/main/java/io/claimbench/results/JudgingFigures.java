package io.claimbench.results;

import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.JudgmentEntity;
import io.claimbench.runs.JudgmentVerdicts;
import io.claimbench.runs.RunEntity;
import io.claimbench.stats.PairCounts;
import io.claimbench.stats.PairOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The report's section on judging: each judge's verdicts, position bias, swap audit, and how the judges agree. */
final class JudgingFigures {

    private JudgingFigures() {
    }

    static RunReport.Judging judging(RunEntity run, List<ComparisonEntity> comparisons, List<JudgmentEntity> judgments) {
        List<String> names = run.judgeNames();
        boolean adaptive = run.swapMode == io.claimbench.judging.SwapMode.ADAPTIVE;
        // Under adaptive swap only the audited pairs are an unselected sample for position bias.
        java.util.Set<Long> audited = new java.util.HashSet<>();
        comparisons.stream().filter(c -> Boolean.TRUE.equals(c.swapAudited)).forEach(c -> audited.add(c.workItemId));
        List<JudgmentEntity> biasSample = adaptive
                ? judgments.stream().filter(j -> audited.contains(j.workItemId)).toList() : judgments;
        RunReport.Swap swap = null;
        if (run.swapMode != null) {
            Map<String, long[]> games = new HashMap<>(); // judge|item -> {game 1, game 2}
            for (JudgmentEntity j : judgments) {
                if (j.game == 1 || j.game == 2) {
                    games.computeIfAbsent(j.judge + "|" + j.workItemId, k -> new long[2])[j.game - 1]++;
                }
            }
            long pairs = games.values().stream().filter(g -> g[0] > 0).count();
            long second = games.values().stream().filter(g -> g[0] > 0 && g[1] > 0).count();
            long auditedPairs = adaptive ? audited.size() : comparisons.size();
            long judgedPairs = comparisons.stream().filter(c -> c.swapAudited != null || !adaptive).count();
            swap = new RunReport.Swap(run.swapMode, run.swapAudit, pairs, second, pairs == 0 ? null : (double) second / pairs,
                    auditedPairs, judgedPairs == 0 ? null : (double) auditedPairs / judgedPairs,
                    adaptive ? "audited pairs" : "all pairs");
        }
        List<RunReport.JudgeFigures> perJudge = new ArrayList<>();
        Map<String, Map<Long, PairOutcome>> verdicts = new HashMap<>();
        for (String name : names) {
            List<JudgmentEntity> mine = judgments.stream().filter(j -> name.equals(j.judge)).toList();
            // Imported verdicts are whole-pair outcomes without five-level games: the judge's verdict is the pair's.
            Map<Long, PairOutcome> byItem = run.imported()
                    ? comparisons.stream().collect(java.util.stream.Collectors.toMap(c -> c.workItemId, c -> c.outcome, (a, b) -> a))
                    : judgeVerdicts(mine);
            verdicts.put(name, byItem);
            PairCounts counts = byItem.values().stream().reduce(PairCounts.EMPTY, PairCounts::plus, PairCounts::add);
            long n = counts.wins() + counts.ties() + counts.losses();
            Double rate = n == 0 ? null : (counts.wins() + counts.ties() / 2.0) / n;
            perJudge.add(new RunReport.JudgeFigures(name, mine.size(), count(mine, GameOutcome.SCORED), count(mine, GameOutcome.UNSCORED),
                    count(mine, GameOutcome.ERROR), ReportFigures.sumCost(mine.stream().map(j -> j.cost).toList()), counts, rate,
                    rate == null ? null : io.claimbench.stats.WinRate.wilson(rate, n, io.claimbench.stats.WinRate.Z95),
                    positionBias(biasSample.stream().filter(j -> name.equals(j.judge)).toList()),
                    ModelFamily.shared(name, run.candidate, run.baseline)));
        }
        List<RunReport.RaterAgreement> agreement = RaterAgreements.agreement(names, comparisons,
                (judge, c) -> RaterAgreements.decidedOrNull(verdicts.get(judge).get(c.workItemId)));
        String family = names.stream().map(n -> ModelFamily.shared(n, run.candidate, run.baseline))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new RunReport.Judging(names.size() > 1 ? String.join(", ", names) : run.judge, judgments.size(),
                count(judgments, GameOutcome.SCORED), count(judgments, GameOutcome.UNSCORED), count(judgments, GameOutcome.ERROR),
                judgments.stream().filter(j -> j.fromCache).count(),
                ReportFigures.sumCost(judgments.stream().map(j -> j.cost).toList()), positionBias(biasSample), family,
                comparisons.stream().filter(c -> c.flags != null).count(),
                comparisons.stream().filter(c -> c.flags != null).map(c -> c.outcome)
                        .reduce(PairCounts.EMPTY, PairCounts::plus, PairCounts::add),
                names, names.size() > 1 ? run.judgeAggregate : null, swap, perJudge, agreement, identical(comparisons),
                RunReport.StructuredVerdicts.of(judgments.stream().filter(j -> j.structured != null).count(),
                        judgments.stream().filter(j -> Boolean.TRUE.equals(j.structured)).count()));
    }

    /** Pairs tied because both answers were the same text, with no judge asked; null when there were none. */
    private static Long identical(List<io.claimbench.runs.ComparisonEntity> comparisons) {
        long n = comparisons.stream().filter(c -> io.claimbench.judging.PairwiseJudgeScorer.IDENTICAL.equals(c.reason)).count();
        return n == 0 ? null : n;
    }

    static long count(List<JudgmentEntity> judgments, GameOutcome outcome) {
        return judgments.stream().filter(j -> j.outcome == outcome).count();
    }

    /**
     * One judge's verdict per work item, as if it judged alone: both orders combined, or the first order alone
     * when the swap was skipped. Rubric grades (games 3 and 4) are not pairwise verdicts and are left out.
     */
    static Map<Long, PairOutcome> judgeVerdicts(List<JudgmentEntity> judgments) {
        Map<Long, JudgmentEntity[]> byItem = new HashMap<>();
        for (JudgmentEntity j : judgments) {
            if (j.game == 1 || j.game == 2) {
                byItem.computeIfAbsent(j.workItemId, k -> new JudgmentEntity[2])[j.game - 1] = j;
            }
        }
        Map<Long, PairOutcome> out = new HashMap<>();
        byItem.forEach((item, g) -> {
            if (g[0] == null) {
                return;
            }
            var v1 = JudgmentVerdicts.read(g[0]);
            out.put(item, (g[1] == null ? io.claimbench.judging.JudgePanel.single(v1)
                    : io.claimbench.judging.SwapCombiner.combine(v1, JudgmentVerdicts.read(g[1]))).outcome());
        });
        return out;
    }

    /** Pairs whose two games were both scored with a five-level verdict. */
    static io.claimbench.stats.PositionBias positionBias(List<JudgmentEntity> judgments) {
        Map<String, Integer[]> byItem = new HashMap<>();
        for (JudgmentEntity j : judgments) {
            if (JudgmentVerdicts.pairwise(j) && JudgmentVerdicts.read(j) instanceof io.claimbench.judging.Verdict.Scored s) {
                byItem.computeIfAbsent(j.judge + "|" + j.workItemId, k -> new Integer[2])[j.game - 1] = s.preference().strength();
            }
        }
        List<io.claimbench.stats.PositionBias.SwappedPair> pairs = byItem.values().stream()
                .filter(g -> g[0] != null && g[1] != null)
                .map(g -> new io.claimbench.stats.PositionBias.SwappedPair(g[0], g[1])).toList();
        return io.claimbench.stats.PositionBias.of(pairs);
    }
}
