package io.claimbench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The creative-writing prompts of EQ-Bench's Judgemark ({@code creative_writing_prompts.json}: an object keyed by
 * prompt id, each with {@code writing_prompt} and {@code seed_modifiers}). Each prompt keeps its key as source id,
 * so that the published Judgemark outputs replay against it. The {@code <SEED>} slot is filled with the first seed
 * modifier, as EQ-Bench fills it on a run's first iteration.
 */
final class JudgemarkPrompts {

    static final String FORMAT = "judgemark";
    static final String SEED = "<SEED>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgemarkPrompts() {
    }

    /** The prompts in the order of their numeric keys; each problem goes to {@code problem}. */
    static List<PromptItem> read(Path file, String category, Consumer<String> problem) {
        JsonNode root;
        try {
            root = JSON.readTree(java.nio.file.Files.readAllBytes(file));
        } catch (IOException e) {
            problem.accept("cannot read prompt file " + file + ": " + e.getMessage());
            return List.of();
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            problem.accept("prompt file " + file + " is not an object of Judgemark prompts keyed by id");
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        keys.sort(Comparator.comparingInt((String k) -> k.matches("\\d{1,9}") ? Integer.parseInt(k) : Integer.MAX_VALUE)
                .thenComparing(Comparator.naturalOrder()));
        List<PromptItem> out = new ArrayList<>();
        for (String key : keys) {
            JsonNode prompt = root.get(key).path("writing_prompt");
            if (!key.matches("[A-Za-z0-9-]{1,40}")) {
                problem.accept("prompt key '" + key + "' in " + file + " is not letters, digits and dashes");
            } else if (!prompt.isTextual() || prompt.asText().isBlank()) {
                problem.accept("prompt '" + key + "' in " + file + " has no writing_prompt");
            } else {
                out.add(PromptItem.of(FORMAT + "-" + key.toLowerCase(java.util.Locale.ROOT),
                        category == null ? "creative-writing" : category,
                        text(prompt.asText(), root.get(key).path("seed_modifiers").path(0).asText("")), null, key));
            }
        }
        return out;
    }

    /** The writing prompt with its seed slot filled; without a seed, the slot and the space after it go. */
    static String text(String writingPrompt, String seed) {
        String filled = seed.isBlank() ? writingPrompt.replaceAll(java.util.regex.Pattern.quote(SEED) + "\\s*", "")
                : writingPrompt.replace(SEED, seed.strip());
        return filled.strip();
    }
}
