package io.claimbench.stats;

import java.util.Collection;

/**
 * Whether a candidate is worse than the baseline it would replace by more than a margin: the verdict of a
 * non-inferiority test on one measure (or on all of a run's measures together).
 */
public enum RegressionVerdict {
    REGRESSION, NO_REGRESSION, INCONCLUSIVE;

    /**
     * REGRESSION when the whole interval lies below the bar, NO_REGRESSION when it lies wholly at or above it (the
     * claim "measure >= bar" is supported), INCONCLUSIVE when it straddles the bar or there is no interval (n = 0).
     */
    public static RegressionVerdict of(Interval interval, double bar) {
        return switch (ClaimVerdict.of(Comparator.AT_LEAST, bar, interval)) {
            case SUPPORTED -> NO_REGRESSION;
            case REFUTED -> REGRESSION;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    /** REGRESSION if any measure regressed, NO_REGRESSION if every one (at least one) showed none, else INCONCLUSIVE. */
    public static RegressionVerdict overall(Collection<RegressionVerdict> measures) {
        if (measures.contains(REGRESSION)) {
            return REGRESSION;
        }
        return !measures.isEmpty() && measures.stream().allMatch(v -> v == NO_REGRESSION) ? NO_REGRESSION : INCONCLUSIVE;
    }

    /** The verdict of the claim "no regression": supported, refuted or inconclusive. */
    public ClaimVerdict asClaim() {
        return switch (this) {
            case NO_REGRESSION -> ClaimVerdict.SUPPORTED;
            case REGRESSION -> ClaimVerdict.REFUTED;
            case INCONCLUSIVE -> ClaimVerdict.INCONCLUSIVE;
        };
    }
}
