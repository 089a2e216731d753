package io.claimbench.stats;

import java.util.List;

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
        long consistent = 0;
        long decisive = 0;
        long firstWins = 0;
        for (SwappedPair p : pairs) {
            int candidateGame1 = Integer.signum(p.game1StrengthForA());
            int candidateGame2 = -Integer.signum(p.game2StrengthForA());
            consistent += candidateGame1 == candidateGame2 ? 1 : 0;
            for (int s : new int[]{p.game1StrengthForA(), p.game2StrengthForA()}) {
                if (s != 0) {
                    decisive++;
                    firstWins += s > 0 ? 1 : 0;
                }
            }
        }
        long n = pairs.size();
        Double rate = decisive == 0 ? null : (double) firstWins / decisive;
        return new PositionBias(n, n == 0 ? null : (double) consistent / n, decisive, rate,
                rate == null ? null : WinRate.wilson(rate, decisive, WinRate.Z95));
    }
}
