package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "eval_run")
public class RunEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "eval_set_id")
    public String evalSetId;
    @Column(name = "eval_set_hash")
    public String evalSetHash;
    public String candidate;
    public String baseline;
    public String scorer;
    public String judge;
    @Column(name = "judge_template")
    public String judgeTemplate;
    @Column(name = "judge_template_hash")
    public String judgeTemplateHash;
    public int samples;
    public long seed;
    public Double temperature;
    public int concurrency;
    @Column(name = "cost_cap")
    public Double costCap;
    @Column(name = "use_cache")
    public boolean useCache;
    @Column(name = "early_stop")
    public boolean earlyStop;
    /** The judge panel as a JSON array of model names (null: the single {@link #judge}). */
    public String judges;
    /** How the panel's verdicts combine: majority or mean (null: one judge). */
    @Column(name = "judge_aggregate")
    public String judgeAggregate;
    /** always (both orders for every pair) or adaptive; null for runs without a pairwise judge. */
    @Column(name = "swap_mode")
    public String swapMode;
    /** Under adaptive swap, the share of pairs judged in both orders regardless, to keep measuring position bias. */
    @Column(name = "swap_audit")
    public Double swapAudit;
    @Enumerated(EnumType.STRING)
    public RunState state;
    public String reason;
    public String spec;
    @Column(name = "git_revision")
    public String gitRevision;
    @Column(name = "total_items")
    public int totalItems;
    public double cost;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
