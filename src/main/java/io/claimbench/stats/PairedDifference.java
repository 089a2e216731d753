package io.claimbench.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paired difference candidate - baseline of a per-item measure over the same work items, with a 95% interval
 * that takes the items of one prompt (its samples) for one cluster, not for independent items. Empty input gives
 * n = 0 and nulls; fewer than two prompts give the means without an interval.
 *
 * <p>Scores ({@link #ofMeans}): the normal interval of the mean difference with the prompt-clustered variance
 * k/(k-1) * sum over prompts of (S_c - n_c * mean)^2 / N^2 (k prompts, N items, S_c a prompt's summed differences),
 * which with one item per prompt is the usual s^2 / N. Right-or-wrong answers ({@link #ofProportions}):
 * Newcombe's hybrid score interval for paired proportions (1998, method 10: Wilson intervals of both accuracies
 * combined with the phi correlation of the 2x2 table), whose bounds stay inside [-1, 1] and which keeps a width
 * when no item is discordant; with several samples per prompt its counts are divided by the design effect (how
 * much the prompts' clustering widens the variance of the difference, at least 1: Kish's effective sample size).
 */
public record PairedDifference(long n, Double candidateMean, Double baselineMean, Double difference, Interval interval) {

    public static final PairedDifference EMPTY = new PairedDifference(0, null, null, null, null);

    /** Paired scores; each pair's cluster is its prompt. */
    public static PairedDifference ofMeans(List<PairedRatio.Pair> pairs) {
        if (pairs.isEmpty()) {
            return EMPTY;
        }
        Sums s = Sums.of(pairs);
        Double variance = s.clusteredVariance();
        Interval interval = variance == null ? null : new Interval(s.difference() - WinRate.Z95 * Math.sqrt(variance),
                s.difference() + WinRate.Z95 * Math.sqrt(variance), 0.95, "normal");
        return new PairedDifference(s.n, s.candidate / s.n, s.baseline / s.n, s.difference(), interval);
    }

    /** Paired right (1) or wrong (0) answers; each pair's cluster is its prompt. */
    public static PairedDifference ofProportions(List<PairedRatio.Pair> pairs) {
        if (pairs.isEmpty()) {
            return EMPTY;
        }
        double bothRight = 0;
        double candidateOnly = 0;
        double baselineOnly = 0;
        for (PairedRatio.Pair p : pairs) {
            if (!isBinary(p.candidate()) || !isBinary(p.baseline())) {
                throw new IllegalArgumentException("right-or-wrong scores must be 0 or 1: " + p);
            }
            bothRight += p.candidate() * p.baseline();
            candidateOnly += p.candidate() * (1 - p.baseline());
            baselineOnly += (1 - p.candidate()) * p.baseline();
        }
        Sums s = Sums.of(pairs);
        if (s.clusters.size() < 2) {
            return new PairedDifference(s.n, s.candidate / s.n, s.baseline / s.n, s.difference(), null);
        }
        double deff = s.designEffect();
        Interval interval = newcombe(bothRight / deff, candidateOnly / deff, baselineOnly / deff,
                (s.n - bothRight - candidateOnly - baselineOnly) / deff);
        return new PairedDifference(s.n, s.candidate / s.n, s.baseline / s.n, s.difference(), interval);
    }

    /**
     * Newcombe's method 10 for the 2x2 table of paired answers: both right, only the candidate right, only the
     * baseline right, both wrong (counts may be fractional: effective counts under clustering).
     */
    static Interval newcombe(double bothRight, double candidateOnly, double baselineOnly, double bothWrong) {
        double n = bothRight + candidateOnly + baselineOnly + bothWrong;
        double p1 = (bothRight + candidateOnly) / n;
        double p2 = (bothRight + baselineOnly) / n;
        Interval w1 = WinRate.wilson(p1, n, WinRate.Z95);
        Interval w2 = WinRate.wilson(p2, n, WinRate.Z95);
        double marginals = (bothRight + candidateOnly) * (baselineOnly + bothWrong) * (bothRight + baselineOnly)
                * (candidateOnly + bothWrong);
        double phi = marginals == 0 ? 0 : (bothRight * bothWrong - candidateOnly * baselineOnly) / Math.sqrt(marginals);
        double d = p1 - p2;
        double dl1 = p1 - w1.lower();
        double du1 = w1.upper() - p1;
        double dl2 = p2 - w2.lower();
        double du2 = w2.upper() - p2;
        double below = Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
        double above = Math.sqrt(Math.max(0, du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2));
        return new Interval(Math.max(-1, d - below), Math.min(1, d + above), 0.95, "newcombe");
    }

    private static boolean isBinary(double x) {
        return x == 0 || x == 1;
    }

    /** Totals over the items, and each prompt's summed difference and item count. */
    private record Sums(long n, double candidate, double baseline, List<double[]> clusters, List<PairedRatio.Pair> pairs) {

        static Sums of(List<PairedRatio.Pair> pairs) {
            Map<String, double[]> byCluster = new LinkedHashMap<>();
            double cand = 0;
            double base = 0;
            for (PairedRatio.Pair p : pairs) {
                cand += p.candidate();
                base += p.baseline();
                double[] c = byCluster.computeIfAbsent(p.cluster(), k -> new double[2]);
                c[0] += p.candidate() - p.baseline();
                c[1]++;
            }
            return new Sums(pairs.size(), cand, base, List.copyOf(byCluster.values()), pairs);
        }

        double difference() {
            return (candidate - baseline) / n;
        }

        /** The prompt-clustered variance of the mean difference; null with fewer than two prompts. */
        Double clusteredVariance() {
            int k = clusters.size();
            if (k < 2) {
                return null;
            }
            double mean = difference();
            double ss = 0;
            for (double[] c : clusters) {
                ss += (c[0] - c[1] * mean) * (c[0] - c[1] * mean);
            }
            return (double) k / (k - 1) * ss / ((double) n * n);
        }

        /**
         * How much the clustering widens the variance of the mean difference over independent items: the summed
         * squares of the prompts' deviations over those of the items (the prompts' size when their samples agree, 1
         * with one item per prompt), at least 1.
         */
        double designEffect() {
            double mean = difference();
            double items = 0;
            for (PairedRatio.Pair p : pairs) {
                double d = p.candidate() - p.baseline() - mean;
                items += d * d;
            }
            double prompts = 0;
            for (double[] c : clusters) {
                prompts += (c[0] - c[1] * mean) * (c[0] - c[1] * mean);
            }
            return items == 0 ? 1 : Math.max(1, prompts / items);
        }
    }
}
