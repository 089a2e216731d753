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
import jakarta.persistence.Table;

import java.time.Instant;

/** One person's verdict on a comparison, from the candidate's side. */
@Entity
@Table(name = "human_vote")
public class HumanVoteEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "comparison_id")
    public long comparisonId;
    public String voter;
    @Enumerated(EnumType.STRING)
    public PairOutcome outcome;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Where the voting page showed the candidate's answer (LEFT, RIGHT); null for imported labels. */
    @Column(name = "candidate_side")
    public String candidateSide;
    /** The choice as the voter made it on the page (LEFT, RIGHT, TIE, BOTH_BAD); null for imported labels. */
    public String choice;
    public String reason;
}
