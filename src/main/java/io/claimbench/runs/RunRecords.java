package io.claimbench.runs;

import io.claimbench.stats.PairCounts;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads runs and moves them between states in the database, each in a transaction of its own. */
@ApplicationScoped
public class RunRecords {

    private static final List<RunState> ACTIVE = List.of(RunState.QUEUED, RunState.RUNNING);

    private final Clock clock;

    public RunRecords(Clock clock) {
        this.clock = clock;
    }

    public Optional<RunEntity> find(String id) {
        return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> RunEntity.findById(id)));
    }

    public List<RunEntity> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() ->
                RunEntity.<RunEntity>findAll(Sort.descending("createdAt")).page(page, size).list());
    }

    /** The ids of runs queued or running, as a restart finds them. */
    List<String> unfinished() {
        return QuarkusTransaction.requiringNew().call(() -> RunEntity.<RunEntity>list("state in ?1", ACTIVE).stream()
                .map(r -> r.id).toList());
    }

    void markRunning(String runId) {
        QuarkusTransaction.requiringNew().run(() -> RunEntity.getEntityManager().createNamedQuery(RunEntity.MARK_RUNNING)
                .setParameter(1, RunState.RUNNING).setParameter(2, Instant.now(clock)).setParameter(3, runId)
                .setParameter(4, ACTIVE).executeUpdate());
    }

    /** Ends a queued or running run; a run already ended keeps its state. Returns the state it now has. */
    RunState finish(String runId, RunState state, String reason) {
        QuarkusTransaction.requiringNew().run(() -> RunEntity.getEntityManager().createNamedQuery(RunEntity.FINISH)
                .setParameter(1, state).setParameter(2, reason).setParameter(3, Instant.now(clock)).setParameter(4, runId)
                .setParameter(5, ACTIVE).executeUpdate());
        return find(runId).map(r -> r.state).orElse(state);
    }

    /**
     * Ends a run whose items were all worked through (or that reached its cost cap or settled early) honestly: a run
     * in which nothing was scored has failed, with its commonest error (or unscored reason) as the reason; one whose
     * share of failed items is above {@code maxErrorShare} ends as asked but flagged, so it cannot support a claim.
     */
    RunState end(String runId, RunState state, String reason, double maxErrorShare) {
        Tally t = tally(runId);
        if (t.scored() == 0) {
            return finish(runId, RunState.FAILED, t.recorded() == 0 ? "nothing was scored: no item was recorded"
                    : String.format(java.util.Locale.ROOT, "nothing was scored (%d of %d items failed, %d unscored); commonest %s (%d): %s",
                    t.errors(), t.recorded(), t.unscored(), t.errors() > 0 ? "error" : "reason", t.commonestCount(), t.commonest()));
        }
        boolean over = (double) t.errors() / t.recorded() > maxErrorShare;
        QuarkusTransaction.requiringNew().run(() -> RunEntity.getEntityManager()
                .createNamedQuery(RunEntity.FLAG_ERRORS).setParameter(1, over).setParameter(2, runId).executeUpdate());
        return finish(runId, state, reason);
    }

    /** A run's recorded items by outcome, and the commonest reason of those that failed (or else went unscored). */
    record Tally(long recorded, long scored, long errors, long unscored, String commonest, long commonestCount) {
    }

    Tally tally(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long recorded = 0;
            long scored = 0;
            long errors = 0;
            long unscored = 0;
            for (Object[] row : RunEntity.getEntityManager().createNamedQuery(ComparisonEntity.BY_OUTCOME, Object[].class)
                    .setParameter("run", runId).getResultList()) {
                PairOutcome o = (PairOutcome) row[0];
                long n = (Long) row[1];
                recorded += n;
                scored += o.decided() ? n : 0;
                errors += o == PairOutcome.ERROR ? n : 0;
                unscored += o == PairOutcome.UNSCORED ? n : 0;
            }
            PairOutcome kind = errors > 0 ? PairOutcome.ERROR : PairOutcome.UNSCORED;
            List<Object[]> reasons = RunEntity.getEntityManager().createNamedQuery(ComparisonEntity.COMMONEST_REASON, Object[].class)
                    .setParameter("run", runId).setParameter("kind", kind).setMaxResults(1).getResultList();
            String commonest = reasons.isEmpty() ? null : (String) reasons.get(0)[0];
            long count = reasons.isEmpty() ? 0 : (Long) reasons.get(0)[1];
            return new Tally(recorded, scored, errors, unscored, commonest, count);
        });
    }

    public Optional<RunProgress> progress(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = RunEntity.findById(id);
            if (run == null) {
                return Optional.<RunProgress>empty();
            }
            Map<String, Long> states = new HashMap<>();
            RunEntity.getEntityManager().createNamedQuery(WorkItemEntity.BY_STATE, Object[].class)
                    .setParameter("run", id).getResultList().forEach(row -> states.put((String) row[0], (Long) row[1]));
            PairCounts outcomes = PairCounts.EMPTY;
            for (Object[] row : RunEntity.getEntityManager().createNamedQuery(ComparisonEntity.BY_OUTCOME, Object[].class)
                    .setParameter("run", id).getResultList()) {
                outcomes = outcomes.plus((PairOutcome) row[0], (Long) row[1]);
            }
            return Optional.of(new RunProgress(id, run.state, run.reason, run.totalItems,
                    states.getOrDefault(WorkItemEntity.DONE, 0L), states.getOrDefault(WorkItemEntity.RUNNING, 0L),
                    states.getOrDefault(WorkItemEntity.PENDING, 0L), outcomes, run.cost));
        });
    }
}
