package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One game of a pair: game 1 shows the candidate as A, game 2 as B. */
@Entity
@Table(name = "judgment")
public class JudgmentEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "work_item_id")
    public long workItemId;
    public int game;
    public String judge;
    @Column(name = "cache_key")
    public String cacheKey;
    @Column(name = "from_cache")
    public boolean fromCache;
    /** SCORED, UNSCORED or ERROR. */
    @Enumerated(EnumType.STRING)
    public GameOutcome outcome;
    /** The judge's verdict in its own labels (A>>B ... B>>A). */
    public String preference;
    public String reason;
    public String rationale;
    public String raw;
    /** The verdict was read from an answer given under the judge's JSON schema (null: not a pairwise verdict). */
    public Boolean structured;
    @Column(name = "latency_ms")
    public Long latencyMs;
    @Column(name = "tokens_in")
    public Integer tokensIn;
    @Column(name = "tokens_out")
    public Integer tokensOut;
    public Double cost;
    @Column(name = "created_at")
    public Instant createdAt;
}
