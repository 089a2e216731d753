package io.claimbench.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "eval_set")
public class EvalSetEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String title;
    public String file;
    public String scorer;
    @Column(name = "content_hash")
    public String contentHash;
    /** The eval set without its prompts, as JSON. */
    public String definition;
    @Column(name = "indexed_at")
    public Instant indexedAt;
}
