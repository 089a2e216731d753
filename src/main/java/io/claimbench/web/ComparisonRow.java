package io.claimbench.web;

import io.claimbench.api.ComparisonPageView;

/** One line of the comparisons browser: where it is in the filtered list, and what the pair came to. */
public record ComparisonRow(int index, String promptId, String category, int sample, String outcome, int strength,
                            String excerpt, boolean flagged) {

    static final int EXCERPT = 120;

    static ComparisonRow of(int index, ComparisonPageView.ItemView i) {
        String p = i.prompt() == null ? "" : i.prompt().strip().replaceAll("\\s+", " ");
        return new ComparisonRow(index, i.promptId(), i.category(), i.sample(), i.outcome(), i.strength(),
                p.length() <= EXCERPT ? p : p.substring(0, EXCERPT - 1) + "…", i.flags() != null);
    }
}
