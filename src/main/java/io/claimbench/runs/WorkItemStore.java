package io.claimbench.runs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Work items in the database: claimed with a conditional update (so that two processes never take the same
 * item), leased, and recorded with everything they produced in one transaction, so that a crash leaves an item
 * either done or untouched.
 */
@ApplicationScoped
public class WorkItemStore {

    private final EntityManager em;
    private final Clock clock;
    private final RunTotals totals;

    public WorkItemStore(EntityManager em, Clock clock, RunTotals totals) {
        this.em = em;
        this.clock = clock;
        this.totals = totals;
    }

    /**
     * Claims up to {@code max} items that are pending or whose lease ran out in another process (this process
     * renews the leases of what it holds, see {@link #renew}, and never takes its own items twice).
     */
    public List<WorkItemEntity> claim(String runId, String owner, int max, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            List<Long> candidates = em.createQuery("select w.id from WorkItemEntity w where w.runId = :run and "
                            + "(w.state = 'PENDING' or (w.state = 'RUNNING' and w.leaseUntil < :now and w.owner <> :owner)) order by w.id", Long.class)
                    .setParameter("run", runId).setParameter("now", now).setParameter("owner", owner).setMaxResults(max).getResultList();
            List<WorkItemEntity> claimed = new ArrayList<>();
            for (Long id : candidates) {
                int updated = em.createQuery("update WorkItemEntity w set w.state = 'RUNNING', w.owner = :owner, "
                                + "w.leaseUntil = :until, w.attempts = w.attempts + 1 where w.id = :id and "
                                + "(w.state = 'PENDING' or (w.state = 'RUNNING' and w.leaseUntil < :now and w.owner <> :owner))")
                        .setParameter("owner", owner).setParameter("until", now.plus(lease))
                        .setParameter("id", id).setParameter("now", now).executeUpdate();
                if (updated == 1) {
                    claimed.add(em.find(WorkItemEntity.class, id));
                }
            }
            claimed.forEach(em::detach);
            return claimed;
        });
    }

    /** Extends the leases of the items this process is working on in a run. */
    public int renew(String runId, String owner, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update WorkItemEntity w set w.leaseUntil = :until where w.runId = :run and w.owner = :owner and w.state = 'RUNNING'")
                .setParameter("until", Instant.now(clock).plus(lease)).setParameter("run", runId).setParameter("owner", owner)
                .executeUpdate());
    }

    /** Adds what a call cost to its run at once, so that a stop or a crash loses no spend; returns the run's total. */
    public double addCost(String runId, double cost) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createQuery("update RunEntity r set r.cost = r.cost + :c where r.id = :run")
                    .setParameter("c", cost).setParameter("run", runId).executeUpdate();
            return spent(runId);
        });
    }

    public double spent(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select r.cost from RunEntity r where r.id = :run", Double.class)
                .setParameter("run", runId).getSingleResult());
    }

    public void release(long itemId) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update WorkItemEntity w set w.state = 'PENDING', w.owner = null, w.leaseUntil = null where w.id = :id and w.state = 'RUNNING'")
                .setParameter("id", itemId).executeUpdate());
    }

    /**
     * Releases the items of a run that this process holds: for its coordinator when none of them is being worked on
     * (a claim that committed while its answer was lost with the connection left them held by nobody).
     */
    public int releaseOwn(String runId, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update WorkItemEntity w set w.state = 'PENDING', w.owner = null, w.leaseUntil = null "
                                + "where w.runId = :run and w.owner = :owner and w.state = 'RUNNING'")
                .setParameter("run", runId).setParameter("owner", owner).executeUpdate());
    }

    /** Releases every claimed item at once: for a single process restarting after a crash. */
    public int releaseAllClaims() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update WorkItemEntity w set w.state = 'PENDING', w.owner = null, w.leaseUntil = null where w.state = 'RUNNING'")
                .executeUpdate());
    }

    public long unfinished(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(w) from WorkItemEntity w where w.runId = :run and w.state <> 'DONE'", Long.class)
                .setParameter("run", runId).getSingleResult());
    }

    /**
     * Stores an item's generations, judgments and comparison and marks it done, if this process still holds it;
     * returns false (storing nothing) when the item was taken over meanwhile. Repeatable: after a failed attempt (rolled
     * back) everything is stored anew, and after one whose commit went through unbeknown to us (the connection was lost
     * on the way back) the item is found done by this process and nothing is stored twice.
     */
    public boolean record(long itemId, String owner, ItemRecord r) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int done = em.createQuery("update WorkItemEntity w set w.state = 'DONE', w.leaseUntil = null "
                            + "where w.id = :id and w.owner = :owner and w.state = 'RUNNING'")
                    .setParameter("id", itemId).setParameter("owner", owner).executeUpdate();
            if (done == 0) {
                return em.createQuery("select count(w) from WorkItemEntity w where w.id = :id and w.owner = :owner "
                                + "and w.state = 'DONE'", Long.class)
                        .setParameter("id", itemId).setParameter("owner", owner).getSingleResult() == 1;
            }
            // Ids a rolled-back attempt assigned would make these look stored already.
            r.generations().forEach(g -> g.id = null);
            r.judgments().forEach(j -> j.id = null);
            r.comparison().id = null;
            r.generations().forEach(g -> g.persist());
            r.judgments().forEach(j -> j.persist());
            r.comparison().persist();
            totals.recorded(r.comparison());
            return true;
        });
    }

    /** Everything one work item produced (its cost is already on the run, call by call). */
    public record ItemRecord(List<GenerationEntity> generations, List<JudgmentEntity> judgments,
                             ComparisonEntity comparison) {
    }
}
