package io.claimbench.results;

import io.claimbench.catalog.CatalogService;
import io.claimbench.models.ModelRegistry;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Reports of the last runs asked for, each with the state of the database it was computed from: the run's row,
 * the count and last id of its comparisons and votes (rows are only ever added to a run), and what it reads from
 * the catalog and the model registry. A report is served again as long as that state is the same, so a finished run
 * is computed once, in whichever process serves it. While a run is going, its report changes with every item: a
 * small run is computed afresh each time; a run whose report took longer than {@link #SLOW_MS} to compute gets the
 * last one at once while the next is computed in the background (one at a time per run, and not before four times
 * the last computation's time has passed), so that polling a large run never waits for a full computation, and its
 * figures are at most about five computations old. A finished run's report
 * is always the one of its final state: computed ahead when the run ends, and waited for if still under way.
 */
@ApplicationScoped
public class ReportCache {

    private static final Logger LOG = Logger.getLogger(ReportCache.class);
    /** Reports of a running run slower than this are refreshed in the background. */
    static final long SLOW_MS = 200;
    /** A slow report of a running run is computed again once this many times its last computation has passed. */
    static final long REFRESH_PAUSE = 4;
    private static final int RUNS = 32;

    private final EntityManager em;
    private final CatalogService catalog;
    private final ModelRegistry models;
    private final Clock clock;
    private final Map<String, ReportCache.Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReportCache.Entry> eldest) {
            return size() > RUNS;
        }
    };
    private final Map<String, Pending> pending = new HashMap<>();
    private final ExecutorService computing = Executors.newVirtualThreadPerTaskExecutor();

    public ReportCache(EntityManager em, CatalogService catalog, ModelRegistry models, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.models = models;
        this.clock = clock;
    }

    /** What a report depends on, read in a few indexed aggregates. */
    record Version(RunState state, String reason, double cost, Object startedAt, Object finishedAt, Boolean overBudget,
                   long comparisons, Long lastComparison, long votes, Long lastVote, Object evalSet, Object candidatePrice,
                   Object baselinePrice) {
    }

    /** A report, how long it took to compute and when it was done. */
    private record Entry(Version version, RunReport report, long millis, long doneAt) {
    }

    /** A computation under way, for one version of a run: whoever asks for that version waits for it. */
    private record Pending(Version version, CompletableFuture<Optional<RunReport>> report) {
    }

    Optional<RunReport> report(String runId, Function<String, Optional<RunReport>> compute) {
        Optional<Version> version = version(runId);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Version now = version.get();
        Entry cached;
        synchronized (entries) {
            cached = entries.get(runId);
        }
        if (cached != null && cached.version.equals(now)) {
            return Optional.of(cached.report);
        }
        boolean running = now.state() == RunState.RUNNING || now.state() == RunState.QUEUED;
        if (cached != null && running && cached.millis > SLOW_MS) {
            // Not before REFRESH_PAUSE times its computation has passed: a large run's report then takes at most a
            // fifth of a core from the run it reports on, and memory for its rows a fifth of the time.
            if (clock.millis() - cached.doneAt >= REFRESH_PAUSE * cached.millis) {
                start(runId, now, compute, true);
            }
            return Optional.of(cached.report);
        }
        try {
            return start(runId, now, compute, false).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Computes a run's report ahead of the first request once the run has ended, so that the final figures of a
     * large run are ready when they are asked for.
     */
    void ahead(String runId, Function<String, Optional<RunReport>> compute) {
        try {
            version(runId).ifPresent(v -> start(runId, v, compute, false));
        } catch (RuntimeException e) {
            LOG.debugf(e, "the report of run %s was not computed ahead", runId);
        }
    }

    /**
     * The computation of this version: the one under way, or a new one on a virtual thread. {@code ifIdle}: none if
     * another version of the run is being computed (refreshes of a running run, one at a time).
     */
    private CompletableFuture<Optional<RunReport>> start(String runId, Version version, Function<String, Optional<RunReport>> compute,
                                                         boolean ifIdle) {
        Pending mine;
        synchronized (entries) {
            Pending p = pending.get(runId);
            if (p != null && (p.version.equals(version) || (ifIdle && !p.report.isDone()))) {
                return p.report;
            }
            mine = new Pending(version, new CompletableFuture<>());
            pending.put(runId, mine);
        }
        computing.submit(() -> {
            try {
                long start = clock.millis();
                Optional<RunReport> report = compute.apply(runId);
                long millis = clock.millis() - start;
                synchronized (entries) {
                    Entry kept = entries.get(runId);
                    if (report.isPresent() && (kept == null || !later(kept.version, version))) {
                        entries.put(runId, new Entry(version, report.get(), millis, clock.millis()));
                    }
                    pending.remove(runId, mine);
                }
                mine.report.complete(report);
            } catch (RuntimeException e) {
                synchronized (entries) {
                    pending.remove(runId, mine);
                }
                mine.report.completeExceptionally(e);
            }
        });
        return mine.report;
    }

    /** Whether {@code a} is of a later state of the run than {@code b} (rows are only added; an end is final). */
    private static boolean later(Version a, Version b) {
        boolean aRunning = a.state() == RunState.RUNNING || a.state() == RunState.QUEUED;
        boolean bRunning = b.state() == RunState.RUNNING || b.state() == RunState.QUEUED;
        return (!aRunning && bRunning) || a.comparisons() > b.comparisons() || a.votes() > b.votes();
    }

    private Optional<Version> version(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = em.find(RunEntity.class, runId);
            if (run == null) {
                return Optional.<Version>empty();
            }
            Object[] c = em.createQuery("select count(c), max(c.id) from ComparisonEntity c where c.runId = :run", Object[].class)
                    .setParameter("run", runId).getSingleResult();
            Object[] v = em.createQuery("select count(v), max(v.id) from HumanVoteEntity v, ComparisonEntity c "
                    + "where v.comparisonId = c.id and c.runId = :run", Object[].class).setParameter("run", runId).getSingleResult();
            // The catalog's eval set by identity: a reload of the catalog makes a new one.
            Object set = catalog.find(run.evalSetId).map(s -> (Object) new Identity(s)).orElse(null);
            return Optional.of(new Version(run.state, run.reason, run.cost, run.startedAt, run.finishedAt, run.errorBudgetExceeded,
                    (Long) c[0], (Long) c[1], (Long) v[0], (Long) v[1], set, price(run.candidate), price(run.baseline)));
        });
    }

    private Object price(String model) {
        try {
            return models.resolve(model);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Equal only to a wrapper of the very same object. */
    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }

    /** Forgets every report: for tests that change what reports read behind the cache's back. */
    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
