package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One prompt sample of a run: generate both answers, score them, record the comparison. */
@Entity
@Table(name = "work_item")
@NamedQuery(name = WorkItemEntity.CLAIM, query = "update WorkItemEntity w set w.state = 'RUNNING', w.owner = :owner, "
        + "w.leaseUntil = :until, w.attempts = w.attempts + 1 where w.id in :ids and w.state = 'PENDING'")
@NamedQuery(name = WorkItemEntity.UNFINISHED, query = "select count(w) from WorkItemEntity w where w.runId = :run and w.state <> 'DONE'")
@NamedQuery(name = WorkItemEntity.BY_STATE, query = "select w.state, count(w) from WorkItemEntity w where w.runId = :run group by w.state")
public class WorkItemEntity extends PanacheEntityBase {
    /** Named queries (compiled at start-up, see RunEntity): claiming items read as pending, and counting a run's. */
    static final String CLAIM = "WorkItem.claim";
    static final String UNFINISHED = "WorkItem.unfinished";
    static final String BY_STATE = "WorkItem.byState";

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "prompt_version_id")
    public long promptVersionId;
    @Column(name = "sample_index")
    public int sampleIndex;
    public String state;
    public String owner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public int attempts;
}
