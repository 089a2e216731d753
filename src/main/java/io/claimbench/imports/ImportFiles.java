package io.claimbench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.PromptItem;
import io.claimbench.runs.RunEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Reading an import's files, and the content-derived run ids that make a second import of the same file a no-op. */
final class ImportFiles {

    private ImportFiles() {
    }

    static String runId(String format, byte[] content) {
        return UUID.nameUUIDFromBytes(("import|" + format + "|" + PromptItem.sha256(new String(content, StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static boolean exists(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> RunEntity.findById(runId)) != null;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("path: cannot read " + file.getFileName());
        }
    }

    static JsonNode parse(ObjectMapper json, Path file, byte[] content) {
        try {
            return json.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("path: not JSON: " + file.getFileName());
        }
    }

    static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
