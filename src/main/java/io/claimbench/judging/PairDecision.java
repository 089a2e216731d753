package io.claimbench.judging;

import io.claimbench.stats.PairOutcome;

import java.util.Objects;

/**
 * A pair's outcome from the candidate's side, with the strength behind it (-4..4 for pairwise judges, the sign of
 * the score difference -1..1 otherwise), the win share when it is not the outcome's 1 / 0.5 / 0 (a mean panel),
 * and, when the pair is not decided or some judges did not decide, why.
 */
public record PairDecision(PairOutcome outcome, int strength, Double winShare, String reason) {

    public PairDecision {
        Objects.requireNonNull(outcome, "outcome");
        if (winShare != null && (winShare < 0 || winShare > 1 || !outcome.decided())) {
            throw new IllegalArgumentException("a win share in [0, 1] needs a decided outcome");
        }
    }

    public static PairDecision of(SwapCombiner.Combined combined) {
        return new PairDecision(combined.outcome(), combined.strength(), null, combined.reason());
    }

    /** The candidate's share of the pair, the one observation every statistic uses; only for decided pairs. */
    public double observedShare() {
        return winShare != null ? winShare : outcome.winShare();
    }
}
