package io.claimbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --server} reads the server's results documents back into the report the CLI's verdicts, JUnit, Markdown
 * and table are computed from: every recorded document reads, and writes back unchanged, so nothing is lost on the way.
 */
class ResultsDocumentReadTest {

    private final ObjectMapper json = ServerResults.mapper();

    @ParameterizedTest
    @ValueSource(strings = {"eq-bench-v2-results.json", "panel-results.json", "rubric-results.json", "facts-results.json",
            "epochs-results.json", "early-stop-results.json", "speed-results.json", "import-pandalm.json"})
    void should_read_each_results_document_back_field_for_field(String fixture) throws Exception {
        // The fixtures hold placeholders where a run differs from the next; a timestamp must read as one.
        String text = Files.readString(Path.of("src/test/resources/documents", fixture)).replace("\"<timestamp>\"", "\"2026-12-01T10:00:00Z\"")
                .replace("\"<ms>\"", "12.5");
        JsonNode original = json.readTree(text);
        JsonNode document = original.has("runs") ? original.get("runs").get(0) : original; // an import's first run
        JsonNode again = json.readTree(json.writeValueAsString(io.claimbench.api.RunResultsView.of(ServerResults.read(json, document.toString()))));
        assertThat(io.claimbench.support.JsonDiff.firstDifference(document, again)).isEmpty();
    }
}
