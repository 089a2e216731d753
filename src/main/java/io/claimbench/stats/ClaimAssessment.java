package io.claimbench.stats;

import java.util.List;

/**
 * The verdict on a win-rate claim with everything that supports it: the point estimate (ties as half), its n,
 * the prompt-clustered bootstrap interval that decides the verdict, the Wilson interval beside it, the sign
 * test's one-sided p-value against the threshold, and, when inconclusive, roughly how many more decided pairs
 * would settle it if the estimate held.
 */
public record ClaimAssessment(ClaimVerdict verdict, Double estimate, long n, long decisive, Interval interval,
                              Interval wilson, double pValue, Long morePairsNeeded) {

    /** Bootstrap settings: resamples and seed (the run's), so that a report reproduces. */
    public record Settings(int resamples, long seed) {
        public static final Settings DEFAULT = new Settings(ClusteredBootstrap.DEFAULT_RESAMPLES, 0);
    }

    public static ClaimAssessment of(Comparator comparator, double threshold, PairCounts counts,
                                     List<Observation> observations, Settings settings) {
        long n = observations.size();
        long decisive = counts.wins() + counts.losses();
        double p = BinomialTest.pValue(counts.wins(), decisive, threshold, comparator.upward());
        if (n == 0) {
            return new ClaimAssessment(ClaimVerdict.INCONCLUSIVE, null, 0, decisive, null, null, p, null);
        }
        double estimate = observations.stream().mapToDouble(Observation::win).average().orElseThrow();
        Interval interval = ClusteredBootstrap.interval(observations, settings.resamples(), settings.seed());
        Interval wilson = WinRate.wilson(estimate, n, WinRate.Z95);
        ClaimVerdict verdict = ClaimVerdict.of(comparator, threshold, interval);
        return new ClaimAssessment(verdict, estimate, n, decisive, interval, wilson, p,
                verdict == ClaimVerdict.INCONCLUSIVE ? morePairs(estimate, threshold, n, interval) : null);
    }

    /**
     * The interval's half-width shrinks as 1/sqrt(n): it clears the threshold once n reaches
     * n * (halfWidth / |estimate - threshold|)^2. Null when the estimate sits on the threshold (no n settles it).
     */
    static Long morePairs(double estimate, double threshold, long n, Interval interval) {
        double distance = Math.abs(estimate - threshold);
        double halfWidth = (interval.upper() - interval.lower()) / 2;
        if (distance < 1e-12 || halfWidth <= 0) {
            return null;
        }
        double needed = n * (halfWidth / distance) * (halfWidth / distance);
        return Math.max(1L, (long) Math.ceil(needed - n - 1e-9)); // the epsilon absorbs rounding in the ratio
    }
}
