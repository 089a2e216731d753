package io.claimbench.runs;

import io.claimbench.catalog.Hypothesis;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.ConfidenceSequence;
import io.claimbench.stats.Interval;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Sequential testing for runs that ask for it: after each recorded item, the prompts whose samples are all
 * decided are the observations (each prompt's mean win share, so samples of a prompt count once) of an
 * anytime-valid 95% confidence sequence; once it clears the claim's threshold the verdict is settled. The
 * observations' count and sum are kept as the items are recorded ({@link RunTotals}): a check reads one row.
 */
@ApplicationScoped
public class EarlyStop {

    static final double ALPHA = 0.05;

    private final RunTotals totals;

    public EarlyStop(RunTotals totals) {
        this.totals = totals;
    }

    /** The settled state, if the run's recorded comparisons settle its hypothesis now. */
    Optional<Settled> check(String runId, Hypothesis hypothesis, int samples, int plannedPrompts) {
        if (hypothesis == null) {
            return Optional.empty();
        }
        RunTotals.Sums o = totals.settled(runId);
        ConfidenceSequence cs = new ConfidenceSequence(ALPHA, Math.max(1, plannedPrompts));
        ClaimVerdict v = cs.verdict(hypothesis.comparator(), hypothesis.threshold(), o.prompts(), o.sum());
        return v == ClaimVerdict.INCONCLUSIVE ? Optional.empty()
                : Optional.of(new Settled(v, o.prompts(), cs.at(o.prompts(), o.sum())));
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
