package io.claimbench.runs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An Idempotency-Key a caller started a run with, and the hash of the request it came with (see V13). */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKeyEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String caller;
    @Column(name = "key_value")
    public String keyValue;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "created_at")
    public Instant createdAt;
}
