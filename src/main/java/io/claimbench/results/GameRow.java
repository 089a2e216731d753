package io.claimbench.results;

import io.claimbench.judging.Verdict;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.JudgmentVerdicts;

/** One judge's game as the report reads it: no rationale or raw reply, only what the figures count. */
record GameRow(long workItemId, int game, String judge, boolean fromCache, GameOutcome outcome, String preference,
               String reason, Double cost, Boolean structured) {

    /** The game's verdict as stored (without its rationale, which the report does not show). */
    Verdict verdict() {
        return JudgmentVerdicts.read(outcome, preference, reason, null);
    }

    /** One of a pair's two orders (games 1 and 2), not a rubric grade. */
    boolean pairwise() {
        return game == 1 || game == 2;
    }
}
