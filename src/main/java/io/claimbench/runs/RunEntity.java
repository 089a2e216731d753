package io.claimbench.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.Hypothesis;
import io.claimbench.catalog.ScorerName;
import io.claimbench.stats.Comparator;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.SwapMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "eval_run")
@NamedQuery(name = RunEntity.MARK_RUNNING, query = "update RunEntity set state = ?1, startedAt = coalesce(startedAt, ?2) "
        + "where id = ?3 and state in ?4")
@NamedQuery(name = RunEntity.FINISH, query = "update RunEntity set state = ?1, reason = ?2, finishedAt = ?3 where id = ?4 and state in ?5")
@NamedQuery(name = RunEntity.FLAG_ERRORS, query = "update RunEntity set errorBudgetExceeded = ?1 where id = ?2")
public class RunEntity extends PanacheEntityBase {
    /*
     * The queries every run makes on its way from the POST to its first call and from its last item to its end are
     * named: Hibernate compiles named queries when it starts, where a query string is parsed on its first use, which
     * on a cold JVM cost each of them tens of milliseconds of a run's start (docs/performance.md).
     */
    static final String MARK_RUNNING = "Run.markRunning";
    static final String FINISH = "Run.finish";
    static final String FLAG_ERRORS = "Run.flagErrors";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public String id;
    @Column(name = "eval_set_id")
    public String evalSetId;
    @Column(name = "eval_set_hash")
    public String evalSetHash;
    public String candidate;
    public String baseline;
    /** A {@link ScorerName} label, or {@code imported:<format>} for verdicts imported from another benchmark. */
    public String scorer;
    public String judge;
    @Column(name = "judge_template")
    public String judgeTemplate;
    @Column(name = "judge_template_hash")
    public String judgeTemplateHash;
    public int samples;
    public long seed;
    public Double temperature;
    public int concurrency;
    @Column(name = "cost_cap")
    public Double costCap;
    @Column(name = "use_cache")
    public boolean useCache;
    @Column(name = "early_stop")
    public boolean earlyStop;
    /** The judge panel as a JSON array of model names (null: the single {@link #judge}). */
    public String judges;
    /** How the panel's verdicts combine: majority or mean (null: one judge). */
    @Column(name = "judge_aggregate")
    @Convert(converter = LabelConverters.Aggregate.class)
    public JudgeAggregate judgeAggregate;
    /** always (both orders for every pair) or adaptive; null for runs without a pairwise judge. */
    @Column(name = "swap_mode")
    @Convert(converter = LabelConverters.Swap.class)
    public SwapMode swapMode;
    /** Under adaptive swap, the share of pairs judged in both orders regardless, to keep measuring position bias. */
    @Column(name = "swap_audit")
    public Double swapAudit;
    @Enumerated(EnumType.STRING)
    public RunState state;
    public String reason;
    public String spec;
    /** Who started the run: {@code key:<name>}, an OIDC principal, {@code cli:<user>}; null for older runs. */
    @Column(name = "started_by")
    public String startedBy;
    @Column(name = "git_revision")
    public String gitRevision;
    @Column(name = "total_items")
    public int totalItems;
    public double cost;
    /** The run's own comparator for the win-rate claim (a symbol such as ">="); null: the eval set's. */
    @Column(name = "hypothesis_comparator")
    public String hypothesisComparator;
    /** The run's own threshold for the win-rate claim; null: the eval set's. */
    @Column(name = "hypothesis_threshold")
    public Double hypothesisThreshold;
    /** Regression mode's margin (the candidate against the baseline in production); null: the eval set's claims. */
    @Column(name = "regression_margin")
    public Double regressionMargin;
    /** Set when the run ends: more of its items failed than {@code claimbench.runs.max-error-share} allows. */
    @Column(name = "error_budget_exceeded")
    public Boolean errorBudgetExceeded;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The claim the run tests: the eval set's hypothesis with the run's own comparator and threshold, if it gave them. */
    public Hypothesis hypothesis(Hypothesis ofEvalSet) {
        if (ofEvalSet == null || (hypothesisComparator == null && hypothesisThreshold == null)) {
            return ofEvalSet;
        }
        return new Hypothesis(ofEvalSet.metric(),
                hypothesisComparator == null ? ofEvalSet.comparator() : Comparator.fromSymbol(hypothesisComparator).orElseThrow(),
                hypothesisThreshold == null ? ofEvalSet.threshold() : hypothesisThreshold);
    }

    /**
     * The claim the run's early stopping watches: in regression mode "win rate >= 0.5 - margin" (no regression),
     * else the one the run tests ({@link #hypothesis}).
     */
    public Hypothesis stoppingClaim(Hypothesis ofEvalSet) {
        return regressionMargin == null ? hypothesis(ofEvalSet)
                : new Hypothesis(Hypothesis.WIN_RATE, Comparator.AT_LEAST, 0.5 - regressionMargin);
    }

    /** The scorer the run executes with; empty for imported runs. */
    public Optional<ScorerName> scorerName() {
        return ScorerName.find(scorer);
    }

    /** Whether too many of the run's items failed for it to support a claim (false for runs recorded before). */
    public boolean overErrorBudget() {
        return Boolean.TRUE.equals(errorBudgetExceeded);
    }

    /** Whether the run holds verdicts imported from another benchmark rather than judged here. */
    public boolean imported() {
        return scorer != null && scorer.startsWith("imported:");
    }

    /** The run's judges in panel order: the recorded panel, or the single judge. */
    public List<String> judgeNames() {
        if (judges != null) {
            try {
                return List.of(JSON.readValue(judges, String[].class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("run " + id + " has an unreadable judge panel", e);
            }
        }
        return judge == null ? List.of() : List.of(judge);
    }

    /** Records a panel of judges (two or more) by name; one judge is recorded in {@link #judge} alone. */
    void recordPanel(List<String> names) {
        try {
            judges = names.size() > 1 ? JSON.writeValueAsString(names) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
