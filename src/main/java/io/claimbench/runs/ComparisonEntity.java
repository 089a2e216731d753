package io.claimbench.runs;

import io.claimbench.stats.PairOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** The scored outcome of one work item, from the candidate's side. */
@Entity
@Table(name = "comparison")
@NamedQuery(name = ComparisonEntity.BY_OUTCOME, query = "select c.outcome, count(c) from ComparisonEntity c where c.runId = :run "
        + "group by c.outcome")
@NamedQuery(name = ComparisonEntity.COMMONEST_REASON, query = "select c.reason, count(c) from ComparisonEntity c "
        + "where c.runId = :run and c.outcome = :kind group by c.reason order by count(c) desc, c.reason")
public class ComparisonEntity extends PanacheEntityBase {
    /** Named queries (compiled at start-up, see RunEntity): a run's comparisons by outcome, and its commonest reason. */
    static final String BY_OUTCOME = "Comparison.byOutcome";
    static final String COMMONEST_REASON = "Comparison.commonestReason";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "work_item_id")
    public long workItemId;
    @Column(name = "prompt_version_id")
    public long promptVersionId;
    @Column(name = "sample_index")
    public int sampleIndex;
    public String category;
    @Enumerated(EnumType.STRING)
    public PairOutcome outcome;
    /** Summed candidate strength over both games (-4..4), or the sign of the score difference (-1..1). */
    public int strength;
    public String reason;
    /** The candidate's share of the win when a judge gave a probability; null: the outcome says it. */
    @Column(name = "win_share")
    public Double winShare;
    /** What the harness noticed about the pair (e.g. "candidate: writes a verdict"), or null. */
    public String flags;
    /** Under adaptive swap: whether this pair was drawn for the audit (both orders whatever the first verdict). */
    @Column(name = "swap_audited")
    public Boolean swapAudited;
    @Column(name = "candidate_score")
    public Double candidateScore;
    @Column(name = "baseline_score")
    public Double baselineScore;
    @Column(name = "candidate_detail")
    public String candidateDetail;
    @Column(name = "baseline_detail")
    public String baselineDetail;
    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The pair's observation for every statistic (the report, epochs, early stopping): the recorded win share when
     * a judge gave a probability or a mean panel decided, else the outcome's 1, 1/2 or 0. Only for decided pairs.
     */
    public double observedShare() {
        return observedShare(outcome, winShare);
    }

    public static double observedShare(PairOutcome outcome, Double winShare) {
        return winShare != null ? winShare : outcome.winShare();
    }
}
