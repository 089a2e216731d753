package io.claimbench.api;

import io.claimbench.stats.PositionBias;

/**
 * How a judge treats position, as the API shows it, mapped from {@link PositionBias}: the share of pairs whose
 * verdict survives the swap, and the first position's win rate over decisive games (0.5 without bias).
 */
public record PositionBiasView(long pairs, Double consistency, long decisiveGames, Double firstPositionWinRate,
                               IntervalView firstPositionInterval) {

    public static PositionBiasView of(PositionBias b) {
        return b == null ? null : new PositionBiasView(b.pairs(), b.consistency(), b.decisiveGames(),
                b.firstPositionWinRate(), IntervalView.of(b.firstPositionInterval()));
    }
}
