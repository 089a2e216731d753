package io.claimbench.catalog;

import io.claimbench.stats.Comparator;

import java.util.Objects;

/** What a claim asserts about a comparison: the candidate's metric relates to the threshold by the comparator. */
public record Hypothesis(String metric, Comparator comparator, double threshold) {
    public static final String WIN_RATE = "win-rate";
    /** Candidate / baseline mean time to first token (streamed answers). */
    public static final String FIRST_TOKEN_RATIO = "first-token-ratio";
    /** Candidate / baseline mean total latency. */
    public static final String LATENCY_RATIO = "latency-ratio";
    /** Candidate / baseline mean cost per answer at list price. */
    public static final String COST_RATIO = "cost-ratio";
    /** Candidate / baseline cost per win (a tie is half a win to each). */
    public static final String COST_PER_WIN_RATIO = "cost-per-win-ratio";
    public static final java.util.Set<String> EFFICIENCY_METRICS = java.util.Set.of(FIRST_TOKEN_RATIO, LATENCY_RATIO,
            COST_RATIO, COST_PER_WIN_RATIO);

    public Hypothesis {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        if (WIN_RATE.equals(metric) && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("a win-rate threshold must be in [0,1]: " + threshold);
        }
        if (EFFICIENCY_METRICS.contains(metric) && !(threshold > 0)) {
            throw new IllegalArgumentException("a ratio threshold must be positive: " + threshold);
        }
    }

    public String describe() {
        return metric + " " + comparator.symbol() + " " + threshold;
    }
}
