package io.claimbench.stats;

/** A two-sided confidence interval with its level and the method that produced it. */
public record Interval(double lower, double upper, double level, String method) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("invalid interval [" + lower + ", " + upper + "]");
        }
        if (level <= 0 || level >= 1) {
            throw new IllegalArgumentException("level must be in (0,1): " + level);
        }
    }

    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
