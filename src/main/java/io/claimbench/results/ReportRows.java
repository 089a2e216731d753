package io.claimbench.results;

import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.stats.PairOutcome;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a run's report is computed from, read as column projections streamed from the database, never as managed
 * entities: each row becomes a small record of only the columns the figures use (no answer text, no judge rationale
 * or raw reply; an answer's length is counted as its row streams by). Strings that repeat across
 * rows (judges, roles, categories, verdicts) are shared. The same queries, in the same order, as the entity lists
 * they replace, so every figure is computed from the same values in the same order.
 */
final class ReportRows {

    private static final int FETCH = 1000;

    /** The rows: comparisons in work-item order, answers, games, votes. */
    record Rows(List<ComparisonRow> comparisons, List<AnswerRow> answers, List<GameRow> games, List<HumanVoteEntity> votes) {
    }

    private final Map<String, String> shared = new HashMap<>();
    private final Map<Long, String> clusters = new HashMap<>();

    private ReportRows() {
    }

    static Rows read(EntityManager em, String runId) {
        ReportRows r = new ReportRows();
        List<ComparisonRow> comparisons = new ArrayList<>();
        try (Stream<Object[]> rows = stream(em, "select c.id, c.workItemId, c.promptVersionId, c.sampleIndex, c.category, "
                + "c.outcome, c.strength, c.reason, c.winShare, c.flags, c.swapAudited, c.candidateScore, c.baselineScore, "
                + "c.candidateDetail, c.baselineDetail from ComparisonEntity c where c.runId = :run order by c.workItemId", runId)) {
            rows.forEach(row -> comparisons.add(new ComparisonRow((Long) row[0], (Long) row[1], (Long) row[2], (Integer) row[3],
                    r.share((String) row[4]), (PairOutcome) row[5], (Integer) row[6], r.share((String) row[7]), (Double) row[8],
                    (String) row[9], (Boolean) row[10], (Double) row[11], (Double) row[12], (String) row[13], (String) row[14],
                    r.clusters.computeIfAbsent((Long) row[2], id -> Long.toString(id)))));
        }
        List<AnswerRow> answers = new ArrayList<>();
        try (Stream<Object[]> rows = stream(em, "select g.workItemId, g.role, g.fromCache, g.text, g.latencyMs, g.firstTokenMs, "
                + "g.tokensIn, g.tokensOut, g.cost, g.error from GenerationEntity g where g.runId = :run", runId)) {
            rows.forEach(row -> {
                String text = (String) row[3];
                answers.add(new AnswerRow((Long) row[0], r.share((String) row[1]), (Boolean) row[2],
                        text == null ? -1 : text.codePointCount(0, text.length()), (Long) row[4], (Long) row[5],
                        (Integer) row[6], (Integer) row[7], (Double) row[8], (String) row[9]));
            });
        }
        List<GameRow> games = new ArrayList<>();
        try (Stream<Object[]> rows = stream(em, "select j.workItemId, j.game, j.judge, j.fromCache, j.outcome, j.preference, "
                + "j.reason, j.cost, j.structured from JudgmentEntity j where j.runId = :run", runId)) {
            rows.forEach(row -> games.add(new GameRow((Long) row[0], (Integer) row[1], r.share((String) row[2]), (Boolean) row[3],
                    (GameOutcome) row[4], r.share((String) row[5]), r.share((String) row[6]), (Double) row[7], (Boolean) row[8])));
        }
        List<HumanVoteEntity> votes = em.createQuery(
                "select v from HumanVoteEntity v, ComparisonEntity c where v.comparisonId = c.id and c.runId = :run",
                HumanVoteEntity.class).setParameter("run", runId).getResultList();
        return new Rows(comparisons, answers, games, votes);
    }

    /** One copy of each repeated value; a run has few distinct judges, roles, categories, verdicts and reasons. */
    private String share(String s) {
        return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }

    private static Stream<Object[]> stream(EntityManager em, String query, String runId) {
        return em.createQuery(query, Object[].class).setParameter("run", runId)
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
    }
}
