package io.claimbench.runs;

import io.claimbench.catalog.PromptItem;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.judging.Game;
import io.claimbench.judging.JudgeCalls;
import io.claimbench.judging.JudgeReply;
import io.claimbench.judging.PairDecision;
import io.claimbench.judging.PairScore;
import io.claimbench.judging.PairTask;
import io.claimbench.models.EndpointException;
import io.claimbench.models.GenerationRequest;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.Provider;
import io.claimbench.models.StructuredOutput;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.claimbench.stats.PairOutcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One work item: both answers (in parallel), then the run's {@link io.claimbench.judging.Scorer}, whose judge calls
 * this class makes (in parallel, through the cache, recorded as judgments). The scorer decides the pair; this class
 * only records what it decided. A failed answer makes the pair an error; neither an error nor an unscored pair is a
 * loss.
 */
@ApplicationScoped
public class WorkItemProcessor {

    private final ModelCaller caller;
    private final Clock clock;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public WorkItemProcessor(ModelCaller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    WorkItemStore.ItemRecord process(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt) {
        return process(ctx, item, prompt, new CopyOnWriteArrayList<>());
    }

    /**
     * Answers, judges and scores one item; {@code fresh} collects, as they come, the answers to store in the cache
     * (they are in the returned record too), so that an item given back unfinished can store what it paid for.
     */
    WorkItemStore.ItemRecord process(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt, List<AnswerCache.Entry> fresh) {
        CompletableFuture<Answer> cand = async(() -> answer(ctx, item, prompt, ctx.models.candidate(), GenerationEntity.CANDIDATE, fresh));
        CompletableFuture<Answer> base = async(() -> answer(ctx, item, prompt, ctx.models.baseline(), GenerationEntity.BASELINE, fresh));
        Answer c = JudgeCalls.await(cand);
        Answer b = JudgeCalls.await(base);
        List<GenerationEntity> generations = List.of(c.entity, b.entity);
        ComparisonEntity comparison = comparison(ctx, item, prompt);
        if (c.failure != null || b.failure != null) {
            comparison.outcome = PairOutcome.ERROR;
            comparison.reason = c.failure != null ? "candidate: " + c.failure.getMessage() : "baseline: " + b.failure.getMessage();
            if (c.failure != null && ctx.failsRun(ctx.models.candidate(), c.failure)) {
                ctx.stop(RunState.FAILED, c.failure.getMessage());
            }
            if (b.failure != null && ctx.failsRun(ctx.models.baseline(), b.failure)) {
                ctx.stop(RunState.FAILED, b.failure.getMessage());
            }
            return new WorkItemStore.ItemRecord(generations, List.of(), comparison, List.copyOf(fresh));
        }
        PairTask task = new PairTask(prompt.text, prompt.reference, c.entity.text, b.entity.text,
                prompt.contentHash + "#" + item.sampleIndex);
        Calls calls = new Calls(ctx, item, fresh);
        PairScore score = ctx.scoring.scorer().score(task, ctx.scoring.setup(), calls);
        record(score, comparison);
        AnswerScorer style = ctx.scoring.style();
        if (style != null) {
            comparison.candidateDetail = ScoreDetails.write(style.score(prompt.reference, c.entity.text));
            comparison.baselineDetail = ScoreDetails.write(style.score(prompt.reference, b.entity.text));
        }
        return new WorkItemStore.ItemRecord(generations, calls.recorded(score.games()), comparison, List.copyOf(fresh));
    }

    /** The one mapping from a scorer's result to the recorded comparison. */
    private static void record(PairScore score, ComparisonEntity comparison) {
        PairDecision d = score.decision();
        comparison.outcome = d.outcome();
        comparison.strength = d.strength();
        comparison.winShare = d.winShare();
        comparison.reason = d.reason();
        comparison.swapAudited = score.swapAudited();
        comparison.flags = score.flags();
        comparison.candidateScore = score.sides().candidateScore();
        comparison.baselineScore = score.sides().baselineScore();
        comparison.candidateDetail = ScoreDetails.write(score.sides().candidateDetail());
        comparison.baselineDetail = ScoreDetails.write(score.sides().baselineDetail());
    }

    private Answer answer(RunContext ctx, WorkItemEntity item, PromptVersionEntity prompt, ModelSpec spec, String role,
                          List<AnswerCache.Entry> fresh) {
        RunSettings settings = ctx.settings;
        Double temperature = settings.temperature() != null ? settings.temperature() : spec.temperature();
        Integer seed = (int) (settings.seed() + item.sampleIndex);
        GenerationRequest request = new GenerationRequest(null, prompt.text, temperature, spec.maxTokens(), seed, prompt.sourceId);
        String key = generationKey(spec, temperature, settings.seed(), item.sampleIndex, prompt.contentHash);
        GenerationEntity g = new GenerationEntity();
        g.runId = ctx.runId;
        g.workItemId = item.id;
        g.role = role;
        g.modelName = spec.name();
        g.cacheKey = key;
        g.createdAt = Instant.now(clock);
        try {
            CallResult r = caller.call(ctx, spec, request, key, "generation");
            keep(fresh, r);
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

    /** What determines an answer: the model, its sampling settings, the seed and sample, and the prompt's content. */
    static String generationKey(ModelSpec spec, Double temperature, long seed, int sample, String promptHash) {
        // At temperature 0 the answer does not depend on the seed or sample, so runs with other seeds share it.
        String variant = temperature != null && temperature == 0.0 ? "t0" : "s" + seed + ":" + sample;
        return PromptItem.sha256("gen|" + spec.identity() + "|" + temperature + "|" + spec.maxTokens() + "|"
                + variant + "|" + promptHash);
    }

    /**
     * The judge calls of one work item: each through the cache and the run's and endpoint's limits, on its own
     * virtual thread, recorded as a judgment. A failed call is a {@link JudgeReply.Failed}, and fails the run when
     * the judge cannot work at all.
     */
    private final class Calls implements JudgeCalls {

        private final RunContext ctx;
        private final WorkItemEntity item;
        private final Map<String, JudgmentEntity> made = new ConcurrentHashMap<>();
        private final List<AnswerCache.Entry> fresh;

        Calls(RunContext ctx, WorkItemEntity item, List<AnswerCache.Entry> fresh) {
            this.ctx = ctx;
            this.item = item;
            this.fresh = fresh;
        }

        @Override
        public CompletableFuture<JudgeReply> ask(JudgeCall call) {
            return async(() -> call(call));
        }

        private JudgeReply call(JudgeCall call) {
            ModelSpec judge = ctx.scoring.judges().get(call.judge());
            if (judge == null) {
                throw new IllegalArgumentException("'" + call.judge() + "' is not a judge of run " + ctx.runId);
            }
            // An answer asked for under a schema is another answer: the schema's name (it names its version) is in the key.
            JsonSchema schema = structured(judge) ? call.schema() : null;
            String key = PromptItem.sha256(call.kind() + "|" + judge.identity() + "|" + call.templateHash() + "|"
                    + (schema == null ? "" : "schema:" + schema.name() + "|")
                    + call.rendered().system() + "\u0000" + call.rendered().user());
            JudgmentEntity j = new JudgmentEntity();
            j.runId = ctx.runId;
            j.workItemId = item.id;
            j.game = call.game();
            j.judge = judge.name();
            j.cacheKey = key;
            j.createdAt = Instant.now(clock);
            made.put(key(judge.name(), call.game()), j);
            try {
                CallResult r = caller.call(ctx, judge, new GenerationRequest(call.rendered().system(), call.rendered().user(),
                        0.0, judge.maxTokens(), (int) ctx.settings.seed(), null, schema), key, "judgment");
                keep(fresh, r);
                ctx.answered(judge);
                j.fromCache = r.fromCache();
                j.raw = r.generation().text();
                j.latencyMs = r.generation().latencyMillis();
                j.tokensIn = r.generation().tokensIn();
                j.tokensOut = r.generation().tokensOut();
                j.cost = r.cost();
                return new JudgeReply.Answered(j.raw, r.generation().structured());
            } catch (EndpointException e) {
                if (ctx.failsRun(judge, e)) {
                    ctx.stop(RunState.FAILED, "judge: " + e.getMessage());
                }
                return new JudgeReply.Failed("judge: " + e.getMessage());
            }
        }

        private static boolean structured(ModelSpec judge) {
            return judge.provider() != Provider.RECORDED && judge.structuredOutput() != StructuredOutput.OFF;
        }

        /** The recorded calls with what the scorer read from each, in the order the scorer lists its games. */
        List<JudgmentEntity> recorded(List<Game> games) {
            List<JudgmentEntity> out = new ArrayList<>();
            for (Game g : games) {
                JudgmentEntity j = made.get(key(g.judge(), g.number()));
                if (j == null) {
                    throw new IllegalStateException("scorer reported game " + g.number() + " of " + g.judge() + ", never asked");
                }
                JudgmentVerdicts.write(j, g);
                out.add(j);
            }
            return out;
        }

        private static String key(String judge, int game) {
            return judge + "#" + game;
        }
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

    private static void keep(List<AnswerCache.Entry> fresh, CallResult r) {
        if (r.fresh() != null) {
            fresh.add(r.fresh());
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads);
    }

    private record Answer(GenerationEntity entity, EndpointException failure) {
    }
}
