package io.claimbench.judging;

import io.claimbench.stats.PairOutcome;

/**
 * The one place where the two games of a pair are mapped back to the candidate and combined. Game 1 shows the
 * candidate as A, game 2 shows it as B. The pair's outcome is the sign of the summed strengths from the
 * candidate's side, so a judge that always prefers the first position yields a tie, not a win. A pair needs
 * both games scored: an error in either makes it an error, otherwise an unscored game makes it unscored.
 */
public final class SwapCombiner {

    private SwapCombiner() {
    }

    /** The candidate's strength (+2..-2) in one game. */
    public static int candidateStrength(Preference p, boolean candidateIsA) {
        return candidateIsA ? p.strength() : -p.strength();
    }

    public static Combined combine(Verdict game1CandidateA, Verdict game2CandidateB) {
        if (game1CandidateA instanceof Verdict.Errored e) {
            return new Combined(PairOutcome.ERROR, 0, "game 1: " + e.reason());
        }
        if (game2CandidateB instanceof Verdict.Errored e) {
            return new Combined(PairOutcome.ERROR, 0, "game 2: " + e.reason());
        }
        if (game1CandidateA instanceof Verdict.Unscored u) {
            return new Combined(PairOutcome.UNSCORED, 0, "game 1: " + u.reason());
        }
        if (game2CandidateB instanceof Verdict.Unscored u) {
            return new Combined(PairOutcome.UNSCORED, 0, "game 2: " + u.reason());
        }
        int s = candidateStrength(((Verdict.Scored) game1CandidateA).preference(), true)
                + candidateStrength(((Verdict.Scored) game2CandidateB).preference(), false);
        PairOutcome outcome = s > 0 ? PairOutcome.WIN : s < 0 ? PairOutcome.LOSS : PairOutcome.TIE;
        return new Combined(outcome, s, null);
    }

    /** A pair's outcome, the summed candidate strength (-4..4) and, when not decided, why. */
    public record Combined(PairOutcome outcome, int strength, String reason) {
    }
}
