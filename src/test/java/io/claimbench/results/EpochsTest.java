package io.claimbench.results;

import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.stats.PairOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The spread of the win rate over repeated samples (epochs), computed by hand on a small case. */
class EpochsTest {

    private static ComparisonRow c(long prompt, int sample, PairOutcome o) {
        ComparisonEntity c = new ComparisonEntity();
        c.promptVersionId = prompt;
        c.sampleIndex = sample;
        c.outcome = o;
        return ComparisonRow.of(c);
    }

    @Test
    void should_report_each_epoch_and_their_spread() {
        RunEntity run = new RunEntity();
        run.samples = 3;
        List<ComparisonRow> list = new ArrayList<>();
        // prompt 1 wins every epoch; prompt 2 wins, ties, loses; prompt 3 loses twice and errs once; prompt 4 ties
        PairOutcome[][] outcomes = {
                {PairOutcome.WIN, PairOutcome.WIN, PairOutcome.WIN},
                {PairOutcome.WIN, PairOutcome.TIE, PairOutcome.LOSS},
                {PairOutcome.LOSS, PairOutcome.LOSS, PairOutcome.ERROR},
                {PairOutcome.TIE, PairOutcome.TIE, PairOutcome.TIE}};
        for (int p = 0; p < outcomes.length; p++) {
            for (int s = 0; s < 3; s++) {
                list.add(c(p + 1, s, outcomes[p][s]));
            }
        }
        RunReport.Epochs e = EpochFigures.epochs(run, list);
        // epoch 0: (1 + 1 + 0 + .5) / 4 = .625; epoch 1: (1 + .5 + 0 + .5) / 4 = .5; epoch 2: (1 + 0 + .5) / 3 = .5
        assertThat(e.epochs()).extracting(RunReport.Epoch::n).containsExactly(4L, 4L, 3L);
        assertThat(e.epochs().get(0).winRate()).isCloseTo(0.625, within(1e-12));
        assertThat(e.epochs().get(2).winRate()).isCloseTo(0.5, within(1e-12));
        assertThat(e.mean()).isCloseTo(1.625 / 3, within(1e-12));
        // sample sd of (.625, .5, .5): mean .541667, squares .006944 + .001736 * 2 = .010417, / 2, sqrt = .072169
        assertThat(e.standardDeviation()).isCloseTo(0.0721688, within(1e-6));
        assertThat(e.min()).isEqualTo(0.5);
        assertThat(e.max()).isEqualTo(0.625);
        // prompts decided in all three epochs: 1, 2 and 4; of those 1 and 4 always gave the same outcome
        assertThat(e.prompts()).isEqualTo(3);
        assertThat(e.consistentShare()).isCloseTo(2 / 3.0, within(1e-12));

        run.samples = 1;
        assertThat(EpochFigures.epochs(run, list)).isNull();
    }
}
