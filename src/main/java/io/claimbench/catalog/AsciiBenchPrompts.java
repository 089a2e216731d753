package io.claimbench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The prompts of an ascii-bench generations file ({@code ascii_generations.jsonl}: one generation a line, with
 * {@code prompt_id} and {@code prompt_text}), each once, in id order, keeping the ascii-bench id as source id so
 * that the file's generations replay against them. For data installed beside ClaimBench rather than shipped.
 */
final class AsciiBenchPrompts {

    static final String FORMAT = "ascii-bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsciiBenchPrompts() {
    }

    static List<PromptItem> read(Path file, String category, Consumer<String> problem) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problem.accept("cannot read prompt file " + file + ": " + e.getMessage());
            return List.of();
        }
        Map<String, String> byId = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                problem.accept(file + " line " + (i + 1) + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
                return List.of();
            }
            String id = row.path("prompt_id").asText("");
            String text = row.path("prompt_text").asText("");
            if (!id.matches("[A-Za-z0-9-]{1,40}") || text.isBlank()) {
                problem.accept(file + " line " + (i + 1) + " has no usable prompt_id and prompt_text");
                return List.of();
            }
            String earlier = byId.putIfAbsent(id, text);
            if (earlier != null && !earlier.equals(text)) {
                problem.accept(file + " line " + (i + 1) + ": prompt '" + id + "' has two different texts");
                return List.of();
            }
        }
        List<PromptItem> out = new ArrayList<>();
        byId.forEach((id, text) -> out.add(PromptItem.of(FORMAT + "-" + id.toLowerCase(java.util.Locale.ROOT),
                category == null ? "ascii-art" : category, text.strip(), null, id)));
        if (out.isEmpty()) {
            problem.accept("prompt file " + file + " holds no generation");
        }
        return out;
    }
}
