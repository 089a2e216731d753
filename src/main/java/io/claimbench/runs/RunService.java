package io.claimbench.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.PromptItem;
import io.claimbench.models.ModelSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Creates runs (validated, with their work items), starts them in the background and cancels them. */
@ApplicationScoped
public class RunService {

    private final RunValidator validator;
    private final CatalogService catalog;
    private final RunsConfig config;
    private final RunExecutor executor;
    private final RunRecords records;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RunEnded> ended;
    private volatile String gitRevision;

    public RunService(RunValidator validator, CatalogService catalog, RunsConfig config, RunExecutor executor,
                      RunRecords records, Clock clock, ObjectMapper json, Event<RunEnded> ended) {
        this.ended = ended;
        this.validator = validator;
        this.catalog = catalog;
        this.config = config;
        this.executor = executor;
        this.records = records;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Validates, records the run (with who started it) and its work items, and starts it in the background; for REST
     * callers.
     */
    public RunEntity start(RunRequest request, String startedBy) {
        return start(request, false, startedBy);
    }

    /** {@code trusted}: the operator's own CLI, which may replay any file as a recording. */
    public RunEntity start(RunRequest request, boolean trusted, String startedBy) {
        RunEntity run = create(request, trusted, startedBy);
        executor.submit(run.id);
        return run;
    }

    /**
     * Validates and records the run with its work items as {@link #start} does, and then, in the same transaction, asks
     * {@code keep} whether to keep it: if not, nothing is recorded and nothing starts. {@code keep} may write to the
     * database (in that transaction) and refer to the run.
     */
    Optional<RunEntity> startIf(RunRequest request, String startedBy, Predicate<RunEntity> keep) {
        RunDefinition definition = validator.validate(request, false);
        RunEntity run = newRun(definition);
        run.startedBy = startedBy;
        if (!persistWithItems(run, definition, keep)) {
            return Optional.empty();
        }
        executor.submit(run.id);
        return Optional.of(run);
    }

    /** Checks a request as {@link #start} would, recording nothing: an {@link InvalidRunException} names the field. */
    public void check(RunRequest request, boolean trusted) {
        validator.validate(request, trusted);
    }

    RunEntity create(RunRequest r) {
        return create(r, false, null);
    }

    /** Validates the request, then records the run and one work item per prompt sample, in one transaction. */
    RunEntity create(RunRequest r, boolean trusted, String startedBy) {
        RunDefinition definition = validator.validate(r, trusted);
        RunEntity run = newRun(definition);
        run.startedBy = startedBy;
        persistWithItems(run, definition, kept -> true);
        return run;
    }

    public Optional<RunEntity> find(String id) {
        return records.find(id);
    }

    public List<RunEntity> list(int page, int size) {
        return records.list(page, size);
    }

    public Optional<RunProgress> progress(String id) {
        return records.progress(id);
    }

    /** Cancels a queued or running run; a finished run is left as it is. Returns the run as it now stands. */
    public Optional<RunEntity> cancel(String id) {
        Optional<RunEntity> run = find(id);
        run.filter(r -> !r.state.terminal()).ifPresent(r -> {
            executor.cancel(id);
            RunState state = records.finish(id, RunState.CANCELLED, "cancelled by request");
            if (state == RunState.CANCELLED && executor.completion(id).isDone()) {
                ended.fire(new RunEnded(id, state, "cancelled by request")); // not executing here: nobody else says so
            }
        });
        return run.isEmpty() ? run : find(id);
    }

    private RunEntity newRun(RunDefinition d) {
        RunDefinition.Scoring s = d.scoring();
        RunSettings settings = d.settings();
        RunEntity run = new RunEntity();
        run.id = UUID.randomUUID().toString();
        run.evalSetId = d.set().id();
        run.evalSetHash = d.set().contentHash();
        run.candidate = d.candidate().name();
        run.baseline = d.baseline().name();
        run.scorer = s.scorer().label();
        run.judge = s.judges().isEmpty() ? null : s.judges().get(0).name();
        run.recordPanel(s.judges().stream().map(ModelSpec::name).toList());
        run.judgeAggregate = s.aggregate();
        run.swapMode = s.swap();
        run.swapAudit = s.swapAudit();
        run.judgeTemplate = s.template();
        run.judgeTemplateHash = s.templateHash();
        run.samples = settings.samples();
        run.seed = settings.seed();
        run.temperature = settings.temperature();
        run.concurrency = settings.concurrency();
        run.costCap = settings.costCap();
        run.useCache = settings.cache();
        run.earlyStop = settings.earlyStop();
        run.hypothesisComparator = d.claim().comparator();
        run.hypothesisThreshold = d.claim().threshold();
        run.regressionMargin = d.claim().regression() == null ? null : d.claim().regression().margin();
        run.state = RunState.QUEUED;
        run.gitRevision = gitRevision();
        run.totalItems = d.set().prompts().size() * settings.samples();
        run.cost = 0;
        run.createdAt = Instant.now(clock);
        run.spec = spec(run);
        return run;
    }

    private static final EntityRows<WorkItemEntity> WORK_ITEMS = new EntityRows<>(WorkItemEntity.class);

    private boolean persistWithItems(RunEntity run, RunDefinition d, Predicate<RunEntity> keep) {
        Map<String, Long> versions = catalog.promptVersionIds(d.set().id());
        try {
            // One transaction, so that a run exists with all its items or not at all; its time grows with the items.
            int timeout = 60 + run.totalItems / 500;
            QuarkusTransaction.requiringNew().timeout(timeout).run(() -> {
                run.persist();
                RunEntity.getEntityManager().flush();
                // In JDBC batches: a run of 100,000 items holds no 100,000 entities in the persistence context.
                RunEntity.getEntityManager().unwrap(org.hibernate.Session.class).doWork(c -> {
                    try (java.sql.PreparedStatement ps = c.prepareStatement(WORK_ITEMS.sql())) {
                        int pending = 0;
                        WorkItemEntity w = new WorkItemEntity();
                        for (PromptItem p : d.set().prompts()) {
                            for (int s = 0; s < d.settings().samples(); s++) {
                                w.runId = run.id;
                                w.promptVersionId = versions.get(p.id());
                                w.sampleIndex = s;
                                w.state = WorkItemEntity.PENDING;
                                WORK_ITEMS.bind(ps, w);
                                ps.addBatch();
                                if (++pending == 1000) {
                                    ps.executeBatch();
                                    pending = 0;
                                }
                            }
                        }
                        if (pending > 0) {
                            ps.executeBatch();
                        }
                    }
                });
                if (!keep.test(run)) {
                    throw new NotKept(); // rolls the transaction back
                }
            });
            return true;
        } catch (NotKept e) {
            return false;
        }
    }

    private static final class NotKept extends RuntimeException {
        NotKept() {
            super("not kept", null, false, false);
        }
    }

    private String gitRevision() {
        String g = gitRevision;
        if (g == null) {
            g = GitRevision.of(config);
            gitRevision = g;
        }
        return g;
    }

    /** What the run was asked to do, as recorded with it (the document a rerun can be made from). */
    private String spec(RunEntity run) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("evalSet", run.evalSetId);
        spec.put("evalSetHash", run.evalSetHash);
        spec.put("candidate", run.candidate);
        spec.put("baseline", run.baseline);
        spec.put("scorer", run.scorer);
        spec.put("judge", run.judge);
        spec.put("judges", run.judges == null ? null : run.judgeNames());
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
        if (run.hypothesisComparator != null || run.hypothesisThreshold != null) {
            Map<String, Object> hypothesis = new LinkedHashMap<>();
            hypothesis.put("comparator", run.hypothesisComparator);
            hypothesis.put("threshold", run.hypothesisThreshold);
            spec.put("hypothesis", hypothesis);
        }
        if (run.regressionMargin != null) {
            spec.put("regression", Map.of("margin", run.regressionMargin));
        }
        spec.put("gitRevision", run.gitRevision);
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
