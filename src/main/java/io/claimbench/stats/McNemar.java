package io.claimbench.stats;

/**
 * McNemar's exact test for two models answering the same items right or wrong: only the discordant items count,
 * b (only the candidate right) and c (only the baseline right); under no difference b ~ Binomial(b + c, 1/2).
 */
public final class McNemar {

    private McNemar() {
    }

    /** Two-sided exact p-value: twice the smaller tail, at most 1; 1 when no item is discordant. */
    public static double exactPValue(long b, long c) {
        long n = b + c;
        if (n == 0) {
            return 1.0;
        }
        long k = Math.min(b, c);
        double lowerTail = 1 - BinomialTest.upperTail(k + 1, n, 0.5);
        return Math.min(1.0, 2 * lowerTail);
    }

    /** Paired accuracies of two models with the test of their difference. */
    public record Result(long n, double candidateAccuracy, double baselineAccuracy, long candidateOnly,
                         long baselineOnly, double pValue) {
    }

    /** Null when there is no pair. */
    public static Result of(boolean[] candidate, boolean[] baseline) {
        if (candidate.length != baseline.length) {
            throw new IllegalArgumentException("paired outcomes must have the same length");
        }
        long n = candidate.length;
        long b = 0;
        long c = 0;
        long candRight = 0;
        long baseRight = 0;
        for (int i = 0; i < n; i++) {
            candRight += candidate[i] ? 1 : 0;
            baseRight += baseline[i] ? 1 : 0;
            b += candidate[i] && !baseline[i] ? 1 : 0;
            c += !candidate[i] && baseline[i] ? 1 : 0;
        }
        if (n == 0) {
            return null;
        }
        return new Result(n, (double) candRight / n, (double) baseRight / n, b, c, exactPValue(b, c));
    }
}
