package io.claimbench.runs;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Work items in the database: claimed in batches under row locks (so that two processes never take the same item),
 * held by the instance that claimed it while its heartbeat lives (its id stays on the item once done, as who recorded
 * it), and recorded with everything they produced in one transaction, so that a crash leaves an item
 * either done or untouched.
 */
@ApplicationScoped
public class WorkItemStore {

    private static final int RECORD_BATCH = 64;
    /** How long a finished item waits for others to be committed with on the embedded database, by default. */
    private static final Duration EMBEDDED_LINGER = Duration.ofMillis(400);
    private static final EntityRows<GenerationEntity> GENERATIONS = new EntityRows<>(GenerationEntity.class);
    private static final EntityRows<JudgmentEntity> JUDGMENTS = new EntityRows<>(JudgmentEntity.class);
    private static final EntityRows<ComparisonEntity> COMPARISONS = new EntityRows<>(ComparisonEntity.class);

    private final EntityManager em;
    private final Clock clock;
    private final AnswerCache cache;
    private final InsertIfAbsent inserts;
    /** Work items finished while one commits are recorded together in the next transaction. */
    private final GroupCommit<Recording, Boolean> recorder;
    private final Duration linger;
    private final RunTotals totals;
    private final String pendingQuery;

    public WorkItemStore(EntityManager em, Clock clock, AnswerCache cache, InsertIfAbsent inserts, RunTotals totals,
                         RunsConfig config, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.clock = clock;
        this.totals = totals;
        this.cache = cache;
        this.inserts = inserts;
        this.linger = config.recordLinger().orElse(DatabaseKind.isPostgreSQL(dbKind) ? Duration.ZERO : EMBEDDED_LINGER);
        this.recorder = new GroupCommit<>("claimbench-recorder", RECORD_BATCH, linger, this::recordAll);
        // Ordered as the index (run_id, state, id) is, so that the first pending items are read off it and no more. H2
        // 2.4 accepts SKIP LOCKED but then reads (and locks) every pending item of the run: there the update below,
        // conditional on the item still being pending, is what keeps two claimers apart.
        this.pendingQuery = "select id, prompt_version_id, sample_index, attempts from work_item where run_id = ?1 "
                + "and state = 'PENDING' order by run_id, state, id fetch first ?2 rows only"
                + (DatabaseKind.isPostgreSQL(dbKind) ? " for update skip locked" : "");
    }

    /**
     * Claims up to {@code max} pending items of a run, in id order, in one short transaction: read off the index (on
     * PostgreSQL locked as they are read, {@code FOR UPDATE SKIP LOCKED}, so that claimers at the same time take
     * different items without waiting for one another), then taken in one update that takes only items still pending.
     * The items come back detached.
     * {@code grace} is how long the items are safe from being taken over even if this process's heartbeat cannot be
     * seen (see {@link #releaseExpired}): the heartbeat expiry.
     */
    public List<WorkItemEntity> claim(String runId, String owner, int max, Duration grace) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(pendingQuery).setParameter(1, runId).setParameter(2, max).getResultList();
            if (rows.isEmpty()) {
                return List.<WorkItemEntity>of();
            }
            List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
            Instant until = now.plus(grace);
            int updated = em.createNamedQuery(WorkItemEntity.CLAIM)
                    .setParameter("owner", owner).setParameter("until", until).setParameter("ids", ids).executeUpdate();
            if (updated != ids.size()) { // another claimer took some between the read and the update (H2 only)
                List<WorkItemEntity> taken = em.createQuery("select w from WorkItemEntity w where w.id in :ids and "
                                + "w.owner = :owner and w.state = 'RUNNING' order by w.id", WorkItemEntity.class)
                        .setParameter("ids", ids).setParameter("owner", owner).getResultList();
                taken.forEach(em::detach);
                return taken;
            }
            List<WorkItemEntity> claimed = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                WorkItemEntity w = new WorkItemEntity();
                w.id = ((Number) r[0]).longValue();
                w.runId = runId;
                w.promptVersionId = ((Number) r[1]).longValue();
                w.sampleIndex = ((Number) r[2]).intValue();
                w.attempts = ((Number) r[3]).intValue() + 1;
                w.state = WorkItemEntity.RUNNING;
                w.owner = owner;
                w.leaseUntil = until;
                claimed.add(w);
            }
            return claimed;
        });
    }

    /**
     * Gives back the items of unfinished runs held by instances not in {@code live} (their heartbeat expired, or they
     * left), once their claim's grace is over; the caller's own items are never given back this way. Returns how many.
     */
    public int releaseExpired(String self, List<String> live) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update WorkItemEntity w set w.state = 'PENDING', w.owner = null, w.leaseUntil = null "
                                + "where w.runId in (select r.id from RunEntity r where r.state in :active) and w.state = 'RUNNING' "
                                + "and w.owner <> :self and w.owner not in :live and w.leaseUntil < :now")
                .setParameter("active", List.of(RunState.QUEUED, RunState.RUNNING)).setParameter("self", self)
                .setParameter("live", live.isEmpty() ? List.of(self) : live).setParameter("now", Instant.now(clock))
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
        release(itemId, List.of());
    }

    /** Gives an unfinished item back, storing in the same transaction the answers it got (paid for, kept in the cache). */
    public void release(long itemId, List<AnswerCache.Entry> answers) {
        List<AnswerCache.Entry> fresh = List.copyOf(answers);
        inserts.exclusive(AnswerCache.keys(fresh), () -> QuarkusTransaction.requiringNew().call(() -> {
            cache.insert(fresh);
            return em.createQuery("update WorkItemEntity w set w.state = 'PENDING', w.owner = null, w.leaseUntil = null "
                            + "where w.id = :id and w.state = 'RUNNING'")
                    .setParameter("id", itemId).executeUpdate();
        }));
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

    /**
     * Releases every item of an unfinished run held under an owner id: for a process that starts again under the id of the one
     * before it on the same data folder, whose items nobody works on any more.
     */
    public int releaseAllOf(String owner) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update WorkItemEntity w set w.state = 'PENDING', w.owner = null, w.leaseUntil = null "
                                + "where w.runId in (select r.id from RunEntity r where r.state in :active) "
                                + "and w.state = 'RUNNING' and w.owner = :owner")
                .setParameter("active", List.of(RunState.QUEUED, RunState.RUNNING)).setParameter("owner", owner).executeUpdate());
    }

    public long unfinished(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNamedQuery(WorkItemEntity.UNFINISHED, Long.class)
                .setParameter("run", runId).getSingleResult());
    }

    /**
     * Stores an item's generations, judgments and comparison and marks it done, if this process still holds it,
     * together with the fresh answers it got for the cache, in one transaction; returns false (storing nothing of the
     * item, but its answers) when the item was taken over meanwhile. Repeatable: after a failed attempt (rolled back)
     * everything is stored anew, and after one whose commit went through unbeknown to us (the connection was lost on the
     * way back) the item is found done by this process and nothing is stored twice.
     */
    public boolean record(long itemId, String owner, ItemRecord r) {
        return record(itemId, owner, r, false);
    }

    /** As {@link #record(long, String, ItemRecord)}; an urgent item does not wait for others to be committed with. */
    public boolean record(long itemId, String owner, ItemRecord r, boolean urgent) {
        return recorder.submit(new Recording(itemId, owner, r), urgent);
    }

    /**
     * Whether {@link #record} waits for other items to commit with ({@code claimbench.runs.record-linger}), so that an
     * item may give up its slot once its calls are done.
     */
    public boolean lingers() {
        return !linger.isZero();
    }

    /** No more items will finish soon (none is left to claim): what waits to be recorded is committed now. */
    public void recordSoon() {
        recorder.hurry();
    }

    /** Records work items in one transaction: what {@link #recorder} commits together. */
    private List<Boolean> recordAll(List<Recording> batch) {
        List<String> keys = batch.stream().flatMap(b -> AnswerCache.keys(b.record().answers()).stream()).toList();
        return inserts.exclusive(keys, () -> QuarkusTransaction.requiringNew().call(() -> {
            em.flush();
            List<Boolean> out = new ArrayList<>(batch.size());
            for (Recording b : batch) {
                Recorded done = em.unwrap(Session.class).doReturningWork(c -> record(c, b.itemId(), b.owner(), b.record()));
                if (done == Recorded.NOW) {
                    totals.recorded(b.record().comparison()); // early stopping's running sums, in the same transaction
                }
                out.add(done != Recorded.TAKEN_OVER);
            }
            return out;
        }));
    }

    /** What recording an item did: stored it now, found it stored by this process already, or found it taken over. */
    private enum Recorded { NOW, ALREADY, TAKEN_OVER }

    private record Recording(long itemId, String owner, ItemRecord record) {
    }

    @PreDestroy
    void stop() {
        recorder.close();
    }

    /** The statements of {@link #record}, in plain JDBC batches: this is the one write of every work item. */
    private Recorded record(Connection c, long itemId, String owner, ItemRecord r) throws SQLException {
        int done;
        try (PreparedStatement ps = c.prepareStatement("update work_item set state = 'DONE', lease_until = null "
                + "where id = ? and owner = ? and state = 'RUNNING'")) {
            ps.setLong(1, itemId);
            ps.setString(2, owner);
            done = ps.executeUpdate();
        }
        cache.insert(c, r.answers());
        if (done == 0) {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from work_item where id = ? and owner = ? and state = 'DONE'")) {
                ps.setLong(1, itemId);
                ps.setString(2, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) == 1 ? Recorded.ALREADY : Recorded.TAKEN_OVER;
                }
            }
        }
        insert(c, GENERATIONS, r.generations());
        insert(c, JUDGMENTS, r.judgments());
        insert(c, COMPARISONS, List.of(r.comparison()));
        return Recorded.NOW;
    }

    private static <T> void insert(Connection c, EntityRows<T> rows, List<T> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(rows.sql())) {
            if (values.size() == 1) {
                rows.bind(ps, values.getFirst());
                ps.executeUpdate();
                return;
            }
            for (T v : values) {
                rows.bind(ps, v);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Everything one work item produced (its cost is already on the run, call by call), and the fresh answers it got,
     * to store in the cache.
     */
    public record ItemRecord(List<GenerationEntity> generations, List<JudgmentEntity> judgments,
                             ComparisonEntity comparison, List<AnswerCache.Entry> answers) {
        public ItemRecord {
            answers = List.copyOf(answers);
        }
    }
}
