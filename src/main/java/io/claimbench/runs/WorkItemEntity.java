package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One prompt sample of a run: generate both answers, score them, record the comparison. */
@Entity
@Table(name = "work_item")
public class WorkItemEntity extends PanacheEntityBase {
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
