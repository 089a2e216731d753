package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedRatioTest {

    @Test
    void should_give_means_difference_and_ratio_of_means_computed_by_hand() {
        var r = PairedRatio.of(List.of(new PairedRatio.Pair("a", 2, 4), new PairedRatio.Pair("b", 1, 4),
                new PairedRatio.Pair("b", 3, 2)), 2000, 1);
        // candidate 6/3 = 2, baseline 10/3; difference -4/3; ratio 6/10
        assertThat(r.n()).isEqualTo(3);
        assertThat(r.candidateMean()).isCloseTo(2.0, within(1e-12));
        assertThat(r.baselineMean()).isCloseTo(10 / 3.0, within(1e-12));
        assertThat(r.difference()).isCloseTo(-4 / 3.0, within(1e-12));
        assertThat(r.ratio()).isCloseTo(0.6, within(1e-12));
        // two clusters: a (2/4 = .5) and b (4/6 = .667); resamples pick aa, ab, bb: the ratio stays in [.5, .667]
        assertThat(r.ratioInterval().lower()).isCloseTo(0.5, within(1e-12));
        assertThat(r.ratioInterval().upper()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(PairedRatio.of(List.of(new PairedRatio.Pair("a", 2, 4), new PairedRatio.Pair("b", 1, 4)), 500, 9))
                .isEqualTo(PairedRatio.of(List.of(new PairedRatio.Pair("a", 2, 4), new PairedRatio.Pair("b", 1, 4)), 500, 9));
        assertThat(PairedRatio.of(List.of(), 100, 1)).isEqualTo(PairedRatio.Result.EMPTY);
    }

    @Test
    void should_divide_cost_by_win_share_with_ties_as_half_a_win_to_each() {
        var c = PairedRatio.costPerWin(List.of(new PairedRatio.CostShare("a", 1, 2, 1), new PairedRatio.CostShare("b", 1, 2, 0),
                new PairedRatio.CostShare("c", 1, 2, 0.5)), 1000, 3);
        // candidate pays 3 for 1.5 wins, baseline 6 for 1.5 wins
        assertThat(c.candidateCostPerWin()).isCloseTo(2.0, within(1e-12));
        assertThat(c.baselineCostPerWin()).isCloseTo(4.0, within(1e-12));
        assertThat(c.ratio()).isCloseTo(0.5, within(1e-12));
        // some resamples leave one side without a win: the ratio is unbounded there, so no interval
        assertThat(c.ratioInterval()).isNull();
        var never = PairedRatio.costPerWin(List.of(new PairedRatio.CostShare("a", 1, 2, 0)), 100, 3);
        assertThat(never.candidateCostPerWin()).isNull();
        assertThat(never.ratio()).isNull();
        var ties = PairedRatio.costPerWin(List.of(new PairedRatio.CostShare("a", 1, 4, 0.5), new PairedRatio.CostShare("b", 1, 4, 0.5)), 100, 3);
        assertThat(ties.ratioInterval().lower()).isCloseTo(0.25, within(1e-12));
        assertThat(ties.ratioInterval().upper()).isCloseTo(0.25, within(1e-12));
    }
}
