package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BradleyTerryTest {

    @Test
    void should_match_the_two_model_closed_form() {
        // A beats B 3 times in 4, no tie: p_A / p_B = (3 + c) / (1 + c) with the pseudo count c.
        List<Battle> battles = List.of(new Battle("1", "A", "B", 1), new Battle("2", "A", "B", 1),
                new Battle("3", "B", "A", 0), new Battle("4", "A", "B", 0));
        BradleyTerry.Ratings r = BradleyTerry.fit(battles, "B", 0, 1);
        double c = BradleyTerry.PSEUDO_COUNT;
        Map<String, Double> byModel = r.ratings().stream().collect(Collectors.toMap(BradleyTerry.Rating::model, BradleyTerry.Rating::rating));
        assertThat(byModel.get("B")).isCloseTo(1000, within(1e-9));
        assertThat(byModel.get("A") - 1000).isCloseTo(400 * Math.log10((3 + c) / (1 + c)), within(1e-6));
        assertThat(r.tieParameter()).isZero();
        assertThat(r.ratings().getFirst().model()).isEqualTo("A");
        assertThat(r.ratings().getFirst().wins()).isEqualTo(3);
        assertThat(r.ratings().getFirst().losses()).isEqualTo(1);
    }

    @Test
    void should_recover_a_transitive_tournament_with_ties() {
        double[] truth = {1000, 1100, 1200, 1300, 1400, 1500};
        double nu = 0.4;
        SplittableRandom random = new SplittableRandom(11);
        List<Battle> battles = new ArrayList<>();
        int cluster = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = i + 1; j < truth.length; j++) {
                double pi = Math.pow(10, truth[i] / 400);
                double pj = Math.pow(10, truth[j] / 400);
                double d = pi + pj + nu * Math.sqrt(pi * pj);
                for (int k = 0; k < 400; k++) {
                    double u = random.nextDouble();
                    double outcome = u < pi / d ? 1 : u < (pi + nu * Math.sqrt(pi * pj)) / d ? 0.5 : 0;
                    battles.add(new Battle("c" + cluster++, "m" + i, "m" + j, outcome));
                }
            }
        }
        BradleyTerry.Ratings r = BradleyTerry.fit(battles, "m0", 200, 5);
        assertThat(r.ratings()).extracting(BradleyTerry.Rating::model).containsExactly("m5", "m4", "m3", "m2", "m1", "m0");
        assertThat(r.tieParameter()).isCloseTo(nu, within(0.06));
        for (BradleyTerry.Rating rating : r.ratings()) {
            double expected = truth[Integer.parseInt(rating.model().substring(1))];
            assertThat(rating.rating()).as(rating.model()).isCloseTo(expected, within(40.0));
            if (!rating.model().equals("m0")) {
                assertThat(rating.lower()).isLessThan(rating.rating());
                assertThat(rating.upper()).isGreaterThan(rating.rating());
                assertThat(rating.upper() - rating.lower()).isLessThan(120);
            }
        }
    }

    @Test
    void should_center_on_1000_without_an_anchor_and_reject_an_unknown_anchor() {
        List<Battle> battles = List.of(new Battle("1", "A", "B", 1), new Battle("2", "B", "C", 0.5), new Battle("3", "C", "A", 0));
        BradleyTerry.Ratings r = BradleyTerry.fit(battles, null, 0, 1);
        assertThat(r.ratings().stream().mapToDouble(BradleyTerry.Rating::rating).average().orElseThrow()).isCloseTo(1000, within(1e-9));
        assertThat(r.ratings().getFirst().lower()).isNull();
        assertThatThrownBy(() -> BradleyTerry.fit(battles, "Z", 0, 1)).hasMessageContaining("anchor model 'Z'");
        assertThat(BradleyTerry.fit(List.of(), null, 10, 1).ratings()).isEmpty();
    }

    @Test
    void should_give_the_same_intervals_for_the_same_seed() {
        List<Battle> battles = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 300; k++) {
            battles.add(new Battle("p" + (k % 50), "A", "B", random.nextDouble() < 0.6 ? 1 : 0));
        }
        assertThat(BradleyTerry.fit(battles, "B", 100, 9)).isEqualTo(BradleyTerry.fit(battles, "B", 100, 9));
    }
}
