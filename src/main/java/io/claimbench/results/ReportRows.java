package io.claimbench.results;

import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.runs.JudgmentEntity;
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
 * entities: each row becomes a detached, slim copy holding only the columns the figures use (no answer text, no
 * judge rationale or raw reply; an answer's length is counted as its row streams by). Strings that repeat across
 * rows (judges, roles, categories, verdicts) are shared. The same queries, in the same order, as the entity lists
 * they replace, so every figure is computed from the same values in the same order.
 */
final class ReportRows {

    private static final int FETCH = 1000;

    /** The slim rows: comparisons in work-item order, answers, their lengths in code points (-1: none), games, votes. */
    record Rows(List<ComparisonEntity> comparisons, List<GenerationEntity> generations, int[] answerLengths,
                List<JudgmentEntity> judgments, List<HumanVoteEntity> votes) {
    }

    private final Map<String, String> shared = new HashMap<>();

    private ReportRows() {
    }

    static Rows read(EntityManager em, String runId) {
        ReportRows r = new ReportRows();
        List<ComparisonEntity> comparisons = new ArrayList<>();
        try (Stream<Object[]> rows = stream(em, "select c.id, c.workItemId, c.promptVersionId, c.sampleIndex, c.category, "
                + "c.outcome, c.strength, c.reason, c.winShare, c.flags, c.swapAudited, c.candidateScore, c.baselineScore, "
                + "c.candidateDetail, c.baselineDetail from ComparisonEntity c where c.runId = :run order by c.workItemId", runId)) {
            rows.forEach(row -> comparisons.add(r.comparison(row)));
        }
        List<GenerationEntity> generations = new ArrayList<>();
        int[][] lengths = {new int[1024]};
        int[] count = {0};
        try (Stream<Object[]> rows = stream(em, "select g.workItemId, g.role, g.fromCache, g.text, g.latencyMs, g.firstTokenMs, "
                + "g.tokensIn, g.tokensOut, g.cost, g.error from GenerationEntity g where g.runId = :run", runId)) {
            rows.forEach(row -> {
                GenerationEntity g = new GenerationEntity();
                g.workItemId = (Long) row[0];
                g.role = r.share((String) row[1]);
                g.fromCache = (Boolean) row[2];
                String text = (String) row[3];
                if (count[0] == lengths[0].length) {
                    lengths[0] = java.util.Arrays.copyOf(lengths[0], 2 * count[0]);
                }
                lengths[0][count[0]++] = text == null ? -1 : text.codePointCount(0, text.length());
                g.latencyMs = (Long) row[4];
                g.firstTokenMs = (Long) row[5];
                g.tokensIn = (Integer) row[6];
                g.tokensOut = (Integer) row[7];
                g.cost = (Double) row[8];
                g.error = (String) row[9];
                generations.add(g);
            });
        }
        List<JudgmentEntity> judgments = new ArrayList<>();
        try (Stream<Object[]> rows = stream(em, "select j.workItemId, j.game, j.judge, j.fromCache, j.outcome, j.preference, "
                + "j.reason, j.cost, j.structured from JudgmentEntity j where j.runId = :run", runId)) {
            rows.forEach(row -> {
                JudgmentEntity j = new JudgmentEntity();
                j.workItemId = (Long) row[0];
                j.game = (Integer) row[1];
                j.judge = r.share((String) row[2]);
                j.fromCache = (Boolean) row[3];
                j.outcome = (GameOutcome) row[4];
                j.preference = r.share((String) row[5]);
                j.reason = r.share((String) row[6]);
                j.cost = (Double) row[7];
                j.structured = (Boolean) row[8];
                judgments.add(j);
            });
        }
        List<HumanVoteEntity> votes = em.createQuery(
                "select v from HumanVoteEntity v, ComparisonEntity c where v.comparisonId = c.id and c.runId = :run",
                HumanVoteEntity.class).setParameter("run", runId).getResultList();
        return new Rows(comparisons, generations, java.util.Arrays.copyOf(lengths[0], count[0]), judgments, votes);
    }

    private ComparisonEntity comparison(Object[] row) {
        ComparisonEntity c = new ComparisonEntity();
        c.id = (Long) row[0];
        c.workItemId = (Long) row[1];
        c.promptVersionId = (Long) row[2];
        c.sampleIndex = (Integer) row[3];
        c.category = share((String) row[4]);
        c.outcome = (PairOutcome) row[5];
        c.strength = (Integer) row[6];
        c.reason = share((String) row[7]);
        c.winShare = (Double) row[8];
        c.flags = (String) row[9];
        c.swapAudited = (Boolean) row[10];
        c.candidateScore = (Double) row[11];
        c.baselineScore = (Double) row[12];
        c.candidateDetail = (String) row[13];
        c.baselineDetail = (String) row[14];
        return c;
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
