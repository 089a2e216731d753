package io.claimbench.web;

import io.claimbench.stats.PairOutcome;

import java.util.Locale;
import java.util.Optional;

/** What a voter can answer on the voting page, by position; turned into the candidate's outcome in one place. */
public enum VoteChoice {
    LEFT, RIGHT, TIE, BOTH_BAD;

    /** The outcome from the candidate's side; "both bad" counts as a tie, as in Chatbot Arena. */
    public PairOutcome outcome(boolean candidateLeft) {
        return switch (this) {
            case LEFT -> candidateLeft ? PairOutcome.WIN : PairOutcome.LOSS;
            case RIGHT -> candidateLeft ? PairOutcome.LOSS : PairOutcome.WIN;
            case TIE, BOTH_BAD -> PairOutcome.TIE;
        };
    }

    static Optional<VoteChoice> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As the reveal page says it. */
    public String label() {
        return switch (this) {
            case LEFT -> "left is better";
            case RIGHT -> "right is better";
            case TIE -> "tie";
            case BOTH_BAD -> "both are bad";
        };
    }
}
