package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Regression mode's decisions and intervals, on small cases computed by hand (and Newcombe's own example). */
class RegressionDecisionTest {

    private static Interval ci(double lo, double hi) {
        return new Interval(lo, hi, 0.95, "test");
    }

    @Test
    void should_call_a_regression_only_when_the_whole_interval_lies_below_the_bar() {
        assertThat(RegressionVerdict.of(ci(0.30, 0.4699), 0.47)).isEqualTo(RegressionVerdict.REGRESSION);
        // touching the bar from below: not shown either way
        assertThat(RegressionVerdict.of(ci(0.30, 0.47), 0.47)).isEqualTo(RegressionVerdict.INCONCLUSIVE);
        assertThat(RegressionVerdict.of(ci(0.40, 0.60), 0.47)).isEqualTo(RegressionVerdict.INCONCLUSIVE);
        // non-inferiority shown: the interval at or above the bar
        assertThat(RegressionVerdict.of(ci(0.47, 0.60), 0.47)).isEqualTo(RegressionVerdict.NO_REGRESSION);
        assertThat(RegressionVerdict.of(ci(-0.02, 0.10), -0.03)).isEqualTo(RegressionVerdict.NO_REGRESSION);
        assertThat(RegressionVerdict.of(null, 0.47)).isEqualTo(RegressionVerdict.INCONCLUSIVE);
    }

    @Test
    void should_regress_when_any_measure_does_and_show_none_only_when_every_one_shows_none() {
        var r = RegressionVerdict.REGRESSION;
        var no = RegressionVerdict.NO_REGRESSION;
        var open = RegressionVerdict.INCONCLUSIVE;
        assertThat(RegressionVerdict.overall(List.of(no, open, r))).isEqualTo(r);
        assertThat(RegressionVerdict.overall(List.of(no, no))).isEqualTo(no);
        assertThat(RegressionVerdict.overall(List.of(no, open))).isEqualTo(open);
        assertThat(RegressionVerdict.overall(List.of())).isEqualTo(open);
        assertThat(no.asClaim()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(r.asClaim()).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void should_decide_twenty_pairs_by_the_same_bootstrap_interval_as_the_win_rate_verdict() {
        // 20 prompts, 4 won and 16 lost: win rate 0.2, the bootstrap's spread about sqrt(0.2 x 0.8 / 20) = 0.089
        List<Observation> lost = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lost.add(new Observation("p" + i, i < 4 ? 1 : 0));
        }
        Interval interval = ClusteredBootstrap.interval(lost, ClusteredBootstrap.DEFAULT_RESAMPLES, 7);
        assertThat(interval.lower()).isCloseTo(0.2 - 1.96 * 0.0894, within(0.05));
        assertThat(interval.upper()).isCloseTo(0.2 + 1.96 * 0.0894, within(0.05)).isLessThan(0.47);
        assertThat(RegressionVerdict.of(interval, 0.5 - 0.03)).isEqualTo(RegressionVerdict.REGRESSION);
        // 10 won, 10 lost: level, and 20 pairs cannot show it is within 0.03 (nor within 0.1) of even
        List<Observation> level = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            level.add(new Observation("p" + i, i % 2));
        }
        Interval even = ClusteredBootstrap.interval(level, ClusteredBootstrap.DEFAULT_RESAMPLES, 7);
        assertThat(RegressionVerdict.of(even, 0.47)).isEqualTo(RegressionVerdict.INCONCLUSIVE);
        assertThat(RegressionVerdict.of(even, 0.4)).isEqualTo(RegressionVerdict.INCONCLUSIVE);
        // a margin of 0.3 (bar 0.2) lies below the whole interval, about [0.28, 0.72]
        assertThat(RegressionVerdict.of(even, 0.2)).isEqualTo(RegressionVerdict.NO_REGRESSION);
    }

    @Test
    void should_give_newcombes_interval_for_paired_accuracies() {
        // Newcombe (1998), example (a): 36 both right, 12 only the first, 2 only the second, 0 both wrong;
        // method 10 gives 0.0569 to 0.3404
        Interval a = PairedDifference.newcombe(36, 12, 2, 0);
        assertThat(a.lower()).isCloseTo(0.0569, within(5e-5));
        assertThat(a.upper()).isCloseTo(0.3404, within(5e-5));
        assertThat(a.method()).isEqualTo("newcombe");

        // 20 questions: 12 both right, 2 only the candidate, 5 only the baseline, 1 both wrong. By hand: accuracies
        // 14/20 = .7 and 17/20 = .85, difference -.15; Wilson [.4810, .8545] and [.6396, .9476];
        // phi = (12 - 10) / sqrt(14 * 6 * 17 * 3) = .030557;
        // lower = -.15 - sqrt(.2190^2 - 2 phi .2190 .0976 + .0976^2) = -.38701
        // upper = -.15 + sqrt(.1545^2 - 2 phi .1545 .2104 + .2104^2) = .10723
        List<PairedRatio.Pair> pairs = new ArrayList<>();
        int[][] table = {{1, 1, 12}, {1, 0, 2}, {0, 1, 5}, {0, 0, 1}};
        int q = 0;
        for (int[] cell : table) {
            for (int i = 0; i < cell[2]; i++) {
                pairs.add(new PairedRatio.Pair("q" + q++, cell[0], cell[1]));
            }
        }
        PairedDifference d = PairedDifference.ofProportions(pairs);
        assertThat(d.n()).isEqualTo(20);
        assertThat(d.candidateMean()).isCloseTo(0.70, within(1e-12));
        assertThat(d.baselineMean()).isCloseTo(0.85, within(1e-12));
        assertThat(d.difference()).isCloseTo(-0.15, within(1e-12));
        assertThat(d.interval().lower()).isCloseTo(-0.387011, within(1e-6));
        assertThat(d.interval().upper()).isCloseTo(0.107228, within(1e-6));
        // the interval reaches below -0.03 and above it: a 3-point margin is not settled by 20 questions
        assertThat(RegressionVerdict.of(d.interval(), -0.03)).isEqualTo(RegressionVerdict.INCONCLUSIVE);
        // McNemar beside it: 2 against 5 discordant, two-sided exact p = 2 x P(X <= 2 | 7, 1/2) = 2 x 29/128
        assertThat(McNemar.exactPValue(2, 5)).isCloseTo(58 / 128.0, within(1e-12));
    }

    @Test
    void should_keep_a_width_when_no_answer_is_discordant_and_call_a_candidate_wrong_everywhere_a_regression() {
        List<PairedRatio.Pair> allRight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            allRight.add(new PairedRatio.Pair("q" + i, 1, 1));
        }
        // both Wilson intervals of 20/20 reach down to .83887: the difference is within +-.16113
        Interval same = PairedDifference.ofProportions(allRight).interval();
        assertThat(same.lower()).isCloseTo(-0.161125, within(1e-6));
        assertThat(same.upper()).isCloseTo(0.161125, within(1e-6));

        // four questions the baseline gets right and the candidate wrong: [-1, -1 + sqrt(2) x .4899]
        List<PairedRatio.Pair> wrong = List.of(new PairedRatio.Pair("a", 0, 1), new PairedRatio.Pair("b", 0, 1),
                new PairedRatio.Pair("c", 0, 1), new PairedRatio.Pair("d", 0, 1));
        PairedDifference d = PairedDifference.ofProportions(wrong);
        assertThat(d.interval().lower()).isEqualTo(-1.0);
        assertThat(d.interval().upper()).isCloseTo(-0.307190, within(1e-6));
        assertThat(RegressionVerdict.of(d.interval(), -0.03)).isEqualTo(RegressionVerdict.REGRESSION);
    }

    @Test
    void should_count_the_samples_of_a_prompt_once_when_they_agree() {
        // five prompts answered twice alike: the design effect is 2, so the interval is that of the five prompts
        List<PairedRatio.Pair> twice = new ArrayList<>();
        int[][] prompts = {{1, 0}, {0, 1}, {1, 1}, {0, 0}, {1, 0}};
        for (int p = 0; p < prompts.length; p++) {
            for (int s = 0; s < 2; s++) {
                twice.add(new PairedRatio.Pair("p" + p, prompts[p][0], prompts[p][1]));
            }
        }
        Interval once = PairedDifference.newcombe(1, 2, 1, 1);
        Interval clustered = PairedDifference.ofProportions(twice).interval();
        assertThat(clustered.lower()).isCloseTo(once.lower(), within(1e-12));
        assertThat(clustered.upper()).isCloseTo(once.upper(), within(1e-12));
        // by hand, Newcombe on 1, 2, 1, 1: .2 in [-.36408, .63134]
        assertThat(once.lower()).isCloseTo(-0.364078, within(1e-6));
        assertThat(once.upper()).isCloseTo(0.631341, within(1e-6));
    }

    @Test
    void should_give_the_normal_interval_of_paired_score_differences_with_prompts_as_clusters() {
        // differences 2, 0, 4, -1: mean 1.25, sample variance 14.75 / 3, se sqrt(4.9167 / 4) = 1.10868
        PairedDifference d = PairedDifference.ofMeans(List.of(new PairedRatio.Pair("a", 3, 1), new PairedRatio.Pair("b", 2, 2),
                new PairedRatio.Pair("c", 5, 1), new PairedRatio.Pair("d", 1, 2)));
        assertThat(d.n()).isEqualTo(4);
        assertThat(d.candidateMean()).isCloseTo(2.75, within(1e-12));
        assertThat(d.baselineMean()).isCloseTo(1.5, within(1e-12));
        assertThat(d.difference()).isCloseTo(1.25, within(1e-12));
        assertThat(d.interval().lower()).isCloseTo(-0.922969, within(1e-6));
        assertThat(d.interval().upper()).isCloseTo(3.422969, within(1e-6));
        assertThat(d.interval().method()).isEqualTo("normal");
        // the relative bar: a 3% margin on a baseline mean of 1.5 is -0.045, inside the interval
        assertThat(RegressionVerdict.of(d.interval(), -0.03 * 1.5)).isEqualTo(RegressionVerdict.INCONCLUSIVE);

        // prompts a (2, 4), b (0), c (-1, -1): mean .8; 3/2 x ((6 - 1.6)^2 + (0 - .8)^2 + (-2 - 1.6)^2) / 25 = 1.9776
        PairedDifference clustered = PairedDifference.ofMeans(List.of(new PairedRatio.Pair("a", 3, 1),
                new PairedRatio.Pair("a", 5, 1), new PairedRatio.Pair("b", 2, 2), new PairedRatio.Pair("c", 1, 2),
                new PairedRatio.Pair("c", 0, 1)));
        assertThat(clustered.difference()).isCloseTo(0.8, within(1e-12));
        assertThat(clustered.interval().lower()).isCloseTo(0.8 - 1.959964 * Math.sqrt(1.9776), within(1e-6));
        assertThat(clustered.interval().upper()).isCloseTo(0.8 + 1.959964 * Math.sqrt(1.9776), within(1e-6));

        assertThat(PairedDifference.ofMeans(List.of())).isEqualTo(PairedDifference.EMPTY);
        assertThat(PairedDifference.ofMeans(List.of(new PairedRatio.Pair("a", 3, 1))).interval()).isNull();
    }
}
