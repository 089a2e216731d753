package io.claimbench.results;

import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.JudgePanel;
import io.claimbench.judging.JudgeTemplate;
import io.claimbench.judging.SwapMode;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.UnknownModelException;
import io.claimbench.runs.InvalidRunException;
import io.claimbench.stats.Comparator;
import io.claimbench.stats.Planner;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plans a run before it is paid for: how many pairs the claim needs for the wanted power, how many calls that
 * makes, and what they would cost at the models' prices, with every assumption stated.
 */
@ApplicationScoped
public class PlanService {

    /** Characters per token, for estimating tokens from text (a common rule of thumb for English). */
    static final double CHARS_PER_TOKEN = 4.0;

    private final CatalogService catalog;
    private final ModelRegistry models;

    public PlanService(CatalogService catalog, ModelRegistry models) {
        this.catalog = catalog;
        this.models = models;
    }

    public record PlanRequest(String evalSet, Double threshold, String comparator, double expectedWinRate,
                              Double power, Double alpha, Double lostShare, Integer samples, String candidate,
                              String baseline, String judge, Integer answerTokens, Integer judgeOutputTokens,
                              java.util.List<String> judges, SwapMode swap, Double swapAudit) {

        public PlanRequest(String evalSet, Double threshold, String comparator, double expectedWinRate, Double power,
                           Double alpha, Double lostShare, Integer samples, String candidate, String baseline,
                           String judge, Integer answerTokens, Integer judgeOutputTokens) {
            this(evalSet, threshold, comparator, expectedWinRate, power, alpha, lostShare, samples, candidate, baseline,
                    judge, answerTokens, judgeOutputTokens, null, null, null);
        }
    }

    public record Plan(double threshold, String comparator, double expectedWinRate, double alpha, double power,
                       long decidedPairs, long pairsToRun, long prompts, Integer promptsAvailable, long calls,
                       long judgeCallsAtLeast, long judgeCallsAtMost, Cost cost, Assumptions assumptions) {
    }

    /** Estimated cost per role (the judges' at their most calls); null where a model or its price is unknown. */
    public record Cost(Double candidate, Double baseline, Double judge, Double total) {
    }

    public record Assumptions(double lostShare, int samples, int promptTokens, int answerTokens, int judgeInputTokens,
                              int judgeOutputTokens, String note) {
    }

    public Plan plan(PlanRequest r) {
        EvalSet set = r.evalSet() == null ? null : catalog.find(r.evalSet())
                .orElseThrow(() -> new InvalidRunException("evalSet", "unknown eval set '" + r.evalSet() + "'", true));
        double threshold = r.threshold() != null ? r.threshold() : set != null ? set.hypothesis().threshold() : 0.5;
        Comparator cmp = r.comparator() != null ? Comparator.fromSymbol(r.comparator()).orElseThrow(() ->
                new InvalidRunException("comparator", "comparator must be one of >=, >, <=, <", false))
                : set != null ? set.hypothesis().comparator() : Comparator.GREATER;
        double alpha = r.alpha() == null ? 0.05 : r.alpha();
        double power = r.power() == null ? 0.8 : r.power();
        double lost = r.lostShare() == null ? 0.05 : r.lostShare();
        int samples = r.samples() == null ? 1 : r.samples();
        long decided;
        long toRun;
        try {
            decided = Planner.decidedPairs(threshold, r.expectedWinRate(), cmp.upward(), alpha, power);
            toRun = Planner.pairsToRun(decided, lost);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("expectedWinRate") ? "expectedWinRate"
                    : e.getMessage().startsWith("alpha") ? "alpha" : "lostShare";
            throw new InvalidRunException(field, e.getMessage(), false);
        }
        if (samples < 1) {
            throw new InvalidRunException("samples", "samples must be at least 1", false);
        }
        boolean judged = r.judge() != null || (set != null && set.scorer().usesJudge());
        int promptTokens = set == null ? 100 : (int) Math.ceil(set.prompts().stream().mapToInt(p -> p.text().length())
                .average().orElse(400) / CHARS_PER_TOKEN);
        int answerTokens = r.answerTokens() == null ? 500 : r.answerTokens();
        int judgeOutput = r.judgeOutputTokens() == null ? 300 : r.judgeOutputTokens();
        int templateTokens = 0;
        if (set != null && set.judgeTemplate() != null) {
            JudgeTemplate t = JudgeTemplate.load(catalog.promptsDir(set.judgeTemplate()), set.judgeTemplate());
            templateTokens = (int) Math.ceil((t.system().length() + t.user().length()) / CHARS_PER_TOKEN);
        }
        int judgeInput = templateTokens + promptTokens + 2 * answerTokens;
        Double cand = cost(r.candidate(), "candidate", toRun, promptTokens, answerTokens);
        Double base = cost(r.baseline(), "baseline", toRun, promptTokens, answerTokens);
        java.util.List<String> panel = r.judges() != null && !r.judges().isEmpty() ? r.judges()
                : r.judge() == null ? java.util.List.of() : java.util.List.of(r.judge());
        judged |= !panel.isEmpty();
        boolean adaptive = r.swap() == SwapMode.ADAPTIVE;
        double audit = r.swapAudit() == null ? JudgePanel.DEFAULT_AUDIT : r.swapAudit();
        // Both orders for every pair, or under adaptive swap at least the first order plus the audited share.
        long judgeMax = judged ? 2 * toRun * Math.max(1, panel.size()) : 0;
        long judgeMin = !judged ? 0 : adaptive ? (long) Math.ceil((1 + audit) * toRun) * Math.max(1, panel.size()) : judgeMax;
        Double judge = Double.valueOf(0);
        for (int i = 0; i < panel.size() && judge != null; i++) {
            Double one = cost(panel.get(i), panel.size() > 1 ? "judges[" + i + "]" : "judge", 2 * toRun, judgeInput, judgeOutput);
            judge = one == null ? null : judge + one;
        }
        if (judged && panel.isEmpty()) {
            judge = null;
        }
        Double total = cand == null || base == null || judge == null ? null : cand + base + judge;
        return new Plan(threshold, cmp.symbol(), r.expectedWinRate(), alpha, power, decided, toRun,
                (long) Math.ceil((double) toRun / samples), set == null ? null : set.prompts().size(),
                toRun * 2 + judgeMax, judgeMin, judgeMax, new Cost(cand, base, judged ? judge : null, total),
                new Assumptions(lost, samples, promptTokens, answerTokens, judgeInput, judgeOutput,
                        "one-sided binomial test, normal approximation; tokens estimated at " + CHARS_PER_TOKEN
                                + " characters each; an early-stopping run usually needs fewer pairs"
                                + (adaptive ? "; adaptive swap: judge calls between the two bounds, costed at the upper" : "")));
    }

    private Double cost(String reference, String field, long calls, int tokensIn, int tokensOut) {
        if (reference == null) {
            return null;
        }
        ModelSpec spec;
        try {
            spec = models.resolve(reference);
        } catch (UnknownModelException e) {
            throw new InvalidRunException(field, e.getMessage(), true);
        }
        Double perCall = spec.cost(tokensIn, tokensOut);
        return perCall == null ? null : perCall * calls;
    }
}
