package io.claimbench.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API key created over the API (or the admin key of a first start): its SHA-256, never the key. */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKeyEntity.LIVE, query = "from ApiKeyEntity where keyHash = ?1 and revokedAt is null")
public class ApiKeyEntity extends PanacheEntityBase {
    /** The key with this hash, unless revoked (named: Hibernate compiles it at start-up, see RunEntity). */
    static final String LIVE = "ApiKey.live";

    @Id
    public String id;
    public String name;
    @Column(name = "key_hash")
    public String keyHash;
    /** The key's first characters, to tell keys apart in a list. */
    @Column(name = "key_prefix")
    public String keyPrefix;
    /** Comma-separated role names. */
    public String roles;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
