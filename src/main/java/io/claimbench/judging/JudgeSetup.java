package io.claimbench.judging;

import java.util.List;
import java.util.Objects;

/**
 * What a judged scorer needs from its run: the judges' names in panel order, the loaded template (pairwise or
 * rubric), how a panel combines, which orders are judged, and the seed of per-pair draws.
 *
 * @param swapAudit     under adaptive swap, the share of pairs judged in both orders anyway
 * @param rubricTieBand two grades at most this far apart (1-10 scale) tie
 */
public record JudgeSetup(List<String> judges, PairwiseJudge pairwise, RubricJudge rubric, JudgeAggregate aggregate,
                         SwapMode swap, double swapAudit, double rubricTieBand, long seed) {

    /** For scorers that call no judge. */
    public static final JudgeSetup NONE = new JudgeSetup(List.of(), null, null, JudgeAggregate.MAJORITY, SwapMode.ALWAYS,
            0, 0, 0);

    public JudgeSetup {
        judges = List.copyOf(judges);
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(swap, "swap");
        if (swapAudit < 0 || swapAudit > 1 || Double.isNaN(swapAudit)) {
            throw new IllegalArgumentException("swapAudit must be between 0 and 1");
        }
        if (rubricTieBand < 0 || Double.isNaN(rubricTieBand)) {
            throw new IllegalArgumentException("rubricTieBand must not be negative");
        }
    }
}
