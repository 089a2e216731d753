package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Simulated judges: stopping early is fast when the claim is clearly true and does not let a false one pass. */
class ConfidenceSequenceTest {

    private static final int CAP = 400;

    /** Pairs judged until the sequence settles the claim "win rate >= 0.57", or the cap; and the verdict. */
    private static long[] run(SplittableRandom random, double truth, ConfidenceSequence cs) {
        double sum = 0;
        for (int n = 1; n <= CAP; n++) {
            sum += random.nextDouble() < truth ? 1 : 0;
            ClaimVerdict v = cs.verdict(Comparator.AT_LEAST, 0.57, n, sum);
            if (v != ClaimVerdict.INCONCLUSIVE) {
                return new long[]{n, v.ordinal()};
            }
        }
        return new long[]{CAP, ClaimVerdict.INCONCLUSIVE.ordinal()};
    }

    @Test
    void should_support_a_true_claim_in_far_fewer_pairs_than_a_fixed_run_of_400() {
        ConfidenceSequence cs = new ConfidenceSequence(0.05, 200);
        SplittableRandom random = new SplittableRandom(70);
        long supported = 0;
        long pairs = 0;
        int runs = 200;
        for (int i = 0; i < runs; i++) {
            long[] r = run(random, 0.70, cs);
            pairs += r[0];
            supported += r[1] == ClaimVerdict.SUPPORTED.ordinal() ? 1 : 0;
        }
        double meanPairs = (double) pairs / runs;
        assertThat(supported).isGreaterThanOrEqualTo(180);
        assertThat(meanPairs).isLessThan(CAP * 0.75);
        System.out.printf("ConfidenceSequenceTest: truth 0.70 vs claim >= 0.57: supported in %d of %d runs after %.0f pairs on average (fixed run: %d)%n",
                supported, runs, meanPairs, CAP);
    }

    @Test
    void should_not_support_a_false_claim_beyond_the_nominal_error_rate() {
        ConfidenceSequence cs = new ConfidenceSequence(0.05, 200);
        SplittableRandom random = new SplittableRandom(50);
        int falselySupported = 0;
        for (int i = 0; i < 200; i++) {
            if (run(random, 0.50, cs)[1] == ClaimVerdict.SUPPORTED.ordinal()) {
                falselySupported++;
            }
        }
        // Even at the threshold itself the error rate is at most alpha / 2 = 2.5%; at 0.50 it is far below.
        assertThat(falselySupported).isLessThanOrEqualTo(5);
    }

    @Test
    void should_hold_the_true_mean_at_every_look_in_at_least_95_percent_of_runs() {
        ConfidenceSequence cs = new ConfidenceSequence(0.05, 100);
        SplittableRandom random = new SplittableRandom(9);
        int violated = 0;
        for (int i = 0; i < 300; i++) {
            double sum = 0;
            for (int n = 1; n <= 500; n++) {
                sum += random.nextDouble() < 0.6 ? 1 : 0;
                if (!cs.at(n, sum).contains(0.6)) {
                    violated++;
                    break;
                }
            }
        }
        assertThat(violated).isLessThanOrEqualTo(15); // 5% of 300, with room: the bound is conservative
    }

    @Test
    void should_be_wider_than_a_fixed_sample_interval_and_narrow_with_n() {
        ConfidenceSequence cs = new ConfidenceSequence(0.05, 100);
        Interval at100 = cs.at(100, 60);
        Interval at1000 = cs.at(1000, 600);
        assertThat(at100.lower()).isLessThan(WinRate.wilson(0.6, 100, WinRate.Z95).lower());
        assertThat(at1000.upper() - at1000.lower()).isLessThan(at100.upper() - at100.lower());
        assertThat((at100.lower() + at100.upper()) / 2).isCloseTo(0.6, within(1e-12));
        assertThat(cs.at(0, 0)).isNull();
    }
}
