package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A successful answer stored under the hash of everything that determines it. */
@Entity
@Table(name = "cache_entry")
public class CacheEntry extends PanacheEntityBase {
    @Id
    @Column(name = "cache_key")
    public String cacheKey;
    public String kind;
    public String text;
    @Column(name = "latency_ms")
    public Long latencyMs;
    @Column(name = "first_token_ms")
    public Long firstTokenMs;
    @Column(name = "tokens_in")
    public Integer tokensIn;
    @Column(name = "tokens_out")
    public Integer tokensOut;
    /** Answered under a JSON schema; null in entries older than the column: no. */
    public Boolean structured;
    @Column(name = "created_at")
    public Instant createdAt;
}
