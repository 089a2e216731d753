package io.claimbench.checks;

import io.claimbench.catalog.CatalogException;
import io.claimbench.models.StructuredOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A spec model's structured-output setting: the three values, the default, and an unknown value with file and line. */
class StructuredOutputSpecTest {

    @TempDir
    Path dir;

    private Path spec(String models) throws Exception {
        Path file = dir.resolve("claimbench.yaml");
        Files.writeString(file, "models:\n" + models + """
                claims:
                  - {name: c, eval-set: smoke, candidate: real-a, baseline: real-b, judge: real-a}
                """);
        return file;
    }

    @Test
    void should_read_each_setting_and_default_to_auto() throws Exception {
        CheckSpec s = CheckSpecLoader.load(spec("""
                  real-a: {provider: openai, model: a, base-url: "http://127.0.0.1:1/v1", structured-output: json-schema}
                  real-b: {provider: openai, model: b, base-url: "http://127.0.0.1:1/v1"}
                """));
        assertThat(s.models()).extracting(m -> m.spec().structuredOutput())
                .containsExactly(StructuredOutput.JSON_SCHEMA, StructuredOutput.AUTO);
    }

    @Test
    void should_report_an_unknown_value_with_file_and_line() throws Exception {
        Path file = spec("""
                  real-a: {provider: openai, model: a, base-url: "http://127.0.0.1:1/v1"}
                  real-b:
                    provider: openai
                    model: b
                    structured-output: yes-please
                """);
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> CheckSpecLoader.load(file));
        assertThat(e.problems()).containsExactly(new CatalogException.Problem(file.toString(), 6,
                "structured-output 'yes-please' is not one of auto, json-schema, off"));
    }
}
