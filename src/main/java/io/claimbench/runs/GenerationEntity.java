package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One answer (or the failure to get one) of the candidate or the baseline. */
@Entity
@Table(name = "generation")
public class GenerationEntity extends PanacheEntityBase {
    public static final String CANDIDATE = "CANDIDATE";
    public static final String BASELINE = "BASELINE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "work_item_id")
    public long workItemId;
    public String role;
    @Column(name = "model_name")
    public String modelName;
    @Column(name = "cache_key")
    public String cacheKey;
    @Column(name = "from_cache")
    public boolean fromCache;
    public String text;
    @Column(name = "latency_ms")
    public Long latencyMs;
    @Column(name = "first_token_ms")
    public Long firstTokenMs;
    @Column(name = "tokens_in")
    public Integer tokensIn;
    @Column(name = "tokens_out")
    public Integer tokensOut;
    public Double cost;
    @Column(name = "error_kind")
    public String errorKind;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
}
