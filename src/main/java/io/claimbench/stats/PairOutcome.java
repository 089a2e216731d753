package io.claimbench.stats;

/** The outcome of one comparison, seen from the candidate. */
public enum PairOutcome {
    WIN, TIE, LOSS, UNSCORED, ERROR;

    public boolean decided() {
        return this == WIN || this == TIE || this == LOSS;
    }
}
