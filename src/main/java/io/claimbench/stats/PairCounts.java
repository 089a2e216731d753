package io.claimbench.stats;

/**
 * Outcomes of pairwise comparisons from the candidate's side. Unscored comparisons (a judge answer that could
 * not be parsed) and errors (a failed call) are counted apart and never as losses.
 */
public record PairCounts(long wins, long ties, long losses, long unscored, long errors) {
    public static final PairCounts EMPTY = new PairCounts(0, 0, 0, 0, 0);

    public PairCounts {
        if (wins < 0 || ties < 0 || losses < 0 || unscored < 0 || errors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Comparisons that have a scored outcome: the n of the win rate. */
    public long decided() {
        return wins + ties + losses;
    }

    public long total() {
        return decided() + unscored + errors;
    }

    public PairCounts add(PairCounts o) {
        return new PairCounts(wins + o.wins, ties + o.ties, losses + o.losses, unscored + o.unscored, errors + o.errors);
    }

    public PairCounts plus(PairOutcome outcome) {
        return plus(outcome, 1);
    }

    public PairCounts plus(PairOutcome outcome, long n) {
        return switch (outcome) {
            case WIN -> new PairCounts(wins + n, ties, losses, unscored, errors);
            case TIE -> new PairCounts(wins, ties + n, losses, unscored, errors);
            case LOSS -> new PairCounts(wins, ties, losses + n, unscored, errors);
            case UNSCORED -> new PairCounts(wins, ties, losses, unscored + n, errors);
            case ERROR -> new PairCounts(wins, ties, losses, unscored, errors + n);
        };
    }
}
