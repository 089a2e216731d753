package io.claimbench.runs;

import io.claimbench.catalog.Hypothesis;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.ConfidenceSequence;
import io.claimbench.stats.Interval;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sequential testing for runs that ask for it: after each recorded item, the prompts whose samples are all
 * decided are the observations (each prompt's mean win share, so samples of a prompt count once) of an
 * anytime-valid 95% confidence sequence; once it clears the claim's threshold the verdict is settled.
 */
@ApplicationScoped
public class EarlyStop {

    static final double ALPHA = 0.05;

    private final EntityManager em;

    public EarlyStop(EntityManager em) {
        this.em = em;
    }

    /** The settled state, if the run's recorded comparisons settle its hypothesis now. */
    Optional<Settled> check(String runId, Hypothesis hypothesis, int samples, int plannedPrompts) {
        if (hypothesis == null) {
            return Optional.empty();
        }
        Observations o = observations(runId, samples);
        ConfidenceSequence cs = new ConfidenceSequence(ALPHA, Math.max(1, plannedPrompts));
        ClaimVerdict v = cs.verdict(hypothesis.comparator(), hypothesis.threshold(), o.prompts, o.sum);
        return v == ClaimVerdict.INCONCLUSIVE ? Optional.empty()
                : Optional.of(new Settled(v, o.prompts, cs.at(o.prompts, o.sum)));
    }

    private Observations observations(String runId, int samples) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Only the columns the observation needs: this runs after every recorded item.
            List<Object[]> rows = em.createQuery("select c.promptVersionId, c.outcome, c.winShare from ComparisonEntity c "
                    + "where c.runId = :run", Object[].class).setParameter("run", runId).getResultList();
            Map<Long, double[]> byPrompt = new HashMap<>(); // sum of decided shares, decided, recorded
            for (Object[] row : rows) {
                PairOutcome outcome = (PairOutcome) row[1];
                double[] acc = byPrompt.computeIfAbsent((Long) row[0], k -> new double[3]);
                acc[2]++;
                if (outcome.decided()) {
                    // The same observation as the report's: a mean panel's win share, not its rounded outcome.
                    acc[0] += ComparisonEntity.observedShare(outcome, (Double) row[2]);
                    acc[1]++;
                }
            }
            long prompts = 0;
            double sum = 0;
            for (double[] acc : byPrompt.values()) {
                if (acc[2] == samples && acc[1] > 0) {
                    prompts++;
                    sum += acc[0] / acc[1];
                }
            }
            return new Observations(prompts, sum);
        });
    }

    private record Observations(long prompts, double sum) {
    }

    /** A settled claim: the verdict, after how many prompts, and the sequence's interval then. */
    record Settled(ClaimVerdict verdict, long prompts, Interval interval) {
        String reason(int totalItems, long done) {
            return String.format(java.util.Locale.ROOT,
                    "settled early: %s after %d prompts (anytime-valid %.0f%% confidence sequence [%.3f, %.3f]); %d of %d items not run",
                    verdict, prompts, 100 * interval.level(), interval.lower(), interval.upper(), totalItems - done, totalItems);
        }
    }
}
