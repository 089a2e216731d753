package io.claimbench.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFamilyTest {

    @Test
    void should_flag_a_judge_of_a_contestants_family() {
        assertThat(ModelFamily.of("openai:gpt-4.1")).isEqualTo("gpt");
        assertThat(ModelFamily.of("o3-mini")).isEqualTo("gpt");
        assertThat(ModelFamily.of("anthropic/claude-opus-4.1")).isEqualTo("claude");
        assertThat(ModelFamily.of("TheBloke/Mixtral-8x7B")).isEqualTo("mistral");
        assertThat(ModelFamily.of("my-model")).isNull();
        assertThat(ModelFamily.shared("openai:gpt-4.1", "gpt-4.5-preview", "claude-3-opus")).isEqualTo("gpt-4.5-preview");
        assertThat(ModelFamily.shared("gemini-2.5-pro", "gpt-4o", "claude-3-opus")).isNull();
    }
}
