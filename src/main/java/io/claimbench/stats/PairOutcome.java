package io.claimbench.stats;

/** The outcome of one comparison, seen from the candidate. */
public enum PairOutcome {
    WIN, TIE, LOSS, UNSCORED, ERROR;

    public boolean decided() {
        return this == WIN || this == TIE || this == LOSS;
    }

    /** The candidate's share of a decided outcome: a win 1, a tie 1/2, a loss 0. */
    public double winShare() {
        return switch (this) {
            case WIN -> 1.0;
            case TIE -> 0.5;
            case LOSS -> 0.0;
            default -> throw new IllegalArgumentException("not a decided outcome: " + this);
        };
    }
}
