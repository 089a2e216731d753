package io.claimbench.stats;

/**
 * How many decided pairs a claim needs before a run: the one-sided binomial test of the threshold at level
 * alpha has the given power when the true win rate is the expected one (normal approximation), inflated for the
 * share of pairs that end unscored or in error.
 */
public final class Planner {

    private Planner() {
    }

    /** Decided pairs needed; throws when the expected rate is not on the claimed side of the threshold. */
    public static long decidedPairs(double threshold, double expected, boolean upward, double alpha, double power) {
        if (alpha <= 0 || alpha >= 0.5 || power <= 0 || power >= 1) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5) and power in (0, 1)");
        }
        double effect = upward ? expected - threshold : threshold - expected;
        if (effect <= 0) {
            throw new IllegalArgumentException("expectedWinRate must lie on the claimed side of the threshold "
                    + (upward ? "(above " : "(below ") + threshold + ")");
        }
        double za = Normal.quantile(1 - alpha);
        double zb = Normal.quantile(power);
        double root = za * Math.sqrt(threshold * (1 - threshold)) + zb * Math.sqrt(expected * (1 - expected));
        return (long) Math.ceil(root * root / (effect * effect) - 1e-9);
    }

    /** Pairs to run so that {@code decided} of them end decided when a share {@code lost} does not. */
    public static long pairsToRun(long decided, double lost) {
        if (lost < 0 || lost >= 1) {
            throw new IllegalArgumentException("the unscored-or-error share must be in [0, 1)");
        }
        return (long) Math.ceil(decided / (1 - lost) - 1e-9);
    }
}
