package io.claimbench.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A length-controlled win rate in the AlpacaEval manner, simplified: the win share is modelled as
 * sigmoid(theta + phi * tanh(d / sd(d))) with d the candidate's answer length minus the baseline's, fitted by
 * maximum likelihood (fractional outcomes allowed); the controlled rate is sigmoid(theta), what the candidate would
 * win at equal length. AlpacaEval's GLM also models instruction difficulty, which this does not: an estimate,
 * labelled as such, with a prompt-clustered bootstrap interval.
 */
public final class LengthControlledWinRate {

    public static final String LABEL = "length-controlled win rate (estimate: logistic GLM on tanh-scaled length "
            + "difference, as AlpacaEval's without its instruction-difficulty term)";

    private LengthControlledWinRate() {
    }

    /** One decided pair: the candidate's win share and both answers' lengths. */
    public record Pair(String cluster, double win, int candidateLength, int baselineLength) {
    }

    public record Result(long n, Double value, Double lengthCoefficient, Interval interval, String label) {
    }

    public static Result of(List<Pair> pairs, int resamples, long seed) {
        if (pairs.size() < 2) {
            return new Result(pairs.size(), null, null, null, LABEL);
        }
        double[] fit = fit(pairs, null);
        Interval interval = null;
        if (resamples > 0) {
            Map<String, List<Integer>> byCluster = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i++) {
                byCluster.computeIfAbsent(pairs.get(i).cluster(), k -> new ArrayList<>()).add(i);
            }
            List<List<Integer>> clusters = new ArrayList<>(byCluster.values());
            SplittableRandom random = new SplittableRandom(seed);
            double[] values = new double[resamples];
            int[] weights = new int[pairs.size()];
            for (int r = 0; r < resamples; r++) {
                java.util.Arrays.fill(weights, 0);
                for (int c = 0; c < clusters.size(); c++) {
                    for (int i : clusters.get(random.nextInt(clusters.size()))) {
                        weights[i]++;
                    }
                }
                values[r] = sigmoid(fit(pairs, weights)[0]);
            }
            java.util.Arrays.sort(values);
            interval = new Interval(ClusteredBootstrap.quantile(values, 0.025), ClusteredBootstrap.quantile(values, 0.975),
                    0.95, "clustered-bootstrap");
        }
        return new Result(pairs.size(), sigmoid(fit[0]), fit[1], interval, LABEL);
    }

    /** Newton-Raphson on (theta, phi) of the weighted Bernoulli likelihood, with a tiny ridge for stability. */
    static double[] fit(List<Pair> pairs, int[] weights) {
        int n = pairs.size();
        double mean = 0;
        for (Pair p : pairs) {
            mean += (p.candidateLength() - p.baselineLength()) / (double) n;
        }
        double var = 0;
        for (Pair p : pairs) {
            double d = p.candidateLength() - p.baselineLength() - mean;
            var += d * d / Math.max(1, n - 1);
        }
        double sd = var > 0 ? Math.sqrt(var) : 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.tanh((pairs.get(i).candidateLength() - pairs.get(i).baselineLength()) / sd);
        }
        double theta = 0;
        double phi = 0;
        double ridge = 1e-6;
        for (int iter = 0; iter < 100; iter++) {
            double g0 = -ridge * theta;
            double g1 = -ridge * phi;
            double h00 = ridge;
            double h01 = 0;
            double h11 = ridge;
            for (int i = 0; i < n; i++) {
                double w = weights == null ? 1 : weights[i];
                if (w == 0) {
                    continue;
                }
                double p = sigmoid(theta + phi * x[i]);
                double residual = pairs.get(i).win() - p;
                double v = p * (1 - p);
                g0 += w * residual;
                g1 += w * residual * x[i];
                h00 += w * v;
                h01 += w * v * x[i];
                h11 += w * v * x[i] * x[i];
            }
            double det = h00 * h11 - h01 * h01;
            if (det <= 0) {
                break;
            }
            double d0 = (h11 * g0 - h01 * g1) / det;
            double d1 = (h00 * g1 - h01 * g0) / det;
            theta += Math.max(-5, Math.min(5, d0));
            phi += Math.max(-5, Math.min(5, d1));
            if (Math.abs(d0) < 1e-10 && Math.abs(d1) < 1e-10) {
                break;
            }
        }
        return new double[]{theta, phi};
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
