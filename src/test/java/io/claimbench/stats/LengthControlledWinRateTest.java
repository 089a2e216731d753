package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LengthControlledWinRateTest {

    @Test
    void should_remove_a_preference_that_comes_only_from_length() {
        // A judge that only likes longer answers: the candidate writes longer ones and "wins" 70% of pairs,
        // but at equal length it would win half.
        SplittableRandom r = new SplittableRandom(1);
        List<LengthControlledWinRate.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int base = 500 + r.nextInt(400);
            int cand = base + (int) (r.nextGaussian() * 300 + 200);
            double z = 1.5 * Math.tanh((cand - base) / 360.0);
            double p = 1 / (1 + Math.exp(-z));
            pairs.add(new LengthControlledWinRate.Pair("p" + i, r.nextDouble() < p ? 1 : 0, Math.max(1, cand), base));
        }
        double raw = pairs.stream().mapToDouble(LengthControlledWinRate.Pair::win).average().orElseThrow();
        LengthControlledWinRate.Result lc = LengthControlledWinRate.of(pairs, 100, 3);
        assertThat(raw).isGreaterThan(0.6);
        assertThat(lc.value()).isCloseTo(0.5, within(0.05));
        assertThat(lc.lengthCoefficient()).isPositive();
        assertThat(lc.interval().contains(lc.value())).isTrue();
        assertThat(lc.label()).contains("estimate");
    }

    @Test
    void should_equal_the_plain_rate_when_lengths_are_equal() {
        List<LengthControlledWinRate.Pair> pairs = List.of(new LengthControlledWinRate.Pair("a", 1, 100, 100),
                new LengthControlledWinRate.Pair("b", 1, 100, 100), new LengthControlledWinRate.Pair("c", 0, 100, 100),
                new LengthControlledWinRate.Pair("d", 0.5, 100, 100));
        assertThat(LengthControlledWinRate.of(pairs, 0, 1).value()).isCloseTo(0.625, within(1e-6));
        assertThat(LengthControlledWinRate.of(List.of(), 0, 1).value()).isNull();
    }
}
