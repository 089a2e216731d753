package io.claimbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads published model outputs, detecting the format: EQ-Bench v2 results ({@code raw_results.<run>.raw_inference}),
 * AlpacaEval {@code model_outputs.json} (a list of instruction/output), ascii-bench {@code ascii_generations.jsonl}
 * (one generation a line, several models: choose one with {@code file#model}) or EQ-Bench's Judgemark test set
 * ({@code judgemark_test_set.json}: model, then prompt id, then output; choose a model with {@code file#model}).
 */
public final class RecordingImporter {

    private final ObjectMapper json = new ObjectMapper();

    /** {@code location} is a path, optionally followed by {@code #model} for files holding several models. */
    public Recording load(String location) {
        int hash = location.lastIndexOf('#');
        String path = hash > 0 ? location.substring(0, hash) : location;
        String model = hash > 0 ? location.substring(hash + 1) : null;
        Path file = io.claimbench.catalog.Bundle.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("recording file not found: " + path);
        }
        try {
            if (path.endsWith(".jsonl")) {
                return asciiBench(file, model);
            }
            JsonNode root = readTree(file);
            if (root.isObject() && root.has("raw_results")) {
                return eqBench(root, file);
            }
            if (root.isArray() && !root.isEmpty() && root.get(0).has("instruction") && root.get(0).has("output")) {
                return alpacaEval(root, file);
            }
            if (isJudgemark(root)) {
                return judgemark(root, file, model);
            }
            throw new IllegalArgumentException("unrecognised recording format: " + path
                    + " (expected EQ-Bench v2 results, AlpacaEval model_outputs.json, ascii-bench .jsonl or a Judgemark test set)");
        } catch (IOException e) {
            throw new IllegalArgumentException("recording " + path + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode readTree(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return json.readTree(in);
        }
    }

    /** A generation's reasoning settings as {@code key=value,...} in key order; empty when it has none. */
    private static String config(JsonNode row) {
        JsonNode c = row.path("reasoning_config");
        if (!c.isObject() || c.isEmpty()) {
            return "";
        }
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        c.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
    }

    private Recording eqBench(JsonNode root, Path file) {
        JsonNode runs = root.get("raw_results");
        Iterator<String> names = runs.fieldNames();
        if (!names.hasNext()) {
            throw new IllegalArgumentException("EQ-Bench results without runs: " + file);
        }
        // The first iteration is the published one; later iterations are repeats of the same questions.
        JsonNode inference = runs.get(names.next()).get("raw_inference");
        if (inference == null || !inference.isObject()) {
            throw new IllegalArgumentException("EQ-Bench results without raw_inference: " + file);
        }
        Map<String, String> byId = new HashMap<>();
        inference.fields().forEachRemaining(e -> byId.put(e.getKey(), e.getValue().asText()));
        String model = root.path("model_path").asText(file.getFileName().toString());
        return new Recording("eq-bench-v2", model, byId, Map.of());
    }

    private Recording alpacaEval(JsonNode root, Path file) {
        Map<String, String> byText = new HashMap<>();
        String model = null;
        for (JsonNode item : root) {
            byText.put(Recording.textKey(item.path("instruction").asText()), item.path("output").asText());
            model = model == null ? item.path("generator").asText(null) : model;
        }
        return new Recording("alpaca-eval", model == null ? file.getFileName().toString() : model, Map.of(), byText);
    }

    /**
     * One model of an ascii-bench file. A model run under several reasoning settings (claude-sonnet-4.5 with and
     * without a thinking budget) is several variants: the one without settings keeps the model's name, the others
     * are named {@code model@key=value}, e.g. {@code anthropic/claude-sonnet-4.5@max_tokens=16000}.
     */
    private Recording asciiBench(Path file, String model) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<JsonNode> rows = new java.util.ArrayList<>();
        Map<String, Set<String>> configs = new HashMap<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                rows.add(row);
                configs.computeIfAbsent(row.path("model").asText(), k -> new TreeSet<>()).add(config(row));
            }
        }
        Set<String> models = new TreeSet<>();
        Map<String, String> byId = new HashMap<>();
        Map<String, String> byText = new HashMap<>();
        for (JsonNode row : rows) {
            String base = row.path("model").asText();
            String config = config(row);
            String m = configs.get(base).size() > 1 && !config.isEmpty() ? base + "@" + config : base;
            models.add(m);
            if (m.equals(model)) {
                byId.put(row.path("prompt_id").asText(), row.path("ascii_art").asText());
                byText.put(Recording.textKey(row.path("prompt_text").asText()), row.path("ascii_art").asText());
            }
        }
        if (model == null || !models.contains(model)) {
            throw new IllegalArgumentException("choose a model of " + file + " with '#<model>', one of " + models);
        }
        return new Recording("ascii-bench", model, byId, byText);
    }

    /** An object of models, each an object of prompt id to output text. */
    private static boolean isJudgemark(JsonNode root) {
        if (!root.isObject() || root.isEmpty()) {
            return false;
        }
        for (JsonNode outputs : root) {
            if (!outputs.isObject() || outputs.isEmpty()) {
                return false;
            }
            for (JsonNode text : outputs) {
                if (!text.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }

    private Recording judgemark(JsonNode root, Path file, String model) {
        if (model == null || !root.has(model)) {
            Set<String> models = new TreeSet<>();
            root.fieldNames().forEachRemaining(models::add);
            throw new IllegalArgumentException("choose a model of " + file + " with '#<model>', one of " + models);
        }
        // Judgemark outputs carry no prompt text: they are found by the prompt's key (the eval set's source id).
        Map<String, String> byId = new HashMap<>();
        root.get(model).fields().forEachRemaining(e -> byId.put(e.getKey(), e.getValue().asText()));
        return new Recording("judgemark", model, byId, Map.of());
    }

}
