package io.claimbench.judging;

import io.claimbench.stats.PairOutcome;

/**
 * The one place where two answer scores become a pair's decision: the higher score wins, a difference within the
 * tie band ties, and an unscored answer makes the pair unscored with its reason.
 */
public final class PairScores {

    static final double TIE_EPSILON = 1e-9;

    private PairScores() {
    }

    /**
     * Programmatic scores: each side's value is kept even when the other side is unscored, so a benchmark
     * figure counts every answer it could score.
     */
    public static PairScore fromScores(AnswerScore candidate, AnswerScore baseline) {
        PairDecision d = decide(candidate, baseline, 0, "");
        return new PairScore(d, new PairScore.Sides(value(candidate), value(baseline), candidate, baseline), null, null,
                java.util.List.of());
    }

    /** Two rubric grades (1-10): the values are kept only when both sides were graded. */
    public static PairDecision fromGrades(AnswerScore candidate, AnswerScore baseline, double tieBand) {
        return decide(candidate, baseline, tieBand, " grade");
    }

    private static PairDecision decide(AnswerScore candidate, AnswerScore baseline, double tieBand, String what) {
        if (candidate instanceof AnswerScore.Unscored u) {
            return new PairDecision(PairOutcome.UNSCORED, 0, null, "candidate" + what + ": " + u.reason());
        }
        if (baseline instanceof AnswerScore.Unscored u) {
            return new PairDecision(PairOutcome.UNSCORED, 0, null, "baseline" + what + ": " + u.reason());
        }
        double d = ((AnswerScore.Scored) candidate).value() - ((AnswerScore.Scored) baseline).value();
        int strength = Math.abs(d) <= tieBand + TIE_EPSILON ? 0 : d > 0 ? 1 : -1;
        PairOutcome outcome = strength > 0 ? PairOutcome.WIN : strength < 0 ? PairOutcome.LOSS : PairOutcome.TIE;
        return new PairDecision(outcome, strength, null, null);
    }

    static Double value(AnswerScore s) {
        return s instanceof AnswerScore.Scored sc ? sc.value() : null;
    }
}
