package io.claimbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A paired comparison of a cost-like measure (time to first token, latency, price) between the candidate and the
 * baseline over the same work items: both means, the mean difference (candidate - baseline) and the ratio of
 * means (candidate / baseline), each with a percentile bootstrap interval that resamples whole prompts, so the
 * samples of one prompt move together. Seeded: the same input and seed give the same intervals.
 *
 * <p>Cost per win divides each side's summed cost by its summed win share (a tie is half a win to each side);
 * its ratio is (candidate cost per win) / (baseline cost per win).
 */
public final class PairedRatio {

    private PairedRatio() {
    }

    /** One work item's measure for both models; {@code cluster} is its prompt. */
    public record Pair(String cluster, double candidate, double baseline) {
    }

    public record Result(long n, Double candidateMean, Double baselineMean, Double difference,
                         Interval differenceInterval, Double ratio, Interval ratioInterval) {
        public static final Result EMPTY = new Result(0, null, null, null, null, null, null);
    }

    /** One decided work item's cost for both models and the candidate's win share (the baseline's is 1 - it). */
    public record CostShare(String cluster, double candidateCost, double baselineCost, double candidateWinShare) {
    }

    /**
     * Cost per win of each side, and the ratio with its interval; an interval is absent when some resamples leave
     * a side without a win (the ratio is then unbounded there), the point figure when a side never won.
     */
    public record CostPerWin(long n, Double candidateCostPerWin, Double baselineCostPerWin, Double ratio,
                             Interval ratioInterval) {
        public static final CostPerWin EMPTY = new CostPerWin(0, null, null, null, null);
    }

    public static Result of(List<Pair> pairs, int resamples, long seed) {
        if (pairs.isEmpty()) {
            return Result.EMPTY;
        }
        List<double[]> clusters = clusters(pairs.stream().map(p -> new Row(p.cluster(),
                new double[]{p.candidate(), p.baseline(), 1})).toList());
        double[] total = sum(clusters);
        double ratio = total[1] == 0 ? Double.NaN : total[0] / total[1];
        SplittableRandom random = new SplittableRandom(seed);
        double[] diffs = new double[resamples];
        double[] ratios = new double[resamples];
        boolean ratioBounded = true;
        for (int b = 0; b < resamples; b++) {
            double[] s = resample(clusters, random);
            diffs[b] = (s[0] - s[1]) / s[2];
            ratios[b] = s[0] / s[1];
            ratioBounded &= s[1] > 0;
        }
        return new Result(pairs.size(), total[0] / total[2], total[1] / total[2], (total[0] - total[1]) / total[2],
                percentile(diffs), Double.isNaN(ratio) ? null : ratio, ratioBounded ? percentile(ratios) : null);
    }

    public static CostPerWin costPerWin(List<CostShare> items, int resamples, long seed) {
        if (items.isEmpty()) {
            return CostPerWin.EMPTY;
        }
        List<double[]> clusters = clusters(items.stream().map(i -> new Row(i.cluster(),
                new double[]{i.candidateCost(), i.baselineCost(), i.candidateWinShare(), 1 - i.candidateWinShare()})).toList());
        double[] t = sum(clusters);
        Double cand = t[2] > 0 ? t[0] / t[2] : null;
        Double base = t[3] > 0 ? t[1] / t[3] : null;
        Double ratio = cand != null && base != null && base > 0 ? cand / base : null;
        Interval interval = null;
        if (ratio != null) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] ratios = new double[resamples];
            boolean bounded = true;
            for (int b = 0; b < resamples && bounded; b++) {
                double[] s = resample(clusters, random);
                bounded = s[2] > 0 && s[3] > 0 && s[1] > 0;
                ratios[b] = bounded ? (s[0] / s[2]) / (s[1] / s[3]) : Double.NaN;
            }
            interval = bounded ? percentile(ratios) : null;
        }
        return new CostPerWin(items.size(), cand, base, ratio, interval);
    }

    /** One work item's quantities, summed per cluster. */
    private record Row(String cluster, double[] values) {
    }

    private static List<double[]> clusters(List<Row> rows) {
        Map<String, double[]> byCluster = new LinkedHashMap<>();
        for (Row row : rows) {
            double[] x = row.values();
            double[] acc = byCluster.computeIfAbsent(row.cluster(), k -> new double[x.length]);
            for (int i = 0; i < x.length; i++) {
                acc[i] += x[i];
            }
        }
        return new ArrayList<>(byCluster.values());
    }

    private static double[] sum(List<double[]> clusters) {
        double[] t = new double[clusters.get(0).length];
        clusters.forEach(c -> {
            for (int i = 0; i < c.length; i++) {
                t[i] += c[i];
            }
        });
        return t;
    }

    private static double[] resample(List<double[]> clusters, SplittableRandom random) {
        int k = clusters.size();
        double[] s = new double[clusters.get(0).length];
        for (int i = 0; i < k; i++) {
            double[] c = clusters.get(random.nextInt(k));
            for (int j = 0; j < c.length; j++) {
                s[j] += c[j];
            }
        }
        return s;
    }

    private static Interval percentile(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(ClusteredBootstrap.quantile(sorted, 0.025), ClusteredBootstrap.quantile(sorted, 0.975), 0.95,
                "clustered-bootstrap");
    }
}
