package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClaimStatisticsTest {

    @Test
    void should_match_hand_computed_binomial_tails() {
        // P(X >= 9 | n = 10, p = 0.5) = (C(10,9) + C(10,10)) / 2^10 = 11 / 1024
        assertThat(BinomialTest.pValue(9, 10, 0.5, true)).isCloseTo(11.0 / 1024, within(1e-12));
        // P(X <= 1 | n = 10, p = 0.5) = 11 / 1024, the downward claim
        assertThat(BinomialTest.pValue(1, 10, 0.5, false)).isCloseTo(11.0 / 1024, within(1e-12));
        // P(X >= 3 | n = 3, p = 0.57) = 0.57^3
        assertThat(BinomialTest.pValue(3, 3, 0.57, true)).isCloseTo(Math.pow(0.57, 3), within(1e-12));
        assertThat(BinomialTest.pValue(0, 0, 0.5, true)).isEqualTo(1.0);
        // Large n stays finite and sensible: 600 of 1000 against 0.5 is far in the tail.
        assertThat(BinomialTest.pValue(600, 1000, 0.5, true)).isBetween(0.0, 1e-9);
    }

    @Test
    void should_reproduce_the_same_bootstrap_interval_for_the_same_seed() {
        List<Observation> obs = sample(new SplittableRandom(1), 60, 2, 0.6);
        Interval a = ClusteredBootstrap.interval(obs, 1000, 42);
        Interval b = ClusteredBootstrap.interval(obs, 1000, 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.method()).isEqualTo("clustered-bootstrap");
        assertThat(ClusteredBootstrap.interval(List.of(), 1000, 42)).isNull();
    }

    @Test
    void should_widen_when_observations_of_a_prompt_move_together() {
        // Each prompt's two samples agree: 80 prompts hold only 80 independent outcomes, not 160.
        SplittableRandom r = new SplittableRandom(7);
        List<Observation> clustered = new ArrayList<>();
        List<Observation> independent = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double w = r.nextDouble() < 0.6 ? 1 : 0;
            clustered.add(new Observation("p" + i, w));
            clustered.add(new Observation("p" + i, w));
            independent.add(new Observation("a" + i, w));
            independent.add(new Observation("b" + i, w));
        }
        Interval c = ClusteredBootstrap.interval(clustered, 2000, 3);
        Interval i = ClusteredBootstrap.interval(independent, 2000, 3);
        assertThat(c.upper() - c.lower()).isGreaterThan(1.3 * (i.upper() - i.lower()));
    }

    @Test
    void should_cover_the_true_rate_about_95_percent_of_the_time() {
        SplittableRandom r = new SplittableRandom(2026);
        int covered = 0;
        int runs = 300;
        for (int run = 0; run < runs; run++) {
            Interval i = ClusteredBootstrap.interval(sample(r, 100, 1, 0.6), 500, run);
            if (i.contains(0.6)) {
                covered++;
            }
        }
        // Binomial(300, 0.95) lies in [270, 296] with probability > 0.999.
        assertThat(covered).isBetween(270, 296);
    }

    @Test
    void should_assess_a_claim_with_its_p_value_and_the_pairs_still_needed() {
        PairCounts counts = new PairCounts(55, 10, 35, 2, 1);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            obs.add(new Observation("w" + i, 1));
        }
        for (int i = 0; i < 10; i++) {
            obs.add(new Observation("t" + i, 0.5));
        }
        for (int i = 0; i < 35; i++) {
            obs.add(new Observation("l" + i, 0));
        }
        ClaimAssessment a = ClaimAssessment.of(Comparator.AT_LEAST, 0.57, counts, obs, new ClaimAssessment.Settings(1000, 1));
        assertThat(a.estimate()).isCloseTo(0.60, within(1e-12));
        assertThat(a.n()).isEqualTo(100);
        assertThat(a.decisive()).isEqualTo(90);
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(a.pValue()).isCloseTo(BinomialTest.upperTail(55, 90, 0.57), within(1e-12));
        // half-width ~0.09, distance 0.03: about (0.09/0.03)^2 = 9 times the pairs, so ~800 more
        assertThat(a.morePairsNeeded()).isBetween(500L, 1200L);
        assertThat(a.wilson().method()).isEqualTo("wilson");

        // half-width 0.2, distance 0.1: 100 x (0.2 / 0.1)^2 = 400 pairs in all, 300 more
        assertThat(ClaimAssessment.morePairs(0.6, 0.5, 100, new Interval(0.4, 0.8, 0.95, "t"))).isEqualTo(300L);
        assertThat(ClaimAssessment.morePairs(0.5, 0.5, 100, new Interval(0.4, 0.6, 0.95, "t"))).isNull();
    }

    @Test
    void should_have_no_estimate_without_observations() {
        ClaimAssessment a = ClaimAssessment.of(Comparator.GREATER, 0.5, new PairCounts(0, 0, 0, 3, 0), List.of(),
                ClaimAssessment.Settings.DEFAULT);
        assertThat(a.estimate()).isNull();
        assertThat(a.interval()).isNull();
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(a.pValue()).isEqualTo(1.0);
    }

    private static List<Observation> sample(SplittableRandom r, int prompts, int perPrompt, double p) {
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            for (int j = 0; j < perPrompt; j++) {
                obs.add(new Observation("p" + i, r.nextDouble() < p ? 1 : 0));
            }
        }
        return obs;
    }
}
