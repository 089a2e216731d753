package io.claimbench.judging;

import io.claimbench.stats.PairOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JudgePanelTest {

    private static Verdict scored(String label) {
        return new Verdict.Scored(Preference.parse(label).orElseThrow(), null);
    }

    private static JudgePanel.Vote vote(String judge, PairOutcome o, int strength) {
        return new JudgePanel.Vote(judge, new SwapCombiner.Combined(o, strength, o.decided() ? null : "why " + judge));
    }

    @Test
    void should_skip_the_swap_only_after_a_decisive_first_verdict_outside_the_audit() {
        assertThat(JudgePanel.needsSwap(scored("A>>B"), false)).isFalse();
        assertThat(JudgePanel.needsSwap(scored("B>>A"), false)).isFalse();
        assertThat(JudgePanel.needsSwap(scored("A>B"), false)).isTrue();
        assertThat(JudgePanel.needsSwap(scored("A=B"), false)).isTrue();
        assertThat(JudgePanel.needsSwap(new Verdict.Unscored("no verdict", null), false)).isTrue();
        assertThat(JudgePanel.needsSwap(scored("A>>B"), true)).isTrue();
    }

    @Test
    void should_count_one_decisive_game_on_the_two_game_scale() {
        assertThat(JudgePanel.single(scored("A>>B"))).isEqualTo(new SwapCombiner.Combined(PairOutcome.WIN, 4, null));
        assertThat(JudgePanel.single(scored("B>>A"))).isEqualTo(new SwapCombiner.Combined(PairOutcome.LOSS, -4, null));
        assertThat(JudgePanel.single(new Verdict.Errored("timeout")).outcome()).isEqualTo(PairOutcome.ERROR);
    }

    @Test
    void should_draw_the_audit_share_reproducibly() {
        long audited = IntStream.range(0, 10_000).filter(i -> JudgePanel.audited(7, "prompt-" + i + "#0", 0.2)).count();
        assertThat(audited / 10_000.0).isCloseTo(0.2, within(0.015));
        // the same pair in the same run is always drawn the same way; another seed draws other pairs
        assertThat(IntStream.range(0, 200).allMatch(i -> JudgePanel.audited(7, "p" + i, 0.5) == JudgePanel.audited(7, "p" + i, 0.5))).isTrue();
        assertThat(IntStream.range(0, 200).filter(i -> JudgePanel.audited(7, "p" + i, 0.5) != JudgePanel.audited(8, "p" + i, 0.5)).count()).isPositive();
        assertThat(JudgePanel.audited(7, "p", 0)).isFalse();
        assertThat(JudgePanel.audited(7, "p", 1)).isTrue();
    }

    @Test
    void should_take_the_majority_of_the_judges_that_decided() {
        var a = JudgePanel.aggregate(JudgeAggregate.MAJORITY, List.of(vote("j1", PairOutcome.WIN, 2), vote("j2", PairOutcome.WIN, 4),
                vote("j3", PairOutcome.LOSS, -4)));
        assertThat(a.outcome()).isEqualTo(PairOutcome.WIN);
        assertThat(a.strength()).isEqualTo(3); // mean strength of the majority, not dragged by the dissenter
        assertThat(a.winShare()).isNull();
        // two judges that disagree: the panel is split, a tie
        var split = JudgePanel.aggregate(JudgeAggregate.MAJORITY, List.of(vote("j1", PairOutcome.WIN, 2), vote("j2", PairOutcome.LOSS, -1)));
        assertThat(split.outcome()).isEqualTo(PairOutcome.TIE);
        assertThat(split.reason()).contains("split");
        // a judge that could not decide does not vote; the reason says which
        var partial = JudgePanel.aggregate(JudgeAggregate.MAJORITY, List.of(vote("j1", PairOutcome.UNSCORED, 0), vote("j2", PairOutcome.LOSS, -2)));
        assertThat(partial.outcome()).isEqualTo(PairOutcome.LOSS);
        assertThat(partial.reason()).isEqualTo("j1: why j1");
    }

    @Test
    void should_average_win_shares_under_the_mean() {
        var a = JudgePanel.aggregate(JudgeAggregate.MEAN, List.of(vote("j1", PairOutcome.WIN, 2), vote("j2", PairOutcome.TIE, 0),
                vote("j3", PairOutcome.LOSS, -1)));
        assertThat(a.winShare()).isCloseTo(0.5, within(1e-12));
        assertThat(a.outcome()).isEqualTo(PairOutcome.TIE);
        var b = JudgePanel.aggregate(JudgeAggregate.MEAN, List.of(vote("j1", PairOutcome.WIN, 2), vote("j2", PairOutcome.TIE, 0)));
        assertThat(b.winShare()).isCloseTo(0.75, within(1e-12));
        assertThat(b.outcome()).isEqualTo(PairOutcome.WIN);
    }

    @Test
    void should_be_an_error_only_when_every_judge_failed() {
        assertThat(JudgePanel.aggregate(JudgeAggregate.MAJORITY, List.of(vote("j1", PairOutcome.ERROR, 0), vote("j2", PairOutcome.ERROR, 0)))
                .outcome()).isEqualTo(PairOutcome.ERROR);
        assertThat(JudgePanel.aggregate(JudgeAggregate.MEAN, List.of(vote("j1", PairOutcome.ERROR, 0), vote("j2", PairOutcome.UNSCORED, 0)))
                .outcome()).isEqualTo(PairOutcome.UNSCORED);
        assertThatThrownBy(() -> JudgeAggregate.parse("median"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
