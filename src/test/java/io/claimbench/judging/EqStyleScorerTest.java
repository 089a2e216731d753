package io.claimbench.judging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EqStyleScorerTest {

    private final EqStyleScorer scorer = new EqStyleScorer();

    private static final String LISTICLE = """
            I'm sorry to hear you're having a hard time. Here are five things that can help:

            ## Self-care tips
            1. **Sleep**: aim for 7-9 hours a night and keep a regular schedule.
            2. **Exercise**: even a 20-minute walk releases endorphins.
            3. **Nutrition**: eat balanced meals and stay hydrated.
            4. **Journaling**: write down your thoughts each evening.
            5. **Reach out**: talk to a friend or a mental health professional.

            Remember, it's important to take care of yourself!
            """;

    private static final String HUMAN = "That sounds really heavy, and I'm glad you said something. "
            + "Do you want to tell me a bit about what's been going on?";

    @Test
    void should_separate_a_five_tips_listicle_from_a_short_validating_reply() {
        AnswerScore.Scored listicle = (AnswerScore.Scored) scorer.score(null, LISTICLE);
        AnswerScore.Scored human = (AnswerScore.Scored) scorer.score(null, HUMAN);
        assertThat(human.value()).isEqualTo(1.0);
        assertThat(listicle.value()).isLessThanOrEqualTo(0.5);
        assertThat(listicle.parts()).containsEntry("listItems", 5.0).containsEntry("notListicle", 0.0)
                .containsEntry("openQuestion", 0.0).containsEntry("headings", 1.0);
        assertThat(human.parts()).containsEntry("validation", 1.0).containsEntry("openQuestion", 1.0);
    }

    @Test
    void should_not_need_a_reference_and_leave_empty_answers_unscored() {
        assertThat(scorer.requiresReference()).isFalse();
        assertThat(scorer.score(null, "  ")).isInstanceOf(AnswerScore.Unscored.class);
    }
}
