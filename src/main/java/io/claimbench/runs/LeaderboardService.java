package io.claimbench.runs;

import io.claimbench.stats.Battle;
import io.claimbench.stats.BradleyTerry;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/** Ratings of every model over all recorded comparisons of an eval set (and category). */
@ApplicationScoped
public class LeaderboardService {

    private final EntityManager em;

    public LeaderboardService(EntityManager em) {
        this.em = em;
    }

    /** The battles behind a leaderboard: each decided comparison, clustered by prompt. */
    public List<Battle> battles(String evalSet, String category) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String q = "select c.promptVersionId, c.outcome, r.candidate, r.baseline from ComparisonEntity c, RunEntity r "
                    + "where c.runId = r.id and r.evalSetId = :set and c.outcome in :decided"
                    + (category == null ? "" : " and c.category = :category") + " order by c.id";
            var query = em.createQuery(q, Object[].class).setParameter("set", evalSet)
                    .setParameter("decided", List.of(PairOutcome.WIN, PairOutcome.TIE, PairOutcome.LOSS));
            if (category != null) {
                query.setParameter("category", category);
            }
            List<Battle> battles = new ArrayList<>();
            for (Object[] row : query.getResultList()) {
                String candidate = (String) row[2];
                String baseline = (String) row[3];
                if (candidate.equals(baseline)) {
                    continue; // a model against itself says nothing about its rating
                }
                double outcome = ResultsService.winShare((PairOutcome) row[1]);
                battles.add(new Battle("prompt-" + row[0], candidate, baseline, outcome));
            }
            return battles;
        });
    }

    public BradleyTerry.Ratings ratings(String evalSet, String category, String anchor, int resamples, long seed) {
        return BradleyTerry.fit(battles(evalSet, category), anchor, resamples, seed);
    }
}
