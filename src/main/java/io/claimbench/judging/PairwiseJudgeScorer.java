package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The pairwise LLM judge (scorers {@code pairwise-judge} and {@code reference-judge}, which also shows the judge the
 * gold answer): every judge of the panel in parallel, each on both orders in parallel, or under adaptive swap the
 * second order only when the first verdict is not decisive or the pair is drawn for the audit. One judge's two games
 * combine in {@link SwapCombiner}; a panel's verdicts in {@link JudgePanel}. Answers that try to steer the judge are
 * still judged (fenced, as data) and the pair is flagged. Two identical answers are a tie without a judge call.
 */
public final class PairwiseJudgeScorer implements Scorer {

    static final String KIND = "judge";
    /** Why a pair of identical answers is a tie that no judge was asked about. */
    public static final String IDENTICAL = "identical answers: a tie by definition, no judge asked";

    private final ScorerName name;

    private PairwiseJudgeScorer(ScorerName name) {
        this.name = name;
    }

    public static PairwiseJudgeScorer withoutReference() {
        return new PairwiseJudgeScorer(ScorerName.PAIRWISE_JUDGE);
    }

    public static PairwiseJudgeScorer withReference() {
        return new PairwiseJudgeScorer(ScorerName.REFERENCE_JUDGE);
    }

    @Override
    public ScorerName name() {
        return name;
    }

    @Override
    public PairScore score(PairTask task, JudgeSetup setup, JudgeCalls calls) {
        if (setup.pairwise() == null || setup.judges().isEmpty()) {
            throw new IllegalArgumentException(name + " needs a judge and a judge template");
        }
        if (task.candidate().strip().equals(task.baseline().strip())) {
            // Common when a new version is compared with the old at temperature 0: nothing for a judge to tell apart,
            // and both orders would render the same prompt.
            return PairScore.judged(new PairDecision(io.claimbench.stats.PairOutcome.TIE, 0, null, IDENTICAL), null,
                    injectionFlags(task), List.of());
        }
        boolean adaptive = setup.swap() == SwapMode.ADAPTIVE;
        // Drawn once per pair, so that it holds for every judge of the panel.
        boolean audited = adaptive && JudgePanel.audited(setup.seed(), task.pairKey(), setup.swapAudit());
        String reference = name == ScorerName.REFERENCE_JUDGE ? task.reference() : null;
        // Every call that can be asked is asked before any is awaited, so the panel's judges run side by side.
        List<String> judges = setup.judges();
        List<CompletableFuture<JudgeReply>> firsts = new ArrayList<>();
        List<CompletableFuture<JudgeReply>> seconds = new ArrayList<>();
        for (String judge : judges) {
            firsts.add(ask(calls, setup, judge, 1, task.question(), task.candidate(), task.baseline(), reference));
            seconds.add(adaptive ? null : ask(calls, setup, judge, 2, task.question(), task.baseline(), task.candidate(), reference));
        }
        List<Game.Pairwise> firstGames = new ArrayList<>();
        for (int i = 0; i < judges.size(); i++) {
            Game.Pairwise g1 = game(judges.get(i), 1, JudgeCalls.await(firsts.get(i)));
            firstGames.add(g1);
            Verdict v1 = g1.verdict();
            if (adaptive && JudgePanel.needsSwap(v1, audited)) {
                seconds.set(i, ask(calls, setup, judges.get(i), 2, task.question(), task.baseline(), task.candidate(), reference));
            }
        }
        List<Game> games = new ArrayList<>();
        List<JudgePanel.Vote> votes = new ArrayList<>();
        for (int i = 0; i < judges.size(); i++) {
            String judge = judges.get(i);
            Game.Pairwise g1 = firstGames.get(i);
            games.add(g1);
            if (seconds.get(i) == null) {
                votes.add(new JudgePanel.Vote(judge, JudgePanel.single(g1.verdict())));
            } else {
                Game.Pairwise g2 = game(judge, 2, JudgeCalls.await(seconds.get(i)));
                games.add(g2);
                votes.add(new JudgePanel.Vote(judge, SwapCombiner.combine(g1.verdict(), g2.verdict())));
            }
        }
        PairDecision decision = votes.size() == 1 ? PairDecision.of(votes.get(0).combined())
                : JudgePanel.aggregate(setup.aggregate(), votes);
        return PairScore.judged(decision, adaptive ? audited : null, injectionFlags(task), games);
    }

    private static CompletableFuture<JudgeReply> ask(JudgeCalls calls, JudgeSetup setup, String judge, int game,
                                                     String question, String answerA, String answerB, String reference) {
        PairwiseJudge.Rendered rendered = setup.pairwise().render(question, answerA, answerB, reference);
        return calls.ask(new JudgeCalls.JudgeCall(judge, game, KIND, setup.pairwise().template().hash(), rendered,
                VerdictSchema.SCHEMA));
    }

    /** A game's verdict: from the structured answer when there is one, else read from the text (the fallback). */
    private static Game.Pairwise game(String judge, int number, JudgeReply reply) {
        return switch (reply) {
            case JudgeReply.Answered a when a.structured() -> PairwiseJudge.parseStructured(a.raw())
                    .map(v -> new Game.Pairwise(judge, number, v, true))
                    .orElseGet(() -> new Game.Pairwise(judge, number, PairwiseJudge.parse(a.raw()), false));
            case JudgeReply.Answered a -> new Game.Pairwise(judge, number, PairwiseJudge.parse(a.raw()), false);
            case JudgeReply.Failed f -> new Game.Pairwise(judge, number, new Verdict.Errored(f.reason()), false);
        };
    }

    /** Flags for answers that try to steer the judge, or null. */
    static String injectionFlags(PairTask task) {
        List<String> flags = new ArrayList<>();
        InjectionDetector.reasons(task.candidate()).forEach(r -> flags.add("candidate " + r));
        InjectionDetector.reasons(task.baseline()).forEach(r -> flags.add("baseline " + r));
        return flags.isEmpty() ? null : String.join("; ", flags);
    }

}
