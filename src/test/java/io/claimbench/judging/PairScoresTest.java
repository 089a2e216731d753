package io.claimbench.judging;

import io.claimbench.stats.PairOutcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two answer scores become the pair's decision in one place, for programmatic scores and rubric grades alike. */
class PairScoresTest {

    private static AnswerScore scored(double v) {
        return new AnswerScore.Scored(v, Map.of());
    }

    @Test
    void should_let_the_higher_score_win_and_equal_scores_tie() {
        assertThat(PairScores.fromScores(scored(0.8), scored(0.3)).decision())
                .isEqualTo(new PairDecision(PairOutcome.WIN, 1, null, null));
        assertThat(PairScores.fromScores(scored(0.3), scored(0.8)).decision().outcome()).isEqualTo(PairOutcome.LOSS);
        assertThat(PairScores.fromScores(scored(1), scored(1)).decision())
                .isEqualTo(new PairDecision(PairOutcome.TIE, 0, null, null));
    }

    @Test
    void should_make_the_pair_unscored_with_the_reason_and_keep_the_other_sides_score() {
        PairScore s = PairScores.fromScores(scored(0.7), new AnswerScore.Unscored("empty answer"));
        assertThat(s.decision()).isEqualTo(new PairDecision(PairOutcome.UNSCORED, 0, null, "baseline: empty answer"));
        assertThat(s.sides().candidateScore()).isEqualTo(0.7);
        assertThat(s.sides().baselineScore()).isNull();
        assertThat(s.sides().baselineDetail()).isEqualTo(new AnswerScore.Unscored("empty answer"));
        assertThat(PairScores.fromScores(new AnswerScore.Unscored("no reference answer"), scored(1)).decision().reason())
                .isEqualTo("candidate: no reference answer");
    }

    @Test
    void should_tie_grades_within_the_band_and_name_the_grade_that_could_not_be_read() {
        assertThat(PairScores.fromGrades(scored(8), scored(7), 1.0).outcome()).isEqualTo(PairOutcome.TIE);
        assertThat(PairScores.fromGrades(scored(8), scored(7), 0.5).outcome()).isEqualTo(PairOutcome.WIN);
        assertThat(PairScores.fromGrades(scored(6), scored(7.5), 1.0).outcome()).isEqualTo(PairOutcome.LOSS);
        assertThat(PairScores.fromGrades(new AnswerScore.Unscored("no rating found"), scored(7), 0).reason())
                .isEqualTo("candidate grade: no rating found");
    }

    @Test
    void should_observe_a_mean_panels_share_and_otherwise_the_outcome() {
        assertThat(new PairDecision(PairOutcome.WIN, 3, 0.75, null).observedShare()).isEqualTo(0.75);
        assertThat(new PairDecision(PairOutcome.TIE, 0, null, null).observedShare()).isEqualTo(0.5);
        assertThat(new PairDecision(PairOutcome.LOSS, -2, null, null).observedShare()).isZero();
    }
}
