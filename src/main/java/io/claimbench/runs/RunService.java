package io.claimbench.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.EqBenchV2Scorer;
import io.claimbench.judging.JudgePanel;
import io.claimbench.judging.JudgeTemplate;
import io.claimbench.judging.PairwiseJudge;
import io.claimbench.judging.ReferenceScorer;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.UnknownModelException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creates runs (validated, with their work items), cancels them and rebuilds what an executing run needs. */
@ApplicationScoped
public class RunService {

    public static final int MAX_SAMPLES = 100;
    public static final int MAX_CONCURRENCY = 1024;
    private static final Map<String, ReferenceScorer> REFERENCE_SCORERS = Map.of(EqBenchV2Scorer.NAME, new EqBenchV2Scorer(),
            io.claimbench.judging.AsciiArtScorer.NAME, new io.claimbench.judging.AsciiArtScorer(),
            io.claimbench.judging.SemanticSimilarityScorer.NAME, new io.claimbench.judging.SemanticSimilarityScorer(),
            io.claimbench.judging.ExactAnswerScorer.NAME, new io.claimbench.judging.ExactAnswerScorer(),
            io.claimbench.judging.EqStyleScorer.NAME, new io.claimbench.judging.EqStyleScorer());

    private static final ObjectMapper PANEL_JSON = new ObjectMapper();

    private final CatalogService catalog;
    private final ModelRegistry models;
    private final RunsConfig config;
    private final RunExecutor executor;
    private final Clock clock;
    private final ObjectMapper json;
    private final io.claimbench.models.TrustPolicy trust;
    private volatile String gitRevision;

    public RunService(CatalogService catalog, ModelRegistry models, RunsConfig config, RunExecutor executor, Clock clock,
                      ObjectMapper json, io.claimbench.models.TrustPolicy trust) {
        this.trust = trust;
        this.catalog = catalog;
        this.models = models;
        this.config = config;
        this.executor = executor;
        this.clock = clock;
        this.json = json;
    }

    /** Validates, records the run and its work items, and starts it in the background; for REST callers. */
    public RunEntity start(RunRequest request) {
        return start(request, false);
    }

    /** {@code trusted}: the operator's own CLI, which may replay any file as a recording. */
    public RunEntity start(RunRequest request, boolean trusted) {
        RunEntity run = create(request, trusted);
        executor.submit(run.id);
        return run;
    }

    RunEntity create(RunRequest r) {
        return create(r, false);
    }

    RunEntity create(RunRequest r, boolean trusted) {
        if (!trusted) {
            checkRecordings(r);
        }
        if (r.evalSet() == null || r.evalSet().isBlank()) {
            throw new InvalidRunException("evalSet", "evalSet is required", false);
        }
        EvalSet set = catalog.find(r.evalSet()).orElseThrow(() -> new InvalidRunException("evalSet",
                "unknown eval set '" + r.evalSet() + "'", true));
        ModelSpec candidate = model("candidate", r.candidate());
        ModelSpec baseline = model("baseline", r.baseline());
        String scorer = r.scorer() != null ? r.scorer() : set.scorer();
        boolean judged = !REFERENCE_SCORERS.containsKey(scorer);
        boolean rubric = scorer.equals(io.claimbench.judging.RubricJudge.NAME);
        if (judged && !rubric && !scorer.equals("pairwise-judge") && !scorer.equals("reference-judge")) {
            throw new InvalidRunException("scorer", "unknown scorer '" + scorer
                    + "' (expected pairwise-judge, reference-judge, rubric-judge or " + String.join(", ", REFERENCE_SCORERS.keySet()) + ")", false);
        }
        if ((!judged && REFERENCE_SCORERS.get(scorer).requiresReference()) || scorer.equals("reference-judge")) {
            set.prompts().stream().filter(p -> p.reference() == null).findFirst().ifPresent(p -> {
                throw new InvalidRunException("scorer", "scorer '" + scorer + "' needs references, and prompt '"
                        + p.id() + "' of '" + set.id() + "' has none", false);
            });
        }
        List<ModelSpec> panel = List.of();
        String template = null;
        String templateHash = null;
        boolean pairwise = judged && !rubric;
        if (rubric) {
            panel = panel(r);
            if (panel.size() > 1) {
                throw new InvalidRunException("judges", "a judge panel needs a pairwise scorer; rubric-judge grades with one judge", false);
            }
            template = set.rubricTemplate();
            templateHash = rubricJudge(template).hash();
        } else if (judged) {
            panel = panel(r);
            template = r.judgeTemplate() != null ? r.judgeTemplate() : set.judgeTemplate();
            if (template == null) {
                throw new InvalidRunException("judgeTemplate", "eval set '" + set.id() + "' names no judge template: give judgeTemplate", false);
            }
            templateHash = judgeTemplate("judgeTemplate", template).hash();
        } else if (r.judge() != null || (r.judges() != null && !r.judges().isEmpty())) {
            throw new InvalidRunException(r.judge() != null ? "judge" : "judges", "scorer '" + scorer + "' uses no judge", false);
        }
        ModelSpec judge = panel.isEmpty() ? null : panel.get(0);
        String aggregate = r.judgeAggregate() == null ? JudgePanel.MAJORITY : r.judgeAggregate();
        if (!JudgePanel.MAJORITY.equals(aggregate) && !JudgePanel.MEAN.equals(aggregate)) {
            throw new InvalidRunException("judgeAggregate", "judgeAggregate must be majority or mean", false);
        }
        String swap = r.swap() == null ? JudgePanel.SWAP_ALWAYS : r.swap();
        if (!JudgePanel.SWAP_ALWAYS.equals(swap) && !JudgePanel.SWAP_ADAPTIVE.equals(swap)) {
            throw new InvalidRunException("swap", "swap must be always or adaptive", false);
        }
        if (!pairwise && (r.swap() != null || r.swapAudit() != null)) {
            throw new InvalidRunException(r.swap() != null ? "swap" : "swapAudit", "swap applies to pairwise judges only", false);
        }
        if (r.swapAudit() != null && (r.swapAudit() < 0 || r.swapAudit() > 1 || r.swapAudit().isNaN())) {
            throw new InvalidRunException("swapAudit", "swapAudit must be between 0 and 1", false);
        }
        if (r.swapAudit() != null && !JudgePanel.SWAP_ADAPTIVE.equals(swap)) {
            throw new InvalidRunException("swapAudit", "swapAudit needs swap adaptive", false);
        }
        int samples = r.samples() == null ? 1 : r.samples();
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new InvalidRunException("samples", "samples must be between 1 and " + MAX_SAMPLES, false);
        }
        int concurrency = r.concurrency() == null ? config.defaultConcurrency() : r.concurrency();
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new InvalidRunException("concurrency", "concurrency must be between 1 and " + MAX_CONCURRENCY, false);
        }
        if (r.temperature() != null && (r.temperature() < 0 || r.temperature() > 2)) {
            throw new InvalidRunException("temperature", "temperature must be between 0 and 2", false);
        }
        if (r.costCap() != null && r.costCap() <= 0) {
            throw new InvalidRunException("costCap", "costCap must be positive", false);
        }
        Map<String, Long> versions = catalog.promptVersionIds(set.id());
        RunEntity run = new RunEntity();
        run.id = UUID.randomUUID().toString();
        run.evalSetId = set.id();
        run.evalSetHash = set.contentHash();
        run.candidate = candidate.name();
        run.baseline = baseline.name();
        run.scorer = scorer;
        run.judge = judge == null ? null : judge.name();
        run.judges = panel.size() > 1 ? names(panel) : null;
        run.judgeAggregate = panel.size() > 1 ? aggregate : null;
        run.swapMode = pairwise ? swap : null;
        run.swapAudit = pairwise && JudgePanel.SWAP_ADAPTIVE.equals(swap)
                ? (r.swapAudit() == null ? JudgePanel.DEFAULT_AUDIT : r.swapAudit()) : null;
        run.judgeTemplate = template;
        run.judgeTemplateHash = templateHash;
        run.samples = samples;
        run.seed = r.seed() == null ? 0 : r.seed();
        run.temperature = r.temperature();
        run.concurrency = concurrency;
        run.costCap = r.costCap();
        run.useCache = r.cache() == null || r.cache();
        run.earlyStop = Boolean.TRUE.equals(r.earlyStop());
        run.state = RunState.QUEUED;
        run.gitRevision = gitRevision();
        run.totalItems = set.prompts().size() * samples;
        run.cost = 0;
        run.createdAt = Instant.now(clock);
        run.spec = spec(run);
        QuarkusTransaction.requiringNew().run(() -> {
            run.persist();
            for (var p : set.prompts()) {
                Long versionId = versions.get(p.id());
                for (int s = 0; s < samples; s++) {
                    WorkItemEntity w = new WorkItemEntity();
                    w.runId = run.id;
                    w.promptVersionId = versionId;
                    w.sampleIndex = s;
                    w.state = WorkItemEntity.PENDING;
                    w.persist();
                }
            }
        });
        return run;
    }

    /** What the executor needs, rebuilt from the recorded run (also after a restart). */
    RunContext context(RunEntity run) {
        EvalSet set = catalog.find(run.evalSetId).orElseThrow(() ->
                new IllegalStateException("eval set '" + run.evalSetId + "' is no longer in the catalog"));
        ModelSpec candidate = models.resolve(run.candidate);
        ModelSpec baseline = models.resolve(run.baseline);
        ModelSpec judge = run.judge == null ? null : models.resolve(run.judge);
        List<ModelSpec> panel = judgeNames(run).stream().map(models::resolve).toList();
        PairwiseJudge pairwise = null;
        io.claimbench.judging.RubricJudge rubric = null;
        if (io.claimbench.judging.RubricJudge.NAME.equals(run.scorer)) {
            rubric = io.claimbench.judging.RubricJudge.load(catalog.promptsDir(), run.judgeTemplate);
            if (!rubric.hash().equals(run.judgeTemplateHash)) {
                throw new IllegalStateException("rubric template '" + run.judgeTemplate + "' changed since the run started");
            }
        } else if (run.judgeTemplate != null) {
            JudgeTemplate t = judgeTemplate("judgeTemplate", run.judgeTemplate);
            if (!t.hash().equals(run.judgeTemplateHash)) {
                throw new IllegalStateException("judge template '" + run.judgeTemplate + "' changed since the run started");
            }
            pairwise = new PairwiseJudge(t);
        }
        RunContext ctx = new RunContext(run.id, set, candidate, baseline, judge, pairwise, REFERENCE_SCORERS.get(run.scorer),
                run.temperature, run.seed, run.useCache, run.costCap, run.concurrency, run.earlyStop, run.samples,
                run.totalItems, pairwise == null || set.styleScorer() == null ? null : REFERENCE_SCORERS.get(set.styleScorer()),
                rubric, config.rubricTieBand(), panel, run.judgeAggregate, JudgePanel.SWAP_ADAPTIVE.equals(run.swapMode),
                run.swapAudit == null ? 0 : run.swapAudit);
        // A resumed run remembers which models already answered, so that a later 400 is not taken for bad settings.
        QuarkusTransaction.requiringNew().run(() -> {
            RunEntity.getEntityManager().createQuery("select distinct g.modelName from GenerationEntity g "
                            + "where g.runId = :run and g.error is null", String.class).setParameter("run", run.id)
                    .getResultList().forEach(ctx::answered);
            RunEntity.getEntityManager().createQuery("select distinct j.judge from JudgmentEntity j where j.runId = :run "
                    + "and j.outcome <> 'ERROR'", String.class).setParameter("run", run.id).getResultList().forEach(ctx::answered);
        });
        return ctx;
    }

    /** The run's judges in panel order: the recorded panel, or the single judge. */
    public static List<String> judgeNames(RunEntity run) {
        if (run.judges != null) {
            try {
                return List.of(PANEL_JSON.readValue(run.judges, String[].class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("run " + run.id + " has an unreadable judge panel", e);
            }
        }
        return run.judge == null ? List.of() : List.of(run.judge);
    }

    private List<ModelSpec> panel(RunRequest r) {
        boolean hasPanel = r.judges() != null && !r.judges().isEmpty();
        if (hasPanel && r.judge() != null) {
            throw new InvalidRunException("judges", "give judge or judges, not both", false);
        }
        if (!hasPanel) {
            return List.of(model("judge", r.judge()));
        }
        if (r.judges().size() > JudgePanel.MAX_JUDGES) {
            throw new InvalidRunException("judges", "at most " + JudgePanel.MAX_JUDGES + " judges", false);
        }
        List<ModelSpec> out = new java.util.ArrayList<>();
        for (int i = 0; i < r.judges().size(); i++) {
            ModelSpec m = model("judges[" + i + "]", r.judges().get(i));
            if (out.stream().anyMatch(o -> o.name().equals(m.name()))) {
                throw new InvalidRunException("judges[" + i + "]", "judge '" + m.name() + "' is named twice", false);
            }
            out.add(m);
        }
        return out;
    }

    private String names(List<ModelSpec> panel) {
        try {
            return json.writeValueAsString(panel.stream().map(ModelSpec::name).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<ReferenceScorer> referenceScorer(String name) {
        return Optional.ofNullable(REFERENCE_SCORERS.get(name));
    }

    public Optional<RunEntity> find(String id) {
        return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> RunEntity.findById(id)));
    }

    public List<RunEntity> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() ->
                RunEntity.<RunEntity>findAll(io.quarkus.panache.common.Sort.descending("createdAt")).page(page, size).list());
    }

    /** Cancels a queued or running run; a finished run is left as it is. Returns the run as it now stands. */
    public Optional<RunEntity> cancel(String id) {
        Optional<RunEntity> run = find(id);
        run.filter(r -> !r.state.terminal()).ifPresent(r -> {
            executor.cancel(id);
            QuarkusTransaction.requiringNew().run(() -> RunEntity.update(
                    "state = ?1, reason = ?2, finishedAt = ?3 where id = ?4 and state in ?5", RunState.CANCELLED,
                    "cancelled by request", Instant.now(clock), id, List.of(RunState.QUEUED, RunState.RUNNING)));
        });
        return run.isEmpty() ? run : find(id);
    }

    public Optional<RunProgress> progress(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = RunEntity.findById(id);
            if (run == null) {
                return Optional.<RunProgress>empty();
            }
            Map<String, Long> states = new java.util.HashMap<>();
            RunEntity.getEntityManager().createQuery(
                            "select w.state, count(w) from WorkItemEntity w where w.runId = :run group by w.state", Object[].class)
                    .setParameter("run", id).getResultList().forEach(row -> states.put((String) row[0], (Long) row[1]));
            io.claimbench.stats.PairCounts outcomes = io.claimbench.stats.PairCounts.EMPTY;
            for (Object[] row : RunEntity.getEntityManager().createQuery(
                            "select c.outcome, count(c) from ComparisonEntity c where c.runId = :run group by c.outcome", Object[].class)
                    .setParameter("run", id).getResultList()) {
                outcomes = outcomes.plus((io.claimbench.stats.PairOutcome) row[0], (Long) row[1]);
            }
            return Optional.of(new RunProgress(id, run.state, run.reason, run.totalItems,
                    states.getOrDefault(WorkItemEntity.DONE, 0L), states.getOrDefault(WorkItemEntity.RUNNING, 0L),
                    states.getOrDefault(WorkItemEntity.PENDING, 0L), outcomes, run.cost));
        });
    }

    private void checkRecordings(RunRequest r) {
        List<String[]> refs = new java.util.ArrayList<>(List.of(new String[]{"candidate", r.candidate()},
                new String[]{"baseline", r.baseline()}, new String[]{"judge", r.judge()}));
        if (r.judges() != null) {
            for (int i = 0; i < r.judges().size(); i++) {
                refs.add(new String[]{"judges[" + i + "]", r.judges().get(i)});
            }
        }
        for (String[] ref : refs) {
            if (ref[1] != null && ref[1].startsWith("recorded:") && models.find(ref[1]).isEmpty()) {
                try {
                    trust.checkRecording(ref[1].substring("recorded:".length()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRunException(ref[0], e.getMessage(), false);
                }
            }
        }
    }

    private ModelSpec model(String field, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRunException(field, field + " is required", false);
        }
        try {
            return models.resolve(reference);
        } catch (UnknownModelException e) {
            throw new InvalidRunException(field, e.getMessage(), true);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException(field, e.getMessage(), false);
        }
    }

    private JudgeTemplate judgeTemplate(String field, String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new InvalidRunException(field, "judge template names are lower-case letters, digits and dashes", false);
        }
        try {
            return JudgeTemplate.load(catalog.promptsDir(), name);
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidRunException(field, "unknown judge template '" + name + "'", true);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException(field, e.getMessage(), false);
        }
    }

    private io.claimbench.judging.RubricJudge rubricJudge(String name) {
        try {
            return io.claimbench.judging.RubricJudge.load(catalog.promptsDir(), name);
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidRunException("scorer", "rubric template '" + name + "' is not readable", false);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException("scorer", e.getMessage(), false);
        }
    }

    private String gitRevision() {
        String g = gitRevision;
        if (g == null) {
            g = config.gitRevision().orElseGet(GitRevision::detect);
            gitRevision = g;
        }
        return g;
    }

    private String spec(RunEntity run) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("evalSet", run.evalSetId);
        spec.put("evalSetHash", run.evalSetHash);
        spec.put("candidate", run.candidate);
        spec.put("baseline", run.baseline);
        spec.put("scorer", run.scorer);
        spec.put("judge", run.judge);
        spec.put("judges", run.judges == null ? null : judgeNames(run));
        spec.put("judgeAggregate", run.judgeAggregate);
        spec.put("swap", run.swapMode);
        spec.put("swapAudit", run.swapAudit);
        spec.put("judgeTemplate", run.judgeTemplate);
        spec.put("judgeTemplateHash", run.judgeTemplateHash);
        spec.put("samples", run.samples);
        spec.put("seed", run.seed);
        spec.put("temperature", run.temperature);
        spec.put("concurrency", run.concurrency);
        spec.put("costCap", run.costCap);
        spec.put("cache", run.useCache);
        spec.put("earlyStop", run.earlyStop);
        spec.put("gitRevision", run.gitRevision);
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
