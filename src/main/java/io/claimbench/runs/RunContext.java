package io.claimbench.runs;

import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.judging.JudgeSetup;
import io.claimbench.judging.Scorer;
import io.claimbench.models.EndpointException;
import io.claimbench.models.ModelSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the work items of one run share while it executes: the resolved models, how pairs are scored, the run's
 * settings and call slots, a random source seeded from the run (for retry jitter), and the reason it must stop,
 * once there is one.
 */
final class RunContext {

    /** The two models compared. */
    record Models(ModelSpec candidate, ModelSpec baseline) {
        Models {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(baseline, "baseline");
        }
    }

    /**
     * The scorer with what it judges with, and the judges' models by name, in panel order. {@code style} measures
     * each answer's style beside a pairwise judge's verdict (when the eval set names a style scorer), else null.
     */
    record Scoring(Scorer scorer, AnswerScorer style, JudgeSetup setup, Map<String, ModelSpec> judges) {
        Scoring {
            Objects.requireNonNull(scorer, "scorer");
            Objects.requireNonNull(setup, "setup");
            judges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(judges));
        }

        static Map<String, ModelSpec> byName(List<ModelSpec> judges) {
            Map<String, ModelSpec> out = new LinkedHashMap<>();
            judges.forEach(j -> out.put(j.name(), j));
            return out;
        }
    }

    final String runId;
    final EvalSet evalSet;
    final Models models;
    final Scoring scoring;
    final RunSettings settings;
    /**
     * The claim early stopping watches: the eval set's, or with the run's own comparator and threshold; in
     * regression mode, no regression of the win rate.
     */
    final io.claimbench.catalog.Hypothesis hypothesis;
    final int totalItems;
    final Semaphore calls;
    final Random random;
    final AtomicReference<Stop> stop = new AtomicReference<>();
    /**
     * Set once a claim here found nothing left to claim: the items still in flight are the run's last, so none of them
     * waits for others to be committed with.
     */
    volatile boolean drained;
    /** The prompt versions of the items, read once per prompt while recently used. */
    final RecentPrompts prompts = new RecentPrompts(1024);
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    RunContext(String runId, EvalSet evalSet, Models models, Scoring scoring, RunSettings settings,
               io.claimbench.catalog.Hypothesis hypothesis, int totalItems) {
        this.hypothesis = hypothesis;
        this.runId = Objects.requireNonNull(runId, "runId");
        this.evalSet = Objects.requireNonNull(evalSet, "evalSet");
        this.models = models;
        this.scoring = scoring;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.totalItems = totalItems;
        this.calls = new Semaphore(settings.concurrency(), true);
        this.random = new Random(settings.seed());
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
    boolean failsRun(ModelSpec model, EndpointException e) {
        return e.fatalForRun() || (e.kind() == EndpointException.Kind.REJECTED
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
