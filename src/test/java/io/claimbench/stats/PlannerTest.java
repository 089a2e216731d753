package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlannerTest {

    @Test
    void should_match_published_normal_quantiles() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963985, within(1e-8));
        assertThat(Normal.quantile(0.95)).isCloseTo(1.644853627, within(1e-8));
        assertThat(Normal.quantile(0.8)).isCloseTo(0.841621234, within(1e-8));
        assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306, within(1e-7));
        assertThat(Normal.quantile(0.5)).isZero();
    }

    @Test
    void should_plan_pairs_for_a_hand_computed_case() {
        // p0 0.5, p1 0.6, alpha 0.05 one-sided, power 0.8:
        // ((1.644854 x 0.5 + 0.841621 x sqrt(0.24)) / 0.1)^2 = (0.822427 + 0.412304)^2 / 0.01 = 152.46 -> 153
        assertThat(Planner.decidedPairs(0.5, 0.6, true, 0.05, 0.8)).isEqualTo(153);
        assertThat(Planner.decidedPairs(0.5, 0.4, false, 0.05, 0.8)).isEqualTo(153);
        assertThat(Planner.pairsToRun(153, 0.1)).isEqualTo(170);
        assertThatThrownBy(() -> Planner.decidedPairs(0.57, 0.55, true, 0.05, 0.8)).hasMessageContaining("claimed side");
    }

    @Test
    void should_give_the_test_its_power_in_simulation() {
        long n = Planner.decidedPairs(0.5, 0.6, true, 0.05, 0.8);
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        int rejected = 0;
        for (int run = 0; run < 1000; run++) {
            long wins = 0;
            for (long i = 0; i < n; i++) {
                wins += random.nextDouble() < 0.6 ? 1 : 0;
            }
            rejected += BinomialTest.pValue(wins, n, 0.5, true) < 0.05 ? 1 : 0;
        }
        assertThat(rejected / 1000.0).isBetween(0.75, 0.86);
    }
}
