package io.claimbench.stats;

/**
 * The sign test of a claimed win rate: over the decisive pairs (wins and losses; ties carry no sign), is the
 * share of wins beyond the threshold? One-sided, exact binomial, in the direction the claim makes.
 */
public final class BinomialTest {

    private BinomialTest() {
    }

    /**
     * P-value of observing at least {@code wins} of {@code n} (upward claim) or at most {@code wins} (downward)
     * when the true share is exactly {@code threshold}. 1 when n = 0.
     */
    public static double pValue(long wins, long n, double threshold, boolean upward) {
        if (n == 0) {
            return 1.0;
        }
        if (wins < 0 || wins > n) {
            throw new IllegalArgumentException("wins must be in [0, n]");
        }
        return upward ? upperTail(wins, n, threshold) : 1 - upperTail(wins + 1, n, threshold);
    }

    /** P(X >= k) for X ~ Binomial(n, p), summed in log space so that large n stays exact enough. */
    static double upperTail(long k, long n, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        if (n > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("n too large for the exact test: " + n);
        }
        double[] logFactorial = new double[(int) n + 1];
        for (int i = 2; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        for (long i = k; i <= n; i++) {
            sum += Math.exp(logFactorial[(int) n] - logFactorial[(int) i] - logFactorial[(int) (n - i)]
                    + i * logP + (n - i) * logQ);
        }
        return Math.min(1.0, sum);
    }
}
