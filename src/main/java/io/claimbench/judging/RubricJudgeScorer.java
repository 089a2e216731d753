package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scorer {@code rubric-judge}: the judge grades the candidate's answer (game 3) and the baseline's (game 4) alone,
 * in parallel, with the eval set's rubric; the pair's verdict derives from the two grades ({@link PairScores}). A
 * failed grading call makes the pair an error, an unreadable grade makes it unscored.
 */
public final class RubricJudgeScorer implements Scorer {

    static final String KIND = "rubric";
    static final int CANDIDATE_GAME = 3;
    static final int BASELINE_GAME = 4;

    @Override
    public ScorerName name() {
        return ScorerName.RUBRIC_JUDGE;
    }

    @Override
    public PairScore score(PairTask task, JudgeSetup setup, JudgeCalls calls) {
        if (setup.rubric() == null || setup.judges().size() != 1) {
            throw new IllegalArgumentException("rubric-judge grades with one judge and a rubric template");
        }
        String judge = setup.judges().get(0);
        CompletableFuture<JudgeReply> c = grade(calls, setup, judge, CANDIDATE_GAME, task, task.candidate());
        CompletableFuture<JudgeReply> b = grade(calls, setup, judge, BASELINE_GAME, task, task.baseline());
        Game gc = game(judge, CANDIDATE_GAME, JudgeCalls.await(c));
        Game gb = game(judge, BASELINE_GAME, JudgeCalls.await(b));
        List<Game> games = List.of(gc, gb);
        if (gc instanceof Game.Failed f) {
            return PairScore.judged(error("candidate grade: " + f.reason()), null, null, games);
        }
        if (gb instanceof Game.Failed f) {
            return PairScore.judged(error("baseline grade: " + f.reason()), null, null, games);
        }
        AnswerScore cs = ((Game.Graded) gc).grade();
        AnswerScore bs = ((Game.Graded) gb).grade();
        PairDecision decision = PairScores.fromGrades(cs, bs, setup.rubricTieBand());
        boolean both = decision.outcome().decided();
        return new PairScore(decision, new PairScore.Sides(both ? PairScores.value(cs) : null,
                both ? PairScores.value(bs) : null, cs, bs), null, null, games);
    }

    private static CompletableFuture<JudgeReply> grade(JudgeCalls calls, JudgeSetup setup, String judge, int game,
                                                       PairTask task, String answer) {
        PairwiseJudge.Rendered rendered = setup.rubric().render(task.question(), answer, task.reference());
        return calls.ask(new JudgeCalls.JudgeCall(judge, game, KIND, setup.rubric().hash(), rendered));
    }

    private static Game game(String judge, int number, JudgeReply reply) {
        return switch (reply) {
            case JudgeReply.Answered a -> new Game.Graded(judge, number, RubricJudge.parse(a.raw()));
            case JudgeReply.Failed f -> new Game.Failed(judge, number, f.reason());
        };
    }

    private static PairDecision error(String reason) {
        return new PairDecision(io.claimbench.stats.PairOutcome.ERROR, 0, null, reason);
    }
}
