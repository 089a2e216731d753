package io.claimbench.catalog;

import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.ExactAnswerScorer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped code-reading set: every gold answer is accepted as an answer would give it, and only its own. */
class CodingExactEvalSetTest {

    private final ExactAnswerScorer scorer = new ExactAnswerScorer();

    private boolean correct(String gold, String answer) {
        return scorer.score(gold, answer) instanceof AnswerScore.Scored s && s.value() == 1;
    }

    @Test
    void should_accept_each_gold_answer_bare_and_in_a_sentence_and_reject_the_others() {
        EvalSet set = new EvalSetLoader(Path.of("eval-sets"), Path.of("prompts")).loadAll().stream()
                .filter(s -> s.id().equals("coding-exact")).findFirst().orElseThrow();
        assertThat(set.scorer()).isEqualTo(ScorerName.EXACT_MATCH);
        assertThat(set.prompts()).hasSizeGreaterThanOrEqualTo(30);
        for (PromptItem p : set.prompts()) {
            assertThat(correct(p.reference(), p.reference())).as(p.id()).isTrue();
            assertThat(correct(p.reference(), "The output is:\n\n```\n" + p.reference() + "\n```")).as(p.id()).isTrue();
            long othersAccepted = set.prompts().stream().map(PromptItem::reference).distinct()
                    .filter(other -> !other.equals(p.reference()) && correct(p.reference(), other)).count();
            assertThat(othersAccepted).as(p.id() + " accepts another item's answer").isZero();
        }
    }
}
