package io.claimbench.catalog;

import io.claimbench.stats.Comparator;

import java.util.Objects;

/** What a claim asserts about a comparison: the candidate's metric relates to the threshold by the comparator. */
public record Hypothesis(String metric, Comparator comparator, double threshold) {
    public static final String WIN_RATE = "win-rate";

    public Hypothesis {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        if (WIN_RATE.equals(metric) && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("a win-rate threshold must be in [0,1]: " + threshold);
        }
    }

    public String describe() {
        return metric + " " + comparator.symbol() + " " + threshold;
    }
}
