package io.claimbench.judging;

import io.claimbench.stats.PairOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SwapCombinerTest {

    private static Verdict scored(String label) {
        return new Verdict.Scored(Preference.parse(label).orElseThrow(), "r");
    }

    @Test
    void should_count_a_win_when_the_candidate_wins_in_both_positions() {
        SwapCombiner.Combined c = SwapCombiner.combine(scored("A>B"), scored("B>>A"));
        assertThat(c.outcome()).isEqualTo(PairOutcome.WIN);
        assertThat(c.strength()).isEqualTo(3);
    }

    @Test
    void should_call_a_tie_when_the_judge_prefers_the_first_position_both_times() {
        SwapCombiner.Combined c = SwapCombiner.combine(scored("A>B"), scored("A>B"));
        assertThat(c.outcome()).isEqualTo(PairOutcome.TIE);
        assertThat(c.strength()).isZero();
    }

    @Test
    void should_count_a_loss_when_the_baseline_wins_in_both_positions() {
        assertThat(SwapCombiner.combine(scored("B>>A"), scored("A>B")).outcome()).isEqualTo(PairOutcome.LOSS);
        assertThat(SwapCombiner.combine(scored("A=B"), scored("A>B")).outcome()).isEqualTo(PairOutcome.LOSS);
    }

    @Test
    void should_never_turn_an_error_or_an_unreadable_verdict_into_a_loss() {
        SwapCombiner.Combined e = SwapCombiner.combine(scored("B>>A"), new Verdict.Errored("HTTP 500"));
        assertThat(e.outcome()).isEqualTo(PairOutcome.ERROR);
        assertThat(e.reason()).isEqualTo("game 2: HTTP 500");
        SwapCombiner.Combined u = SwapCombiner.combine(new Verdict.Unscored("no verdict found", null), scored("A>B"));
        assertThat(u.outcome()).isEqualTo(PairOutcome.UNSCORED);
        assertThat(u.reason()).isEqualTo("game 1: no verdict found");
    }

    @Test
    void should_swap_every_level_symmetrically() {
        for (Preference p : Preference.values()) {
            assertThat(p.swapped().swapped()).isEqualTo(p);
            assertThat(p.swapped().strength()).isEqualTo(-p.strength());
        }
        assertThat(Preference.parse("[[B<<A]]")).contains(Preference.A_MUCH_BETTER);
        assertThat(Preference.parse(" tie ")).contains(Preference.TIE);
        assertThat(Preference.parse("A>>>B")).isEmpty();
    }
}
