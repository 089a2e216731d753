package io.claimbench.api;

import io.claimbench.stats.Interval;

/** A two-sided confidence interval as the API shows it, mapped from {@link Interval}: bounds, level and method. */
public record IntervalView(double lower, double upper, double level, String method) {

    public static IntervalView of(Interval i) {
        return i == null ? null : new IntervalView(i.lower(), i.upper(), i.level(), i.method());
    }
}
