package io.claimbench.runs;

import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Early stopping's running sums, one row per run ({@code run_totals}): how many prompts have all their samples
 * recorded with at least one decided pair, and the sum of those prompts' mean win shares. {@link #recorded} updates
 * the row in the transaction that records an item, so the sums always match the committed comparisons, whichever
 * process recorded them and across restarts; the check after each item then reads one row ({@link #settled}).
 * Recording an item reads only its prompt's other samples, so both sides cost O(samples), not O(run).
 */
@ApplicationScoped
public class RunTotals {

    private final EntityManager em;
    private final InsertIfAbsent inserts;
    /** Run settings never change once the run exists: samples, or 0 for runs that do not stop early. */
    private final Map<String, Integer> samplesByRun = new ConcurrentHashMap<>();

    public RunTotals(EntityManager em, InsertIfAbsent inserts) {
        this.em = em;
        this.inserts = inserts;
    }

    /** The sums now: prompts settled and the sum of their mean win shares; zeros before anything was recorded. */
    public Sums settled(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("select settled_prompts, settled_sum from run_totals where run_id = ?1", Object[].class)
                    .setParameter(1, runId).getResultList();
            return rows.isEmpty() ? new Sums(0, 0) : new Sums(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).doubleValue());
        });
    }

    /**
     * Adds a just-persisted comparison to its run's sums, inside the recording transaction. The row's lock orders the
     * recorders of one run, so the last sample of a prompt always sees the others.
     */
    void recorded(ComparisonEntity c) {
        int samples = samplesByRun.computeIfAbsent(c.runId, this::samplesIfEarlyStop);
        if (samples == 0) {
            return;
        }
        em.flush();
        if (lock(c.runId) == 0) {
            open(c.runId, samples);
            lock(c.runId);
        }
        List<Object[]> mine = em.createQuery("select c.outcome, c.winShare from ComparisonEntity c where c.runId = :run "
                        + "and c.promptVersionId = :prompt order by c.id", Object[].class)
                .setParameter("run", c.runId).setParameter("prompt", c.promptVersionId).getResultList();
        Double mean = PromptShares.of(mine).mean();
        if (mine.size() == samples && mean != null) {
            em.createNativeQuery("update run_totals set settled_prompts = settled_prompts + 1, settled_sum = settled_sum + ?1 where run_id = ?2")
                    .setParameter(1, mean).setParameter(2, c.runId).executeUpdate();
        }
    }

    /** Counts the item and takes the row's lock until the recording transaction ends; 0 when the run has no row yet. */
    private int lock(String runId) {
        return em.createNativeQuery("update run_totals set recorded = recorded + 1 where run_id = ?1").setParameter(1, runId).executeUpdate();
    }

    private int samplesIfEarlyStop(String runId) {
        Object[] row = em.createQuery("select r.samples, r.earlyStop from RunEntity r where r.id = :run", Object[].class)
                .setParameter("run", runId).getSingleResult();
        return Boolean.TRUE.equals(row[1]) ? (Integer) row[0] : 0;
    }

    /**
     * Creates the run's row in a transaction of its own, from the comparisons committed so far: those of a run that
     * began before this table existed (any comparison recorded since found the row there before it committed). Once
     * per run: later items find the row.
     */
    private void open(String runId, int samples) {
        inserts.exclusive(runId, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!em.createNativeQuery("select run_id from run_totals where run_id = ?1").setParameter(1, runId).getResultList().isEmpty()) {
                return false;
            }
            Sums s = recompute(runId, samples);
            return inserts.insert("run_totals", List.of("run_id"), List.of(
                    new InsertIfAbsent.Value("run_id", runId, Types.VARCHAR, "varchar(36)"),
                    new InsertIfAbsent.Value("recorded", 0L, Types.BIGINT, "bigint"),
                    new InsertIfAbsent.Value("settled_prompts", s.prompts(), Types.BIGINT, "bigint"),
                    new InsertIfAbsent.Value("settled_sum", s.sum(), Types.DOUBLE, "double precision")));
        }));
    }

    /** The sums from every committed comparison of the run, prompt by prompt (what the check computed before). */
    Sums recompute(String runId, int samples) {
        Map<Long, List<Object[]>> byPrompt = new HashMap<>();
        em.createQuery("select c.promptVersionId, c.outcome, c.winShare from ComparisonEntity c where c.runId = :run order by c.id",
                        Object[].class).setParameter("run", runId).getResultStream()
                .forEach(r -> byPrompt.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add(new Object[]{r[1], r[2]}));
        long prompts = 0;
        double sum = 0;
        for (List<Object[]> rows : byPrompt.values()) {
            Double mean = PromptShares.of(rows).mean();
            if (rows.size() == samples && mean != null) {
                prompts++;
                sum += mean;
            }
        }
        return new Sums(prompts, sum);
    }

    /** Settled prompts and the sum of their mean win shares. */
    public record Sums(long prompts, double sum) {
    }

    /** One prompt's recorded samples: the sum of the decided pairs' win shares and how many were decided. */
    record PromptShares(double sum, int decided) {
        static PromptShares of(List<Object[]> outcomeAndShare) {
            double sum = 0;
            int decided = 0;
            for (Object[] row : outcomeAndShare) {
                PairOutcome outcome = (PairOutcome) row[0];
                if (outcome.decided()) {
                    // The same observation as the report's: a mean panel's win share, not its rounded outcome.
                    sum += ComparisonEntity.observedShare(outcome, (Double) row[1]);
                    decided++;
                }
            }
            return new PromptShares(sum, decided);
        }

        /** The mean share, or null when no sample was decided. */
        Double mean() {
            return decided == 0 ? null : sum / decided;
        }
    }
}
