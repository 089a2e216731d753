package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WinRateTest {

    @Test
    void should_count_ties_as_half_and_leave_unscored_and_errors_out_of_n() {
        WinRate wr = WinRate.of(new PairCounts(6, 2, 2, 5, 3));
        assertThat(wr.n()).isEqualTo(10);
        assertThat(wr.value()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void should_match_a_hand_computed_wilson_interval() {
        // p = 0.5, n = 100, z = 1.96: centre 0.5, half = 1.96 * sqrt(0.0025 + 0.000096) / 1.038416 = 0.0961...
        Interval i = WinRate.of(new PairCounts(50, 0, 50, 0, 0)).interval();
        assertThat(i.lower()).isCloseTo(0.40383, within(1e-4));
        assertThat(i.upper()).isCloseTo(0.59617, within(1e-4));
        // p = 0.9, n = 10 -> [0.5958, 0.9821] (Wilson, z = 1.96)
        Interval j = WinRate.of(new PairCounts(9, 0, 1, 0, 0)).interval();
        assertThat(j.lower()).isCloseTo(0.5958, within(1e-4));
        assertThat(j.upper()).isCloseTo(0.9821, within(1e-4));
    }

    @Test
    void should_have_no_rate_and_no_interval_for_no_decided_comparison() {
        WinRate wr = WinRate.of(new PairCounts(0, 0, 0, 4, 1));
        assertThat(wr.value()).isNull();
        assertThat(wr.interval()).isNull();
        assertThat(ClaimVerdict.of(Comparator.AT_LEAST, 0.5, wr.interval())).isEqualTo(ClaimVerdict.INCONCLUSIVE);
    }

    @Test
    void should_give_verdicts_by_where_the_interval_lies() {
        Interval above = new Interval(0.58, 0.7, 0.95, "t");
        Interval below = new Interval(0.3, 0.56, 0.95, "t");
        Interval across = new Interval(0.5, 0.65, 0.95, "t");
        assertThat(ClaimVerdict.of(Comparator.AT_LEAST, 0.57, above)).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(ClaimVerdict.of(Comparator.AT_LEAST, 0.57, below)).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(ClaimVerdict.of(Comparator.AT_LEAST, 0.57, across)).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(ClaimVerdict.of(Comparator.GREATER, 0.5, new Interval(0.4, 0.5, 0.95, "t"))).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(ClaimVerdict.of(Comparator.LESS, 0.57, below)).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(ClaimVerdict.of(Comparator.AT_MOST, 0.57, above)).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void should_summarise_a_sample_with_a_normal_interval() {
        Summary s = Summary.of(new double[]{1, 2, 3, 4});
        assertThat(s.mean()).isEqualTo(2.5);
        // sd = 1.2910, se = 0.6455, half = 1.2652
        assertThat(s.interval().lower()).isCloseTo(2.5 - 1.959964 * Math.sqrt(5.0 / 3) / 2, within(1e-6));
        assertThat(Summary.of(new double[0]).mean()).isNull();
    }
}
