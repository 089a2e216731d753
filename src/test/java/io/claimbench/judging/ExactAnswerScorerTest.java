package io.claimbench.judging;

import io.claimbench.stats.McNemar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExactAnswerScorerTest {

    private final ExactAnswerScorer scorer = new ExactAnswerScorer();

    private boolean correct(String gold, String answer) {
        return ((AnswerScore.Scored) scorer.score(gold, answer)).value() == 1;
    }

    @Test
    void should_accept_every_form_of_the_gold_answer() {
        assertThat(correct("weber (Wb)", "The SI unit of magnetic flux is the Weber.")).isTrue();
        assertThat(correct("weber (Wb)", "It's measured in Wb.")).isTrue();
        assertThat(correct("the Mohorovičić discontinuity (the Moho)", "That boundary is the Mohorovicic discontinuity.")).isTrue();
        assertThat(correct("the Mohorovičić discontinuity (the Moho)", "Geologists call it the Moho")).isTrue();
        assertThat(correct("Gabriel García Márquez", "gabriel garcia marquez wrote it")).isTrue();
        assertThat(correct("Moby-Dick (by Herman Melville)", "Moby-Dick.")).isTrue();
    }

    @Test
    void should_compare_numbers_as_numbers() {
        assertThat(correct("299,792,458 m/s", "exactly 299792458 metres per second")).isTrue();
        assertThat(correct("299,792,458 m/s", "about 300,000 km/s")).isFalse();
        assertThat(correct("42", "Molybdenum has atomic number 42.")).isTrue();
        assertThat(correct("42", "It is 420.")).isFalse();
        assertThat(correct("46 (23 pairs)", "A human somatic cell has 46 chromosomes.")).isTrue();
        assertThat(correct("1215", "It was sealed in 1215.")).isTrue();
        assertThat(correct("3", "An octopus has three hearts.")).isTrue();
        assertThat(correct("21", "Twenty-one grams, by the old story.")).isTrue();
        assertThat(correct("3", "Thirty-three.")).isFalse();
    }

    @Test
    void should_read_scientific_notation_and_honour_a_tolerance_in_the_gold_answer() {
        assertThat(correct("6.02214076e23", "Avogadro's number is 6.02214076 × 10^23 per mole.")).isTrue();
        assertThat(correct("6.02214076e23", "about 6.02214076E+23")).isTrue();
        assertThat(correct("6.02214076e23", "6.02214076 x 10^22")).isFalse();
        assertThat(correct("9.81 ± 0.05", "g is roughly 9.8 m/s²")).isTrue();
        assertThat(correct("9.81 +- 0.05", "g is 9.7 m/s²")).isFalse();
        assertThat(correct("1.602e-19 ± 1%", "The elementary charge is 1.6 × 10^-19 C.")).isTrue();
        assertThat(correct("1.602e-19 ± 1%", "1.5e-19 coulomb")).isFalse();
        assertThat(correct("100 ± 2 (degrees Celsius)", "Water boils at 101 °C at sea level (roughly).")).isTrue();
        // a number inside a formula or identifier is not an answer
        assertThat(correct("2", "The formula is H2O, with no other number")).isFalse();
    }

    @Test
    void should_not_accept_a_wrong_or_partial_word() {
        assertThat(correct("Phobos", "The larger moon is Deimos.")).isFalse();
        assertThat(correct("talc", "talcum powder? no: gypsum")).isFalse();
        assertThat(correct("the Tigris", "The Euphrates")).isFalse();
    }

    @Test
    void should_read_multiple_choice_answers() {
        assertThat(correct("B", "The answer is (B).")).isTrue();
        assertThat(correct("B", "Answer: C")).isFalse();
        assertThat(correct("C", "Let me think... A is wrong, B too.\nC")).isTrue();
    }

    @Test
    void should_match_a_hand_computed_mcnemar_p_value() {
        // b = 10, c = 2: 2 x P(X <= 2 | 12, 1/2) = 2 x (1 + 12 + 66) / 4096
        assertThat(McNemar.exactPValue(10, 2)).isCloseTo(2 * 79.0 / 4096, within(1e-12));
        assertThat(McNemar.exactPValue(5, 5)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(0, 0)).isEqualTo(1.0);
        McNemar.Result r = McNemar.of(new boolean[]{true, true, false, true}, new boolean[]{true, false, false, false});
        assertThat(r.candidateAccuracy()).isEqualTo(0.75);
        assertThat(r.baselineAccuracy()).isEqualTo(0.25);
        assertThat(r.candidateOnly()).isEqualTo(2);
        assertThat(r.baselineOnly()).isZero();
        assertThat(r.pValue()).isCloseTo(0.5, within(1e-12)); // 2 x P(X <= 0 | 2) = 2 x 1/4
    }
}
