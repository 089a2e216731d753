package io.claimbench.models;

import io.claimbench.support.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published Judgemark test set: 19 models' creative writing on the 19 Judgemark prompts, one model at a time. */
class JudgemarkRecordingTest {

    static final List<String> MODELS = List.of("gpt-4-0125-preview", "claude-3-opus-20240229", "claude-3-sonnet-20240229",
            "claude-3-haiku-20240307", "mistral-small", "mistral-medium", "mistral-large-2402", "gpt-3.5-turbo-0301",
            "01-ai/Yi-34B-Chat", "openchat/openchat-3.5-1210", "garage-bAInd/Platypus2-70B-instruct",
            "mistralai/Mixtral-8x7B-Instruct-v0.1", "Qwen/Qwen1.5-14B-Chat", "Qwen/Qwen1.5-4B-Chat", "google/gemma-2b-it",
            "google/gemma-7b-it", "meta-llama/Llama-2-7b-chat-hf", "meta-llama/Llama-2-13b-chat-hf",
            "sophosympatheia/Midnight-Miqu-70B-v1.5");
    static final List<String> PROMPT_KEYS = List.of("1", "2", "5", "6", "7", "8", "9", "10", "19", "20", "21", "22", "23",
            "24", "25", "26", "27", "28", "29");

    private final RecordingImporter importer = new RecordingImporter();

    @Test
    void should_replay_each_of_the_19_models_on_the_19_prompts_by_prompt_key() {
        Path file = SharedData.require("eq-bench/data/judgemark_test_set.json");
        for (String model : MODELS) {
            Recording r = importer.load(file + "#" + model);
            assertThat(r.format()).isEqualTo("judgemark");
            assertThat(r.model()).isEqualTo(model);
            // The published set lacks one output: Yi-34B-Chat on prompt 10. Replay leaves that item unanswered.
            boolean yi = model.equals("01-ai/Yi-34B-Chat");
            assertThat(r.size()).as(model).isEqualTo(yi ? 18 : 19);
            PROMPT_KEYS.stream().filter(key -> !yi || !key.equals("10")).forEach(key ->
                    assertThat(r.answer(key, "not used")).as(model + " " + key).get().asString().isNotBlank());
            assertThat(r.answer("10", "not used").isPresent()).as(model).isEqualTo(!yi);
        }
        Recording gpt4 = importer.load(file + "#gpt-4-0125-preview");
        assertThat(gpt4.answer("1", null)).get().asString().startsWith("**Day 1**\n\nThey came today. Two children,");
        // The outputs carry no prompt text: a prompt without its Judgemark key finds nothing.
        assertThat(gpt4.answer("3", "Fairy Tale Retelling")).isEmpty();
    }

    @Test
    void should_list_the_19_models_when_none_or_an_unknown_one_is_chosen() {
        Path file = SharedData.require("eq-bench/data/judgemark_test_set.json");
        assertThatThrownBy(() -> importer.load(file + "#gpt-4o")).hasMessageStartingWith("choose a model of ")
                .hasMessageContaining("with '#<model>', one of [01-ai/Yi-34B-Chat, Qwen/Qwen1.5-14B-Chat")
                .satisfies(e -> MODELS.forEach(m -> assertThat(e.getMessage()).contains(m)));
        assertThatThrownBy(() -> importer.load(file.toString())).hasMessageContaining("choose a model")
                .hasMessageContaining("sophosympatheia/Midnight-Miqu-70B-v1.5");
    }
}
