package io.claimbench.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "prompt_version")
public class PromptVersionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "eval_set_id")
    public String evalSetId;
    @Column(name = "prompt_id")
    public String promptId;
    @Column(name = "content_hash")
    public String contentHash;
    public String category;
    public String text;
    public String reference;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "current_version")
    public boolean currentVersion;
    @Column(name = "created_at")
    public Instant createdAt;
}
