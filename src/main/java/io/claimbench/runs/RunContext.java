package io.claimbench.runs;

import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.PairwiseJudge;
import io.claimbench.judging.ReferenceScorer;
import io.claimbench.models.ModelSpec;

import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the work items of one run share while it executes: the resolved models, the scorer, the run's call
 * slots, a random source seeded from the run (for retry jitter), and the reason it must stop, once there is one.
 */
final class RunContext {

    final String runId;
    final EvalSet evalSet;
    final ModelSpec candidate;
    final ModelSpec baseline;
    final ModelSpec judge;
    final PairwiseJudge pairwiseJudge;
    final ReferenceScorer referenceScorer;
    /** Measures each answer's style beside the judge's verdict (judged runs whose eval set names one). */
    final ReferenceScorer styleScorer;
    /** Single-answer grading (scorer rubric-judge), with the tie band on the 1-10 scale. */
    final io.claimbench.judging.RubricJudge rubricJudge;
    final double rubricTieBand;
    /** The judges of a pairwise run (one, or a panel), in the order recorded; empty without a judge. */
    final java.util.List<ModelSpec> judges;
    /** How a panel's verdicts combine (majority or mean); null for one judge. */
    final String judgeAggregate;
    final boolean adaptiveSwap;
    final double swapAudit;
    final Double temperature;
    final long seed;
    final boolean useCache;
    final Double costCap;
    final boolean earlyStop;
    final int samples;
    final int totalItems;
    final Semaphore calls;
    final Random random;
    final AtomicReference<Stop> stop = new AtomicReference<>();
    private final java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RunContext(String runId, EvalSet evalSet, ModelSpec candidate, ModelSpec baseline, ModelSpec judge,
               PairwiseJudge pairwiseJudge, ReferenceScorer referenceScorer, Double temperature, long seed,
               boolean useCache, Double costCap, int concurrency, boolean earlyStop, int samples, int totalItems,
               ReferenceScorer styleScorer, io.claimbench.judging.RubricJudge rubricJudge, double rubricTieBand,
               java.util.List<ModelSpec> judges, String judgeAggregate, boolean adaptiveSwap, double swapAudit) {
        this.judges = java.util.List.copyOf(judges);
        this.judgeAggregate = judgeAggregate;
        this.adaptiveSwap = adaptiveSwap;
        this.swapAudit = swapAudit;
        this.styleScorer = styleScorer;
        this.rubricJudge = rubricJudge;
        this.rubricTieBand = rubricTieBand;
        this.earlyStop = earlyStop;
        this.samples = samples;
        this.totalItems = totalItems;
        this.runId = runId;
        this.evalSet = evalSet;
        this.candidate = candidate;
        this.baseline = baseline;
        this.judge = judge;
        this.pairwiseJudge = pairwiseJudge;
        this.referenceScorer = referenceScorer;
        this.temperature = temperature;
        this.seed = seed;
        this.useCache = useCache;
        this.costCap = costCap;
        this.calls = new Semaphore(concurrency, true);
        this.random = new Random(seed);
    }

    void answered(ModelSpec model) {
        answered.add(model.name());
    }

    void answered(String modelName) {
        answered.add(modelName);
    }

    /**
     * Whether a failure says the run as a whole cannot succeed: a bad key, no access or an unknown model, or a
     * rejected request (400) from a model that has not answered once in this run (its settings are wrong, so every
     * call would fail). A 400 after answers is a problem of that prompt: an error for its item only.
     */
    boolean failsRun(ModelSpec model, io.claimbench.models.EndpointException e) {
        return e.fatalForRun() || (e.kind() == io.claimbench.models.EndpointException.Kind.REJECTED
                && e.status().orElse(0) == 400 && !answered.contains(model.name()));
    }

    boolean stopped() {
        return stop.get() != null;
    }

    /** The first reason wins. */
    void stop(RunState state, String reason) {
        stop.compareAndSet(null, new Stop(state, reason));
    }

    record Stop(RunState state, String reason) {
    }
}
