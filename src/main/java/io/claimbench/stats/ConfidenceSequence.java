package io.claimbench.stats;

/**
 * An anytime-valid confidence sequence for the mean of observations in [0, 1] (Robbins' normal mixture over
 * Hoeffding's sub-Gaussian bound): with probability at least 1 - alpha, every interval of the sequence, at every
 * n, holds the true mean at once. A run may therefore look after every pair and stop as soon as the interval
 * clears the claim's threshold, without inflating its error rate.
 *
 * <p>Boundary: |S_n - n mu| < sqrt((v + rho) log((v + rho) / (rho alpha^2))) with v = n / 4 (Howard et al. 2021,
 * two-sided normal mixture); rho tunes where the sequence is tightest and does not affect validity.
 */
public final class ConfidenceSequence {

    private static final double VARIANCE_PROXY = 0.25; // Hoeffding: observations in [0, 1]

    private final double alpha;
    private final double rho;

    /** @param tightestAt the n around which the sequence should be narrowest (e.g. the planned number of pairs) */
    public ConfidenceSequence(double alpha, int tightestAt) {
        if (alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("alpha must be in (0,1)");
        }
        if (tightestAt < 1) {
            throw new IllegalArgumentException("tightestAt must be positive");
        }
        this.alpha = alpha;
        double l = Math.log(1 / alpha);
        this.rho = VARIANCE_PROXY * tightestAt / (2 * l + Math.log(1 + 2 * l));
    }

    /** The interval at n observations with the given sum of their values; null for n = 0. */
    public Interval at(long n, double sum) {
        if (n == 0) {
            return null;
        }
        double v = VARIANCE_PROXY * n;
        double radius = Math.sqrt((v + rho) * Math.log((v + rho) / (rho * alpha * alpha))) / n;
        double mean = sum / n;
        return new Interval(Math.max(0, mean - radius), Math.min(1, mean + radius), 1 - alpha, "confidence-sequence");
    }

    /** The verdict the sequence allows now: settled (supported or refuted) or still inconclusive. */
    public ClaimVerdict verdict(Comparator comparator, double threshold, long n, double sum) {
        return ClaimVerdict.of(comparator, threshold, at(n, sum));
    }
}
