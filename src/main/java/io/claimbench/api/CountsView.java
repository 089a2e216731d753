package io.claimbench.api;

import io.claimbench.stats.PairCounts;

/**
 * Outcomes of comparisons from the candidate's side as the API shows them, mapped from {@link PairCounts}:
 * unscored pairs and errors apart from the decided ones.
 */
public record CountsView(long wins, long ties, long losses, long unscored, long errors) {

    public static CountsView of(PairCounts c) {
        return c == null ? null : new CountsView(c.wins(), c.ties(), c.losses(), c.unscored(), c.errors());
    }
}
