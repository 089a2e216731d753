package io.claimbench.cli;

import io.claimbench.support.PackagedCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.DocumentFixtures;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the CLI prints for compare, plan and import, field for field, as recorded before the API had types
 * of its own ({@code src/test/resources/documents/cli-*.json}; see {@code DocumentCompatibilityTest}).
 */
@QuarkusMainIntegrationTest
@TestProfile(CliDocumentCompatibilityIT.ShippedCatalog.class)
class CliDocumentCompatibilityIT {

    private static final Path IMPORTS = Path.of("target/documents-import-cli");

    /** The CLI's own profile on the shipped catalog, with a database of its own. */
    public static class ShippedCatalog implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "cli";
        }

        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return PackagedCli.asShipped(java.util.Map.of("claimbench.catalog.eval-sets-dir", "eval-sets",
                    "claimbench.runs.resume-on-start", "false", "quarkus.datasource.jdbc.url", "jdbc:h2:mem:cli-documents;DB_CLOSE_DELAY=-1"));
        }
    }

    @Test
    void should_print_the_same_documents_as_before_the_api_had_types_of_its_own(QuarkusMainLauncher launcher) throws Exception {
        DocumentFixtures documents = DocumentFixtures.in(Path.of("src/test/resources/documents"));
        ObjectMapper json = new ObjectMapper();

        JsonNode compare = json.readTree(output(launcher.launch("compare", "--eval-set", "eq-bench-v2",
                "--candidate", "gpt-4-1106-preview", "--baseline", "gpt-4-0613", "--format", "json")));
        documents.nameRun(compare.path("run").path("id").asText(), "compare");
        documents.check("cli-compare", compare);

        documents.check("cli-plan", output(launcher.launch("plan", "--expected", "0.6", "--eval-set", "eq-bench-v2",
                "--candidate", "gpt-4-1106-preview", "--baseline", "gpt-4-0613", "--judge", "gpt-4-0613",
                "--judge", "gpt-4-1106-preview", "--swap", "adaptive")));

        Files.createDirectories(IMPORTS);
        Path file = IMPORTS.resolve("annotations.json");
        Files.writeString(file, """
                [{"dataset":"helpful_base","instruction":"Name a colour.","output_1":"Blue.","output_2":"Teal, a blue-green.",
                  "generator_1":"base-reference","generator_2":"cand-imported","annotator":"cli-annotator","preference":1.9},
                 {"dataset":"koala","instruction":"Count to three.","output_1":"1 2 3","output_2":"One.",
                  "generator_1":"base-reference","generator_2":"cand-imported","annotator":"cli-annotator","preference":1.2},
                 {"dataset":"koala","instruction":"Say hello.","output_1":"Hello.","output_2":"Hello!",
                  "generator_1":"base-reference","generator_2":"cand-imported","annotator":"cli-annotator","preference":1.5}]
                """);
        documents.check("cli-import", output(launcher.launch("import", "alpaca-eval", file.toString())));

        assertThat(documents.differences()).as("documents that differ from their fixtures").isEmpty();
    }

    private static String output(LaunchResult result) {
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        return result.getOutput();
    }
}
