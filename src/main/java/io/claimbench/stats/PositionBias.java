package io.claimbench.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a pairwise judge treats position, from pairs judged in both orders. Each game gives the strength (+2..-2)
 * for the answer shown first; a pair is consistent when the candidate's side of the verdict (better, tie, worse)
 * survives the swap. First-position wins are the share of decisive games won by whichever answer came first:
 * 0.5 for a judge with no position bias.
 */
public record PositionBias(long pairs, Double consistency, long decisiveGames, Double firstPositionWinRate,
                           Interval firstPositionInterval) {

    /** One pair: the judge's strength for position A in game 1 (candidate first) and game 2 (baseline first). */
    public record SwappedPair(int game1StrengthForA, int game2StrengthForA) {
    }

    public static PositionBias of(List<SwappedPair> pairs) {
        Map<SwappedPair, Long> counts = new HashMap<>();
        pairs.forEach(p -> counts.merge(p, 1L, Long::sum));
        return ofCounts(counts);
    }

    /** The same from how many times each pair of strengths occurred (at most 25 kinds): counts, so order-free. */
    public static PositionBias ofCounts(Map<SwappedPair, Long> pairs) {
        long consistent = 0;
        long decisive = 0;
        long firstWins = 0;
        long n = 0;
        for (Map.Entry<SwappedPair, Long> e : pairs.entrySet()) {
            SwappedPair p = e.getKey();
            long times = e.getValue();
            n += times;
            int candidateGame1 = Integer.signum(p.game1StrengthForA());
            int candidateGame2 = -Integer.signum(p.game2StrengthForA());
            consistent += candidateGame1 == candidateGame2 ? times : 0;
            for (int s : new int[]{p.game1StrengthForA(), p.game2StrengthForA()}) {
                if (s != 0) {
                    decisive += times;
                    firstWins += s > 0 ? times : 0;
                }
            }
        }
        Double rate = decisive == 0 ? null : (double) firstWins / decisive;
        return new PositionBias(n, n == 0 ? null : (double) consistent / n, decisive, rate,
                rate == null ? null : WinRate.wilson(rate, decisive, WinRate.Z95));
    }
}
