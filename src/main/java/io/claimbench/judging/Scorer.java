package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;

/**
 * The one extension point for scoring: turns one prompt's pair of answers (candidate and baseline) into the pair's
 * score. Judged scorers ask their judges through {@link JudgeCalls} (the run decides how calls are made, cached,
 * limited and recorded) and report each judge call's reading as a {@link Game}; programmatic scorers need neither.
 * Every pair outcome is derived here in {@code judging}: by {@link SwapCombiner} and {@link JudgePanel} for
 * pairwise judges, by {@link PairScores} for two answer scores.
 *
 * <p>A failed judge call makes the pair an error, an unreadable answer makes it unscored; neither is a loss.
 * Implementations are stateless and shared by every run; the run's own choices come in the {@link JudgeSetup}.
 */
public interface Scorer {

    ScorerName name();

    /**
     * @param setup the run's judges and how they judge; {@link JudgeSetup#NONE} for programmatic scorers
     * @param calls how to ask a judge; never called by programmatic scorers
     */
    PairScore score(PairTask task, JudgeSetup setup, JudgeCalls calls);
}
