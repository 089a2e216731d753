package io.claimbench.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of a mean win share, resampling whole clusters (prompts) with replacement, so that the
 * samples of one prompt and both games of a pair move together. Seeded: the same input and seed give the same
 * interval.
 */
public final class ClusteredBootstrap {

    public static final int DEFAULT_RESAMPLES = 1000;

    private ClusteredBootstrap() {
    }

    /** The 95% interval of the mean, or null for no observation. */
    public static Interval interval(List<Observation> observations, int resamples, long seed) {
        return interval(observations, resamples, seed, 0.95);
    }

    public static Interval interval(List<Observation> observations, int resamples, long seed, double level) {
        if (observations.isEmpty()) {
            return null;
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive");
        }
        // Per cluster: sum of win shares and count; a resample draws clusters and pools their sums.
        Map<String, double[]> byCluster = new LinkedHashMap<>();
        for (Observation o : observations) {
            double[] acc = byCluster.computeIfAbsent(o.cluster(), k -> new double[2]);
            acc[0] += o.win();
            acc[1] += 1;
        }
        // Flat arrays, in the clusters' order: the same draws and sums, without chasing one array per cluster.
        int k = byCluster.size();
        double[] sums = new double[k];
        double[] counts = new double[k];
        int j = 0;
        for (double[] c : byCluster.values()) {
            sums[j] = c[0];
            counts[j++] = c[1];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            double n = 0;
            for (int i = 0; i < k; i++) {
                int c = random.nextInt(k);
                sum += sums[c];
                n += counts[c];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new Interval(quantile(means, tail), quantile(means, 1 - tail), level, "clustered-bootstrap");
    }

    /** Linear interpolation between order statistics (type 7, as numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
