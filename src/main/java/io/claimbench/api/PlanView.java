package io.claimbench.api;

import io.claimbench.results.PlanService;

/**
 * A plan for a run (POST /api/plans and the CLI's plan): pairs, calls and cost for a claimed effect, as the API's
 * own types, mapped from {@link PlanService.Plan} here only.
 */
public record PlanView(double threshold, String comparator, double expectedWinRate, double alpha, double power,
                       long decidedPairs, long pairsToRun, long prompts, Integer promptsAvailable, long calls,
                       long judgeCallsAtLeast, long judgeCallsAtMost, CostView cost, AssumptionsView assumptions) {

    public static PlanView of(PlanService.Plan p) {
        return p == null ? null : new PlanView(p.threshold(), p.comparator(), p.expectedWinRate(), p.alpha(), p.power(),
                p.decidedPairs(), p.pairsToRun(), p.prompts(), p.promptsAvailable(), p.calls(), p.judgeCallsAtLeast(),
                p.judgeCallsAtMost(), CostView.of(p.cost()), AssumptionsView.of(p.assumptions()));
    }

    /** Estimated cost per role; null where a model or its price is unknown. */
    public record CostView(Double candidate, Double baseline, Double judge, Double total) {

        static CostView of(PlanService.Cost c) {
            return c == null ? null : new CostView(c.candidate(), c.baseline(), c.judge(), c.total());
        }
    }

    /** What the estimate assumed, so that a reader can redo it. */
    public record AssumptionsView(double lostShare, int samples, int promptTokens, int answerTokens,
                                  int judgeInputTokens, int judgeOutputTokens, String note) {

        static AssumptionsView of(PlanService.Assumptions a) {
            return a == null ? null : new AssumptionsView(a.lostShare(), a.samples(), a.promptTokens(), a.answerTokens(),
                    a.judgeInputTokens(), a.judgeOutputTokens(), a.note());
        }
    }
}
