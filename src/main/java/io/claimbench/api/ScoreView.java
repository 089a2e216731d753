package io.claimbench.api;

import io.claimbench.results.RunReport;

/** A mean with its n and 95% interval, mapped from {@link RunReport.ScoreFigure}. */
public record ScoreView(long n, Double mean, IntervalView interval) {

    public static ScoreView of(RunReport.ScoreFigure s) {
        return s == null ? null : new ScoreView(s.n(), s.mean(), IntervalView.of(s.interval()));
    }
}
