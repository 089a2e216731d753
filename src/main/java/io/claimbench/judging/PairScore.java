package io.claimbench.judging;

import java.util.List;
import java.util.Objects;

/**
 * A scorer's result for one pair: the decision, each answer's score (a benchmark value or grade, null when the
 * scorer gives none) with its detail, what a pairwise judge's run noticed (the swap audit draw, injection flags), and
 * every judge call's reading in the order they were asked.
 */
public record PairScore(PairDecision decision, Sides sides, Boolean swapAudited, String flags, List<Game> games) {

    public PairScore {
        Objects.requireNonNull(decision, "decision");
        sides = sides == null ? Sides.NONE : sides;
        games = List.copyOf(games);
    }

    /** Each answer's numeric score and its detail (the parts of a score, or why it is unscored). */
    public record Sides(Double candidateScore, Double baselineScore, AnswerScore candidateDetail, AnswerScore baselineDetail) {
        public static final Sides NONE = new Sides(null, null, null, null);
    }

    public static PairScore judged(PairDecision decision, Boolean swapAudited, String flags, List<Game> games) {
        return new PairScore(decision, Sides.NONE, swapAudited, flags, games);
    }
}
