package io.claimbench.stats;

import java.util.Arrays;

/** Mean of a sample with n and a 95% normal interval (t not needed at the sizes reported); empty when n = 0. */
public record Summary(long n, Double mean, Interval interval) {

    public static Summary of(double[] xs) {
        long n = xs.length;
        if (n == 0) {
            return new Summary(0, null, null);
        }
        double mean = Arrays.stream(xs).average().orElseThrow();
        if (n == 1) {
            return new Summary(1, mean, null);
        }
        double ss = Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum();
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Summary(n, mean, new Interval(mean - WinRate.Z95 * se, mean + WinRate.Z95 * se, 0.95, "normal"));
    }
}
