package io.claimbench.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "prompt_version")
@NamedQuery(name = PromptVersionEntity.CURRENT_IDS, query = "select p.promptId, p.id from PromptVersionEntity p "
        + "where p.evalSetId = :set and p.currentVersion = true")
@NamedQuery(name = PromptVersionEntity.BY_IDS, query = "from PromptVersionEntity where id in ?1")
public class PromptVersionEntity extends PanacheEntityBase {
    /** An eval set's current prompt versions, as (prompt id, version id) (named queries: see RunEntity). */
    public static final String CURRENT_IDS = "PromptVersion.currentIds";
    /** The versions with these ids. */
    public static final String BY_IDS = "PromptVersion.byIds";

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
