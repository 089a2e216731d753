package io.claimbench.judging;

import io.claimbench.catalog.PromptItem;
import io.claimbench.stats.PairOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stronger judging: a panel of judges whose per-pair verdicts combine by majority or by mean, and adaptive swap,
 * which judges the second order only when the first verdict is not decisive or when the pair is drawn for the
 * audit (a seeded random share of pairs always judged in both orders, so that position bias stays measured on an
 * unselected sample).
 */
public final class JudgePanel {

    public static final double DEFAULT_AUDIT = 0.2;
    public static final int MAX_JUDGES = 5;

    private JudgePanel() {
    }

    /**
     * Under adaptive swap, whether the second order must be judged: for audited pairs always, otherwise unless the
     * first verdict is decisive (A>>B or B>>A). An unreadable or failed first verdict gets its second chance too.
     */
    public static boolean needsSwap(Verdict first, boolean audited) {
        return audited || !(first instanceof Verdict.Scored s && Math.abs(s.preference().strength()) == 2);
    }

    /**
     * A pair judged in one order only (a decisive first verdict under adaptive swap). The strength is doubled to
     * the two-game scale (-4..4) of {@link SwapCombiner}: the verdict counts as if the swap had confirmed it, which
     * is what a decisive verdict does in all but the position-biased share the audit measures.
     */
    public static SwapCombiner.Combined single(Verdict game1CandidateA) {
        return switch (game1CandidateA) {
            case Verdict.Errored e -> new SwapCombiner.Combined(PairOutcome.ERROR, 0, "game 1: " + e.reason());
            case Verdict.Unscored u -> new SwapCombiner.Combined(PairOutcome.UNSCORED, 0, "game 1: " + u.reason());
            case Verdict.Scored s -> {
                int strength = 2 * SwapCombiner.candidateStrength(s.preference(), true);
                yield new SwapCombiner.Combined(strength > 0 ? PairOutcome.WIN : strength < 0 ? PairOutcome.LOSS
                        : PairOutcome.TIE, strength, null);
            }
        };
    }

    /**
     * Whether a pair is drawn for the swap audit: a draw seeded by the run's seed and the pair's identity (prompt
     * content and sample), so that a resumed or repeated run audits the same pairs.
     */
    public static boolean audited(long seed, String pairKey, double share) {
        if (share <= 0) {
            return false;
        }
        if (share >= 1) {
            return true;
        }
        long key = Long.parseUnsignedLong(PromptItem.sha256(pairKey).substring(0, 15), 16);
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ key).nextDouble() < share;
    }

    /** One judge's combined verdict on a pair. */
    public record Vote(String judge, SwapCombiner.Combined combined) {
    }

    /**
     * Combines the judges that decided. Majority: the outcome more than half of them give, else a tie (the
     * panel is split), with the mean strength of the judges in that majority. Mean: the mean of their win shares
     * (win 1, tie 1/2, loss 0), which decides the outcome and is the pair's observation. With no judge deciding,
     * the pair is an error when every judge failed, otherwise unscored. The win share is set when the mean decides.
     */
    public static PairDecision aggregate(JudgeAggregate mode, List<Vote> votes) {
        List<Vote> decided = votes.stream().filter(v -> v.combined().outcome().decided()).toList();
        List<String> notes = new ArrayList<>();
        votes.stream().filter(v -> !v.combined().outcome().decided())
                .forEach(v -> notes.add(v.judge() + ": " + v.combined().reason()));
        String reason = notes.isEmpty() ? null : String.join("; ", notes);
        if (decided.isEmpty()) {
            boolean allErrors = votes.stream().allMatch(v -> v.combined().outcome() == PairOutcome.ERROR);
            return new PairDecision(allErrors ? PairOutcome.ERROR : PairOutcome.UNSCORED, 0, null, reason);
        }
        if (mode == JudgeAggregate.MEAN) {
            double share = decided.stream().mapToDouble(v -> v.combined().outcome().winShare()).average().orElseThrow();
            double strength = decided.stream().mapToInt(v -> v.combined().strength()).average().orElseThrow();
            PairOutcome outcome = share > 0.5 ? PairOutcome.WIN : share < 0.5 ? PairOutcome.LOSS : PairOutcome.TIE;
            return new PairDecision(outcome, (int) Math.round(strength), share, reason);
        }
        for (PairOutcome o : List.of(PairOutcome.WIN, PairOutcome.TIE, PairOutcome.LOSS)) {
            List<Vote> with = decided.stream().filter(v -> v.combined().outcome() == o).toList();
            if (with.size() * 2 > decided.size()) {
                double strength = with.stream().mapToInt(v -> v.combined().strength()).average().orElseThrow();
                return new PairDecision(o, (int) Math.round(strength), null, reason);
            }
        }
        String split = "judges split";
        return new PairDecision(PairOutcome.TIE, 0, null, reason == null ? split : split + "; " + reason);
    }

}
