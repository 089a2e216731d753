package io.claimbench.web;

import io.claimbench.stats.PairOutcome;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The comparisons browser's filter: a category and an outcome, either absent. */
public record ComparisonFilter(String category, String outcome) {

    public ComparisonFilter {
        category = category == null || category.isBlank() ? null : category;
        outcome = outcome == null || outcome.isBlank() ? null : outcome.toUpperCase(Locale.ROOT);
        if (outcome != null) {
            try {
                PairOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new PageException(400, "outcome must be one of win, tie, loss, unscored, error");
            }
        }
    }

    PairOutcome pairOutcome() {
        return outcome == null ? null : PairOutcome.valueOf(outcome);
    }

    /** The filter as a query string ({@code category=..&outcome=..}), encoded; empty without a filter. */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (category != null) {
            q.append("category=").append(URLEncoder.encode(category, StandardCharsets.UTF_8));
        }
        if (outcome != null) {
            q.append(q.isEmpty() ? "" : "&").append("outcome=").append(outcome);
        }
        return q.toString();
    }

    /** Every outcome, for the filter's choices. */
    public java.util.List<String> outcomes() {
        return java.util.Arrays.stream(PairOutcome.values()).map(Enum::name).toList();
    }

    public boolean is(String o) {
        return o.equals(outcome);
    }

    public boolean isCategory(String c) {
        return c.equals(category);
    }
}
