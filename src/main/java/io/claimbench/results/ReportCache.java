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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Reports of the last runs asked for, each with the state of the database it was computed from: the run's row,
 * the count and last id of its comparisons and votes (rows are only ever added to a run), and what it reads from
 * the catalog and the model registry. A report is served again as long as that state is the same, so a finished run
 * is computed once, in whichever process serves it. While a run is going, its report changes with every item: a
 * small run is computed afresh each time; a run whose report took longer than {@link #SLOW_MS} to compute gets the
 * last one at once while the next is computed in the background (one at a time per run), so that polling a large
 * run never waits for a full computation, and its figures are at most one computation old.
 */
@ApplicationScoped
public class ReportCache {

    private static final Logger LOG = Logger.getLogger(ReportCache.class);
    /** Reports of a running run slower than this are refreshed in the background. */
    static final long SLOW_MS = 250;
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
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();

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

    private record Entry(Version version, RunReport report, long millis, boolean refreshing) {
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
            refreshInBackground(runId, cached, compute);
            return Optional.of(cached.report);
        }
        return computeAndKeep(runId, now, compute);
    }

    private Optional<RunReport> computeAndKeep(String runId, Version version, Function<String, Optional<RunReport>> compute) {
        long start = clock.millis();
        Optional<RunReport> report = compute.apply(runId);
        long millis = clock.millis() - start;
        report.ifPresent(r -> {
            synchronized (entries) {
                entries.put(runId, new Entry(version, r, millis, false));
            }
        });
        return report;
    }

    private void refreshInBackground(String runId, Entry cached, Function<String, Optional<RunReport>> compute) {
        synchronized (entries) {
            Entry current = entries.get(runId);
            if (current == null || current.refreshing) {
                return;
            }
            entries.put(runId, new Entry(current.version, current.report, current.millis, true));
        }
        refresher.submit(() -> {
            try {
                // The state first: a report computed from later rows than its version only recomputes sooner.
                version(runId).ifPresent(v -> computeAndKeep(runId, v, compute));
            } catch (RuntimeException e) {
                LOG.debugf(e, "the report of run %s was not refreshed this time", runId);
                synchronized (entries) {
                    entries.put(runId, new Entry(cached.version, cached.report, cached.millis, false));
                }
            }
        });
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
