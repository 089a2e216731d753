package io.claimbench.results;

import io.claimbench.runs.ScoreDetails;
import io.claimbench.runs.ScorerRegistry;
import io.claimbench.stats.Battle;
import io.claimbench.stats.BradleyTerry;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.List;

/** Ratings of every model over all recorded comparisons of an eval set (and category). */
@ApplicationScoped
public class LeaderboardService {

    private final EntityManager em;
    private final ScorerRegistry scorers;

    public LeaderboardService(EntityManager em, ScorerRegistry scorers) {
        this.scorers = scorers;
        this.em = em;
    }

    /** The battles behind a leaderboard: each decided comparison, clustered by prompt. */
    public List<Battle> battles(String evalSet, String category) {
        return battles("select c.promptVersionId, c.outcome, r.candidate, r.baseline from ComparisonEntity c, RunEntity r "
                + "where c.runId = r.id and r.evalSetId = :set and c.outcome in :decided"
                + (category == null ? "" : " and c.category = :category") + " order by c.id", evalSet, category);
    }

    /**
     * Rows of (prompt, outcome, candidate, baseline) as battles, streamed: only the battles are held, each with its
     * names shared with the others' (a board has few models), and a model against itself is left out (it says
     * nothing about its rating).
     */
    private List<Battle> battles(String query, String evalSet, String category) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createQuery(query, Object[].class).setParameter("set", evalSet)
                    .setParameter("decided", List.of(PairOutcome.WIN, PairOutcome.TIE, PairOutcome.LOSS))
                    .setHint(HibernateHints.HINT_FETCH_SIZE, 1000).setHint(HibernateHints.HINT_READ_ONLY, true);
            if (category != null) {
                q.setParameter("category", category);
            }
            java.util.Map<Object, String> names = new java.util.HashMap<>();
            List<Battle> battles = new ArrayList<>();
            try (var rows = q.getResultStream()) {
                rows.forEach(row -> {
                    String candidate = names.computeIfAbsent(row[2], String::valueOf);
                    String baseline = names.computeIfAbsent(row[3], String::valueOf);
                    if (!candidate.equals(baseline)) {
                        battles.add(new Battle("prompt-" + row[0], candidate, baseline, ((PairOutcome) row[1]).winShare()));
                    }
                });
            }
            return battles;
        });
    }

    /**
     * One model's score under a reference scorer over every answer it gave in the eval set's runs (each answer once,
     * even when the model played several runs), with n, the 95% interval and, for scorers made of named checks, how
     * many answers failed each check.
     */
    public record ModelScore(String model, String scorer, long n, long unscored, Double mean,
                             io.claimbench.stats.Interval interval, java.util.Map<String, Long> failedChecks) {
    }

    public List<ModelScore> scores(String evalSet, String category) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String q = "select r.scorer, r.candidate, r.baseline, c.promptVersionId, c.sampleIndex, c.candidateDetail, "
                    + "c.baselineDetail from ComparisonEntity c, RunEntity r where c.runId = r.id and r.evalSetId = :set"
                    + (category == null ? "" : " and c.category = :category") + " order by c.id";
            var query = em.createQuery(q, Object[].class).setParameter("set", evalSet);
            if (category != null) {
                query.setParameter("category", category);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Map<String, List<io.claimbench.judging.AnswerScore>> byModel = new java.util.TreeMap<>();
            for (Object[] row : query.getResultList()) {
                String scorer = (String) row[0];
                if (scorers.answerScorer(scorer).isEmpty()) {
                    continue;
                }
                for (int side = 0; side < 2; side++) {
                    String model = (String) row[1 + side];
                    var score = ScoreDetails.read((String) row[5 + side]);
                    if (score != null && seen.add(scorer + "|" + model + "|" + row[3] + "|" + row[4])) {
                        byModel.computeIfAbsent(scorer + "|" + model, k -> new ArrayList<>()).add(score);
                    }
                }
            }
            List<ModelScore> out = new ArrayList<>();
            byModel.forEach((key, scores) -> {
                String scorer = key.substring(0, key.indexOf('|'));
                var ref = scorers.answerScorer(scorer).orElseThrow();
                var summary = io.claimbench.judging.AnswerScorer.meanScore(scores)
                        .orElse(new io.claimbench.stats.Summary(0, null, null));
                out.add(new ModelScore(key.substring(key.indexOf('|') + 1), scorer, summary.n(), scores.size() - summary.n(),
                        summary.mean(), summary.interval(), ref.failedCheckCounts(scores)));
            });
            out.sort(java.util.Comparator.comparing((ModelScore m) -> m.mean() == null ? Double.NEGATIVE_INFINITY : m.mean())
                    .reversed().thenComparing(ModelScore::model));
            return out;
        });
    }

    public BradleyTerry.Ratings ratings(String evalSet, String category, String anchor, int resamples, long seed) {
        return ratings(Rater.JUDGES, evalSet, category, anchor, resamples, seed);
    }

    /** The ratings by the judges' verdicts or, with {@link Rater#HUMANS}, by the human votes alone. */
    public BradleyTerry.Ratings ratings(Rater rater, String evalSet, String category, String anchor, int resamples, long seed) {
        List<Battle> battles = rater == Rater.HUMANS ? humanBattles(evalSet, category) : battles(evalSet, category);
        return BradleyTerry.fit(battles, anchor, resamples, seed);
    }

    /**
     * Humans as a rater of their own: each human vote (blind votes and imported human labels) on a comparison of the
     * eval set is one battle between the run's candidate and baseline, clustered by prompt like the judges' battles.
     */
    public List<Battle> humanBattles(String evalSet, String category) {
        return battles("select c.promptVersionId, v.outcome, r.candidate, r.baseline from HumanVoteEntity v, "
                + "ComparisonEntity c, RunEntity r where v.comparisonId = c.id and c.runId = r.id and r.evalSetId = :set "
                + "and v.outcome in :decided" + (category == null ? "" : " and c.category = :category") + " order by v.id",
                evalSet, category);
    }
}
