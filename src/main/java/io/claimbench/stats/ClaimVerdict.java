package io.claimbench.stats;

/** The verdict on a hypothesis given a confidence interval. */
public enum ClaimVerdict {
    SUPPORTED, REFUTED, INCONCLUSIVE;

    /**
     * Supported when the whole interval lies on the claimed side of the threshold, refuted when it lies wholly
     * on the other side, inconclusive otherwise (and always when there is no interval, n = 0).
     */
    public static ClaimVerdict of(Comparator comparator, double threshold, Interval interval) {
        if (interval == null) {
            return INCONCLUSIVE;
        }
        double lo = interval.lower();
        double hi = interval.upper();
        return switch (comparator) {
            case AT_LEAST -> lo >= threshold ? SUPPORTED : hi < threshold ? REFUTED : INCONCLUSIVE;
            case GREATER -> lo > threshold ? SUPPORTED : hi <= threshold ? REFUTED : INCONCLUSIVE;
            case AT_MOST -> hi <= threshold ? SUPPORTED : lo > threshold ? REFUTED : INCONCLUSIVE;
            case LESS -> hi < threshold ? SUPPORTED : lo >= threshold ? REFUTED : INCONCLUSIVE;
        };
    }
}
