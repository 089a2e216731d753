package io.claimbench.judging;

import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a verdict given under the verdict schema, and what falls back to reading it as text. */
class StructuredVerdictTest {

    @Test
    void should_read_the_verdict_object_when_the_whole_answer_is_one() {
        assertThat(PairwiseJudge.parseStructured(" {\"rationale\": \"A is warmer.\", \"verdict\": \"A>>B\"}\n"))
                .contains(new Verdict.Scored(Preference.A_MUCH_BETTER, "A is warmer."));
    }

    @Test
    void should_read_the_verdict_of_an_answer_cut_off_in_its_rationale() {
        assertThat(PairwiseJudge.parseStructured("{\"verdict\":\"B>A\",\"rationale\":\"B answers the quest"))
                .hasValueSatisfying(v -> assertThat(((Verdict.Scored) v).preference()).isEqualTo(Preference.B_BETTER));
    }

    @Test
    void should_leave_text_answers_to_the_text_parser() {
        String text = "A is better.\n{\"rationale\": \"A.\", \"verdict\": \"A>B\"}";
        assertThat(PairwiseJudge.parseStructured(text)).isEmpty();
        assertThat(PairwiseJudge.parse(text)).isEqualTo(new Verdict.Scored(Preference.A_BETTER, "A."));
        assertThat(PairwiseJudge.parseStructured("{\"verdict\": \"A>")).as("cut off in the verdict").isEmpty();
        assertThat(PairwiseJudge.parseStructured("{\"verdict\": \"maybe\"}")).as("not a label").isEmpty();
        assertThat(PairwiseJudge.parseStructured("")).isEmpty();
    }

    @Test
    void should_offer_a_schema_whose_verdict_is_one_of_the_five_labels_and_nothing_else() {
        JsonObjectSchema root = (JsonObjectSchema) VerdictSchema.SCHEMA.rootElement();
        assertThat(VerdictSchema.SCHEMA.name()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(root.required()).containsExactly("verdict", "rationale");
        assertThat(root.additionalProperties()).isFalse();
        assertThat(root.properties().keySet()).containsExactly("verdict", "rationale");
        assertThat(((JsonEnumSchema) root.properties().get("verdict")).enumValues())
                .containsExactly("A>>B", "A>B", "A=B", "B>A", "B>>A");
    }
}
