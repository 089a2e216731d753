package io.claimbench.models;

import io.claimbench.support.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingImporterTest {

    private final RecordingImporter importer = new RecordingImporter();

    @Test
    void should_import_shipped_eq_bench_results_by_question_id() {
        Recording r = importer.load("eval-sets/public/eq-bench-v2/gpt-4-0613_eqbench_v2_results.json");
        assertThat(r.format()).isEqualTo("eq-bench-v2");
        assertThat(r.size()).isEqualTo(171);
        assertThat(r.answer("1", "whatever")).get().asString().startsWith("First pass scores:");
    }

    @Test
    void should_import_alpaca_eval_outputs_by_instruction_text() {
        Path file = SharedData.require("alpaca_eval/results/gpt-4o-2024-05-13/model_outputs.json");
        Recording r = importer.load(file.toString());
        assertThat(r.format()).isEqualTo("alpaca-eval");
        assertThat(r.model()).isEqualTo("gpt-4o-2024-05-13");
        assertThat(r.size()).isEqualTo(805);
        assertThat(r.answer(null, "  What are the names of some famous actors that started their careers on Broadway?\n"))
                .get().asString().contains("Broadway");
    }

    @Test
    void should_import_one_model_of_ascii_bench_and_list_the_choices_otherwise() {
        Path file = SharedData.require("ascii-bench/ascii_generations.jsonl");
        Recording r = importer.load(file + "#openai/gpt-5-chat");
        assertThat(r.answer(null, "Create ASCII art of a rocket launching into space.")).isPresent();
        assertThatThrownBy(() -> importer.load(file.toString())).hasMessageContaining("choose a model")
                .hasMessageContaining("x-ai/grok-4");
    }

    /** claude-sonnet-4.5 was run with and without a thinking budget: two variants, 20 answers each, not mixed. */
    @Test
    void should_keep_the_variants_of_a_model_run_under_two_reasoning_settings_apart() throws java.io.IOException {
        Path file = SharedData.require("ascii-bench/ascii_generations.jsonl");
        Recording plain = importer.load(file + "#anthropic/claude-sonnet-4.5");
        Recording thinking = importer.load(file + "#anthropic/claude-sonnet-4.5@max_tokens=16000");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int differing = 0;
        for (String line : java.nio.file.Files.readAllLines(file)) {
            var row = json.readTree(line);
            if (!row.path("model").asText().equals("anthropic/claude-sonnet-4.5")) {
                continue;
            }
            Recording expected = row.path("reasoning_config").isObject() ? thinking : plain;
            assertThat(expected.answer(row.path("prompt_id").asText(), null)).contains(row.path("ascii_art").asText());
            differing += plain.answer(row.path("prompt_id").asText(), null).equals(thinking.answer(row.path("prompt_id").asText(), null)) ? 0 : 1;
        }
        assertThat(differing).isEqualTo(40);
        // a model run one way keeps its plain name
        assertThatThrownBy(() -> importer.load(file + "#anthropic/claude-opus-4.1@max_tokens=16000")).hasMessageContaining("choose a model");
    }

    @Test
    void should_fail_the_item_when_the_recording_lacks_the_prompt() {
        RecordedEndpoint endpoint = new RecordedEndpoint("rec", importer.load("eval-sets/public/eq-bench-v2/gpt-4-0613_eqbench_v2_results.json"));
        assertThatThrownBy(() -> endpoint.generate(new GenerationRequest(null, "Not in the recording", null, null, null, "9999")))
                .isInstanceOf(EndpointException.class)
                .hasMessageContaining("has no answer for this prompt")
                .extracting(e -> ((EndpointException) e).kind()).isEqualTo(EndpointException.Kind.NOT_RECORDED);
    }

    @Test
    void should_reject_unknown_files_with_the_formats_it_reads() {
        assertThatThrownBy(() -> importer.load("pom.xml")).hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> importer.load("no/such/file.json")).hasMessageContaining("recording file not found");
    }

    @Test
    void should_read_retry_after_as_seconds_or_http_date() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(EndpointHttpClient.parseRetryAfter("2", now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(EndpointHttpClient.parseRetryAfter("Fri, 27 Nov 2026 10:00:05 GMT", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(EndpointHttpClient.parseRetryAfter("soon", now)).isNull();
    }

    @Test
    void should_never_show_the_key_in_a_model_spec() {
        ModelSpec s = new ModelSpec("m", Provider.OPENAI, null, "gpt-4o", "sk-secret-123456789", null, null, null, null,
                1, null, null, null, null, false, "api");
        assertThat(s.toString()).doesNotContain("sk-secret-123456789");
        assertThat(Failures.redact("bad key sk-secret-123456789 given", "sk-secret-123456789")).isEqualTo("bad key *** given");
    }
}
