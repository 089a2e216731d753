package io.claimbench.runs;

import io.claimbench.catalog.ScorerName;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.SwapMode;

import java.util.List;
import java.util.Objects;

/**
 * What to run, as REST and the CLI give it; names are already parsed (see the {@code parse} methods, which the edges
 * call so that a bad name fails with its field). Null fields take defaults: scorer and judge template from the eval
 * set, one judge, both orders judged for every pair, one sample, seed 0, each model's temperature, the configured
 * concurrency, no cost cap, cache on, no early stop. {@link RunValidator} checks it all, in one place.
 */
public record RunRequest(String evalSet, Contestants contestants, Judging judging, Sampling sampling, Limits limits,
                         Claim claim) {

    public RunRequest(String evalSet, Contestants contestants, Judging judging, Sampling sampling, Limits limits) {
        this(evalSet, contestants, judging, sampling, limits, null);
    }

    public RunRequest {
        claim = claim == null ? Claim.DEFAULT : claim;
        contestants = contestants == null ? new Contestants(null, null) : contestants;
        judging = judging == null ? Judging.DEFAULT : judging;
        sampling = sampling == null ? Sampling.DEFAULT : sampling;
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    /** The two models compared, by configured name or provider shorthand. */
    public record Contestants(String candidate, String baseline) {
    }

    /**
     * How the pairs are scored.
     *
     * @param judges    a panel of judges instead of the single {@code judge} (give one or the other)
     * @param aggregate how a panel's verdicts combine (default majority)
     * @param swap      which orders are judged (default always)
     * @param swapAudit under adaptive swap, the share of pairs judged in both orders anyway (default 0.2)
     */
    public record Judging(ScorerName scorer, String judge, List<String> judges, String judgeTemplate,
                          JudgeAggregate aggregate, SwapMode swap, Double swapAudit) {
        public static final Judging DEFAULT = new Judging(null, null, null, null, null, null, null);

        public Judging {
            judges = judges == null || judges.isEmpty() ? null : List.copyOf(judges);
        }

        public static Judging byJudge(String judge) {
            return new Judging(null, judge, null, null, null, null, null);
        }

        public Judging withScorer(ScorerName s) {
            return new Judging(s, judge, judges, judgeTemplate, aggregate, swap, swapAudit);
        }
    }

    /** Samples per prompt (epochs), the seed, and a temperature that overrides both models'. */
    public record Sampling(Integer samples, Long seed, Double temperature) {
        public static final Sampling DEFAULT = new Sampling(null, null, null);
    }

    /** Calls in flight, the most to spend, whether answers may come from the cache, and early stopping. */
    public record Limits(Integer concurrency, Double costCap, Boolean cache, Boolean earlyStop) {
        public static final Limits DEFAULT = new Limits(null, null, null, null);
    }

    /**
     * The run's own bar for the eval set's win-rate claim: a comparator ({@code >=}, {@code >}, {@code <=}, {@code <})
     * and a threshold in [0, 1]; null: the eval set's. With {@code regression}, the run asks instead whether the
     * candidate is worse than the baseline (the version in production) by more than the margin.
     */
    public record Claim(String comparator, Double threshold, Regression regression) {
        public static final Claim DEFAULT = new Claim(null, null, null);

        public Claim(String comparator, Double threshold) {
            this(comparator, threshold, null);
        }
    }

    /**
     * Regression mode: the candidate regresses when its win rate lies below 0.5 - margin, its accuracy (right-or-wrong
     * scorers) below the baseline's - margin, or its benchmark score below the baseline's - margin x |baseline's|,
     * each with 95% confidence; a margin in [0, 0.5).
     */
    public record Regression(Double margin) {
    }

    /** A request with the eval set, both models and a single judge; everything else by default. */
    public static RunRequest of(String evalSet, String candidate, String baseline, String judge) {
        return new RunRequest(evalSet, new Contestants(candidate, baseline), Judging.byJudge(judge), null, null);
    }

    public RunRequest with(Judging j) {
        return new RunRequest(evalSet, contestants, Objects.requireNonNull(j), sampling, limits, claim);
    }

    public RunRequest with(Sampling s) {
        return new RunRequest(evalSet, contestants, judging, Objects.requireNonNull(s), limits, claim);
    }

    public RunRequest with(Limits l) {
        return new RunRequest(evalSet, contestants, judging, sampling, Objects.requireNonNull(l), claim);
    }

    /** A scorer named at an edge (REST, CLI); null stays null (the eval set's scorer). */
    public static ScorerName parseScorer(String label) {
        return parse("scorer", label, ScorerName::parse);
    }

    public static JudgeAggregate parseAggregate(String label) {
        return parse("judgeAggregate", label, JudgeAggregate::parse);
    }

    public static SwapMode parseSwap(String label) {
        return parse("swap", label, SwapMode::parse);
    }

    private static <T> T parse(String field, String label, java.util.function.Function<String, T> parser) {
        if (label == null) {
            return null;
        }
        try {
            return parser.apply(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException(field, e.getMessage(), false);
        }
    }
}
