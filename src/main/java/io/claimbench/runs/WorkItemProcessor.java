package io.claimbench.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.PromptItem;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.PairwiseJudge;
import io.claimbench.judging.SwapCombiner;
import io.claimbench.judging.Verdict;
import io.claimbench.models.EndpointException;
import io.claimbench.models.GenerationRequest;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.Provider;
import io.claimbench.stats.PairOutcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One work item: both answers (in parallel), then the scorer: a reference scorer on each answer, or the
 * pairwise judge on both orders (in parallel), combined in {@link SwapCombiner}. A failed call is an error and
 * an unreadable verdict is unscored; neither is a loss.
 */
@ApplicationScoped
public class WorkItemProcessor {

    static final double TIE_EPSILON = 1e-9;

    private final ModelCaller caller;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public WorkItemProcessor(ModelCaller caller, Clock clock, ObjectMapper json) {
        this.caller = caller;
        this.clock = clock;
        this.json = json;
    }

    WorkItemStore.ItemRecord process(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt) {
        CompletableFuture<Answer> cand = async(() -> answer(ctx, item, prompt, ctx.candidate, GenerationEntity.CANDIDATE));
        CompletableFuture<Answer> base = async(() -> answer(ctx, item, prompt, ctx.baseline, GenerationEntity.BASELINE));
        Answer c = join(cand);
        Answer b = join(base);
        List<GenerationEntity> generations = List.of(c.entity, b.entity);
        List<JudgmentEntity> judgments = new ArrayList<>();
        ComparisonEntity comparison = comparison(ctx, item, prompt);
        if (c.failure != null || b.failure != null) {
            comparison.outcome = PairOutcome.ERROR;
            comparison.reason = c.failure != null ? "candidate: " + c.failure.getMessage() : "baseline: " + b.failure.getMessage();
            if (c.failure != null && ctx.failsRun(ctx.candidate, c.failure)) {
                ctx.stop(RunState.FAILED, c.failure.getMessage());
            }
            if (b.failure != null && ctx.failsRun(ctx.baseline, b.failure)) {
                ctx.stop(RunState.FAILED, b.failure.getMessage());
            }
        } else if (ctx.rubricJudge != null) {
            grade(ctx, item, prompt, c.entity.text, b.entity.text, judgments, comparison);
        } else if (ctx.referenceScorer != null) {
            scoreByReference(ctx, prompt, c.entity.text, b.entity.text, comparison);
        } else {
            comparison.flags = injectionFlags(c.entity.text, b.entity.text);
            judge(ctx, item, prompt, c.entity.text, b.entity.text, judgments, comparison);
            if (ctx.styleScorer != null) {
                comparison.candidateDetail = detail(ctx.styleScorer.score(prompt.reference, c.entity.text));
                comparison.baselineDetail = detail(ctx.styleScorer.score(prompt.reference, b.entity.text));
            }
        }
        return new WorkItemStore.ItemRecord(generations, judgments, comparison);
    }

    private Answer answer(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt, ModelSpec spec, String role) {
        Double temperature = ctx.temperature != null ? ctx.temperature : spec.temperature();
        Integer seed = (int) (ctx.seed + item.sampleIndex);
        GenerationRequest request = new GenerationRequest(null, prompt.text, temperature, spec.maxTokens(), seed, prompt.sourceId);
        String key = generationKey(spec, temperature, ctx.seed, item.sampleIndex, prompt.contentHash);
        GenerationEntity g = new GenerationEntity();
        g.runId = ctx.runId;
        g.workItemId = item.id;
        g.role = role;
        g.modelName = spec.name();
        g.cacheKey = key;
        g.createdAt = Instant.now(clock);
        try {
            CallResult r = caller.call(ctx, spec, request, key, "generation");
            ctx.answered(spec);
            g.fromCache = r.fromCache();
            g.text = r.generation().text();
            g.latencyMs = spec.provider() == Provider.RECORDED ? null : r.generation().latencyMillis();
            g.firstTokenMs = r.generation().firstTokenMillis();
            g.tokensIn = r.generation().tokensIn();
            g.tokensOut = r.generation().tokensOut();
            g.cost = r.cost();
            return new Answer(g, null);
        } catch (EndpointException e) {
            g.errorKind = e.kind().name();
            g.error = e.getMessage();
            return new Answer(g, e);
        }
    }

    /** Answers that try to steer the judge are still judged (fenced, as data), and the pair is flagged. */
    static String injectionFlags(String candidate, String baseline) {
        List<String> flags = new ArrayList<>();
        io.claimbench.judging.InjectionDetector.reasons(candidate).forEach(r -> flags.add("candidate " + r));
        io.claimbench.judging.InjectionDetector.reasons(baseline).forEach(r -> flags.add("baseline " + r));
        return flags.isEmpty() ? null : String.join("; ", flags);
    }

    /** What determines an answer: the model, its sampling settings, the seed and sample, and the prompt's content. */
    static String generationKey(ModelSpec spec, Double temperature, long seed, int sample, String promptHash) {
        // At temperature 0 the answer does not depend on the seed or sample, so runs with other seeds share it.
        String variant = temperature != null && temperature == 0.0 ? "t0" : "s" + seed + ":" + sample;
        return PromptItem.sha256("gen|" + spec.identity() + "|" + temperature + "|" + spec.maxTokens() + "|"
                + variant + "|" + promptHash);
    }

    private void scoreByReference(RunContext ctx, PromptVersionEntity prompt, String candidate, String baseline,
                                  ComparisonEntity comparison) {
        AnswerScore cs = ctx.referenceScorer.score(prompt.reference, candidate);
        AnswerScore bs = ctx.referenceScorer.score(prompt.reference, baseline);
        comparison.candidateDetail = detail(cs);
        comparison.baselineDetail = detail(bs);
        if (cs instanceof AnswerScore.Scored c) {
            comparison.candidateScore = c.value();
        }
        if (bs instanceof AnswerScore.Scored b) {
            comparison.baselineScore = b.value();
        }
        if (cs instanceof AnswerScore.Unscored u) {
            comparison.outcome = PairOutcome.UNSCORED;
            comparison.reason = "candidate: " + u.reason();
        } else if (bs instanceof AnswerScore.Unscored u) {
            comparison.outcome = PairOutcome.UNSCORED;
            comparison.reason = "baseline: " + u.reason();
        } else {
            double d = comparison.candidateScore - comparison.baselineScore;
            comparison.strength = Math.abs(d) < TIE_EPSILON ? 0 : d > 0 ? 1 : -1;
            comparison.outcome = comparison.strength > 0 ? PairOutcome.WIN : comparison.strength < 0 ? PairOutcome.LOSS : PairOutcome.TIE;
        }
    }

    /** Games 3 and 4: the candidate's and the baseline's answer graded alone (no position to swap). */
    private void grade(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt, String candidate, String baseline,
                       List<JudgmentEntity> judgments, ComparisonEntity comparison) {
        CompletableFuture<JudgmentEntity> g1 = async(() -> gradeOne(ctx, item, prompt, 3, candidate));
        CompletableFuture<JudgmentEntity> g2 = async(() -> gradeOne(ctx, item, prompt, 4, baseline));
        JudgmentEntity jc = join(g1);
        JudgmentEntity jb = join(g2);
        judgments.add(jc);
        judgments.add(jb);
        if ("ERROR".equals(jc.outcome) || "ERROR".equals(jb.outcome)) {
            comparison.outcome = PairOutcome.ERROR;
            comparison.reason = "ERROR".equals(jc.outcome) ? "candidate grade: " + jc.reason : "baseline grade: " + jb.reason;
            return;
        }
        AnswerScore cs = io.claimbench.judging.RubricJudge.parse(jc.raw);
        AnswerScore bs = io.claimbench.judging.RubricJudge.parse(jb.raw);
        comparison.candidateDetail = detail(cs);
        comparison.baselineDetail = detail(bs);
        if (cs instanceof AnswerScore.Unscored u) {
            comparison.outcome = PairOutcome.UNSCORED;
            comparison.reason = "candidate grade: " + u.reason();
        } else if (bs instanceof AnswerScore.Unscored u) {
            comparison.outcome = PairOutcome.UNSCORED;
            comparison.reason = "baseline grade: " + u.reason();
        } else {
            comparison.candidateScore = ((AnswerScore.Scored) cs).value();
            comparison.baselineScore = ((AnswerScore.Scored) bs).value();
            double d = comparison.candidateScore - comparison.baselineScore;
            comparison.strength = Math.abs(d) <= ctx.rubricTieBand + TIE_EPSILON ? 0 : d > 0 ? 1 : -1;
            comparison.outcome = comparison.strength > 0 ? PairOutcome.WIN : comparison.strength < 0 ? PairOutcome.LOSS : PairOutcome.TIE;
        }
    }

    private JudgmentEntity gradeOne(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt, int game, String answer) {
        PairwiseJudge.Rendered rendered = ctx.rubricJudge.render(prompt.text, answer, prompt.reference);
        return callJudge(ctx, ctx.judge, item, game, "rubric", ctx.rubricJudge.hash(), rendered, j -> {
            AnswerScore s = io.claimbench.judging.RubricJudge.parse(j.raw);
            j.outcome = s instanceof AnswerScore.Scored ? "SCORED" : "UNSCORED";
            j.reason = s instanceof AnswerScore.Unscored u ? u.reason() : null;
        });
    }

    /**
     * One judge call, through the cache, recorded as a judgment; {@code read} fills in the verdict from the raw
     * answer. A failed call is an error, and fails the run when the judge cannot work at all.
     */
    private JudgmentEntity callJudge(RunContext ctx, ModelSpec judge, WorkItemEntity item, int game, String kind, String templateHash,
                                     PairwiseJudge.Rendered rendered, java.util.function.Consumer<JudgmentEntity> read) {
        String key = PromptItem.sha256(kind + "|" + judge.identity() + "|" + templateHash + "|" + rendered.system()
                + "\u0000" + rendered.user());
        JudgmentEntity j = new JudgmentEntity();
        j.runId = ctx.runId;
        j.workItemId = item.id;
        j.game = game;
        j.judge = judge.name();
        j.cacheKey = key;
        j.createdAt = Instant.now(clock);
        try {
            CallResult r = caller.call(ctx, judge, new GenerationRequest(rendered.system(), rendered.user(), 0.0,
                    judge.maxTokens(), (int) ctx.seed, null), key, "judgment");
            ctx.answered(judge);
            j.fromCache = r.fromCache();
            j.raw = r.generation().text();
            j.latencyMs = r.generation().latencyMillis();
            j.tokensIn = r.generation().tokensIn();
            j.tokensOut = r.generation().tokensOut();
            j.cost = r.cost();
            read.accept(j);
        } catch (EndpointException e) {
            j.outcome = "ERROR";
            j.reason = "judge: " + e.getMessage();
            if (ctx.failsRun(judge, e)) {
                ctx.stop(RunState.FAILED, "judge: " + e.getMessage());
            }
        }
        return j;
    }

    /**
     * Every judge of the panel in parallel. With one judge the pair's outcome is its combined verdict; with a panel
     * the verdicts combine by majority or mean. Under adaptive swap, whether the pair is audited is drawn once per
     * pair and holds for every judge.
     */
    private void judge(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt, String candidate,
                       String baseline, List<JudgmentEntity> judgments, ComparisonEntity comparison) {
        boolean audited = ctx.adaptiveSwap && io.claimbench.judging.JudgePanel.audited(ctx.seed,
                prompt.contentHash + "#" + item.sampleIndex, ctx.swapAudit);
        if (ctx.adaptiveSwap) {
            comparison.swapAudited = audited;
        }
        List<CompletableFuture<Judged>> panel = ctx.judges.stream()
                .map(judge -> async(() -> judgeWith(ctx, judge, item, prompt, candidate, baseline, audited))).toList();
        List<io.claimbench.judging.JudgePanel.Vote> votes = new ArrayList<>();
        for (CompletableFuture<Judged> f : panel) {
            Judged j = join(f);
            judgments.addAll(j.judgments());
            votes.add(j.vote());
        }
        if (votes.size() == 1) {
            SwapCombiner.Combined combined = votes.get(0).combined();
            comparison.outcome = combined.outcome();
            comparison.strength = combined.strength();
            comparison.reason = combined.reason();
        } else {
            var a = io.claimbench.judging.JudgePanel.aggregate(ctx.judgeAggregate, votes);
            comparison.outcome = a.outcome();
            comparison.strength = a.strength();
            comparison.winShare = a.outcome().decided() ? a.winShare() : null;
            comparison.reason = a.reason();
        }
    }

    /** One judge's verdict on the pair: both orders in parallel, or under adaptive swap the second only if needed. */
    private Judged judgeWith(RunContext ctx, ModelSpec judge, WorkItemEntity item, PromptVersionEntity prompt,
                             String candidate, String baseline, boolean audited) {
        if (!ctx.adaptiveSwap) {
            CompletableFuture<JudgmentEntity> g1 = async(() -> game(ctx, judge, item, prompt, 1, candidate, baseline));
            CompletableFuture<JudgmentEntity> g2 = async(() -> game(ctx, judge, item, prompt, 2, baseline, candidate));
            JudgmentEntity j1 = join(g1);
            JudgmentEntity j2 = join(g2);
            return new Judged(List.of(j1, j2), new io.claimbench.judging.JudgePanel.Vote(judge.name(),
                    SwapCombiner.combine(verdictOf(j1), verdictOf(j2))));
        }
        JudgmentEntity j1 = game(ctx, judge, item, prompt, 1, candidate, baseline);
        Verdict v1 = verdictOf(j1);
        if (!io.claimbench.judging.JudgePanel.needsSwap(v1, audited)) {
            return new Judged(List.of(j1), new io.claimbench.judging.JudgePanel.Vote(judge.name(),
                    io.claimbench.judging.JudgePanel.single(v1)));
        }
        JudgmentEntity j2 = game(ctx, judge, item, prompt, 2, baseline, candidate);
        return new Judged(List.of(j1, j2), new io.claimbench.judging.JudgePanel.Vote(judge.name(),
                SwapCombiner.combine(v1, verdictOf(j2))));
    }

    private record Judged(List<JudgmentEntity> judgments, io.claimbench.judging.JudgePanel.Vote vote) {
    }

    private JudgmentEntity game(RunContext ctx, ModelSpec judge, WorkItemEntity item, PromptVersionEntity prompt, int game,
                                String answerA, String answerB) {
        PairwiseJudge.Rendered rendered = ctx.pairwiseJudge.render(prompt.text, answerA, answerB,
                "reference-judge".equals(ctx.evalSet.scorer()) ? prompt.reference : null);
        return callJudge(ctx, judge, item, game, "judge", ctx.pairwiseJudge.template().hash(), rendered, j -> {
            Verdict v = PairwiseJudge.parse(j.raw);
            j.rationale = v.rationale();
            switch (v) {
                case Verdict.Scored s -> {
                    j.outcome = "SCORED";
                    j.preference = s.preference().label();
                }
                case Verdict.Unscored u -> {
                    j.outcome = "UNSCORED";
                    j.reason = u.reason();
                }
                case Verdict.Errored e -> {
                    j.outcome = "ERROR";
                    j.reason = e.reason();
                }
            }
        });
    }

    static Verdict verdictOf(JudgmentEntity j) {
        return switch (j.outcome) {
            case "SCORED" -> new Verdict.Scored(io.claimbench.judging.Preference.parse(j.preference).orElseThrow(), j.rationale);
            case "UNSCORED" -> new Verdict.Unscored(j.reason, j.rationale);
            default -> new Verdict.Errored(j.reason);
        };
    }

    private ComparisonEntity comparison(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt) {
        ComparisonEntity c = new ComparisonEntity();
        c.runId = ctx.runId;
        c.workItemId = item.id;
        c.promptVersionId = prompt.id;
        c.sampleIndex = item.sampleIndex;
        c.category = prompt.category;
        c.createdAt = Instant.now(clock);
        return c;
    }

    private String detail(AnswerScore s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads);
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private record Answer(GenerationEntity entity, EndpointException failure) {
    }
}
