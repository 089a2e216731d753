package io.claimbench.stats;

/**
 * A candidate's pairwise win rate with ties counted as half a win, over the decided comparisons, with a 95%
 * Wilson score interval. With no decided comparison the rate and interval are absent, never NaN.
 */
public record WinRate(long n, Double value, Interval interval) {

    public static final double Z95 = 1.959963984540054;

    public static WinRate of(PairCounts counts) {
        long n = counts.decided();
        if (n == 0) {
            return new WinRate(0, null, null);
        }
        double p = (counts.wins() + 0.5 * counts.ties()) / n;
        return new WinRate(n, p, wilson(p, n, Z95));
    }

    /** Wilson score interval for a proportion p observed over n trials. */
    public static Interval wilson(double p, long n, double z) {
        return wilson(p, (double) n, z);
    }

    /** The same for an effective number of trials (a count divided by a design effect), which need not be whole. */
    public static Interval wilson(double p, double n, double z) {
        if (!(n > 0)) {
            throw new IllegalArgumentException("n must be positive");
        }
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), 0.95, "wilson");
    }
}
