package io.claimbench.runs;

import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.Game;
import io.claimbench.judging.Preference;
import io.claimbench.judging.Verdict;

/**
 * The one mapping between what a scorer read from a judge's answer ({@link Verdict}, or a grade) and the columns of
 * a {@link JudgmentEntity}: written once when the item is recorded, read back the same way everywhere.
 */
public final class JudgmentVerdicts {

    private JudgmentVerdicts() {
    }

    /** Writes a game's reading into its recorded call. */
    public static void write(JudgmentEntity j, Game game) {
        switch (game) {
            case Game.Pairwise p -> {
                write(j, p.verdict());
                j.structured = p.verdict() instanceof Verdict.Errored ? null : p.structured();
            }
            case Game.Graded g -> {
                j.outcome = g.grade() instanceof AnswerScore.Scored ? GameOutcome.SCORED : GameOutcome.UNSCORED;
                j.reason = g.grade() instanceof AnswerScore.Unscored u ? u.reason() : null;
            }
            case Game.Failed f -> {
                j.outcome = GameOutcome.ERROR;
                j.reason = f.reason();
            }
        }
    }

    static void write(JudgmentEntity j, Verdict v) {
        j.rationale = v.rationale();
        switch (v) {
            case Verdict.Scored s -> {
                j.outcome = GameOutcome.SCORED;
                j.preference = s.preference().label();
            }
            case Verdict.Unscored u -> {
                j.outcome = GameOutcome.UNSCORED;
                j.reason = u.reason();
            }
            case Verdict.Errored e -> {
                j.outcome = GameOutcome.ERROR;
                j.reason = e.reason();
            }
        }
    }

    /**
     * A pairwise game's verdict read back. A scored game whose stored preference is no longer readable (edited by
     * hand, or written by an older version) reads as unscored, never as a guess.
     */
    public static Verdict read(JudgmentEntity j) {
        return read(j.outcome, j.preference, j.reason, j.rationale);
    }

    /** The same, from the columns of a query that selects them alone. */
    public static Verdict read(GameOutcome outcome, String preference, String reason, String rationale) {
        return switch (outcome) {
            case SCORED -> Preference.parse(preference)
                    .<Verdict>map(p -> new Verdict.Scored(p, rationale))
                    .orElseGet(() -> new Verdict.Unscored("unreadable stored preference", rationale));
            case UNSCORED -> new Verdict.Unscored(reason == null ? "unscored" : reason, rationale);
            case ERROR -> new Verdict.Errored(reason == null ? "error" : reason);
        };
    }

    /** Whether the game is one of a pair's two orders (games 1 and 2), as opposed to a rubric grade. */
    public static boolean pairwise(JudgmentEntity j) {
        return j.game == 1 || j.game == 2;
    }
}
