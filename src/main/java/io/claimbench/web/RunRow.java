package io.claimbench.web;

import io.claimbench.api.IntervalView;

import java.time.Instant;

/** One run on the dashboard: what it compares, how far it is, and its verdict and win rate once it has figures. */
public record RunRow(String id, String state, String evalSet, String candidate, String baseline, long done, int total,
                     String verdict, Double winRate, IntervalView interval, long n, String startedBy,
                     Instant createdAt) {

    /** Progress as a whole percentage, for the progress bar. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
