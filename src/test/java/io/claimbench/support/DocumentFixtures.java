package io.claimbench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON documents the API answers, kept as fixtures: in record mode ({@code -Ddocuments.record=true} or
 * {@code DOCUMENTS_RECORD=true}) each document is written, normalised, to {@code <dir>/<name>.json}; otherwise
 * it is compared with that file field by field ({@link JsonDiff}) and every difference is kept for one failure
 * at the end, so that one run shows all documents that changed.
 *
 * <p>Normalised away is only what differs from one execution to the next: the random ids of the runs the test
 * started (each replaced by the name the test gave it), timestamps, the code revision, and every figure measured
 * from wall-clock timings (latency and time to first token, and the ratios of efficiency claims on them; their n,
 * level, method, threshold and verdict stay). The parts of a
 * stored answer score ({@code candidateDetail.parts}) are compared in name order: the scorers build them with
 * {@code Map.copyOf}, whose order changes from one JVM to the next, and they are stored in that order. Cohen's
 * kappa may differ in its last bits: {@code stats.Agreement} sums chance agreement over a hash set of labels, whose
 * order follows the labels' identity hash codes.
 */
public final class DocumentFixtures {

    private static final Set<String> TIMESTAMPS = Set.of("createdAt", "startedAt", "finishedAt");
    private static final Set<String> TIMINGS = Set.of("latencyMs", "firstTokenMs");
    private static final Set<String> TIMING_METRICS = Set.of("latency-ratio", "first-token-ratio");
    private static final Set<String> KEPT_IN_TIMINGS = Set.of("n", "level", "threshold");
    private static final Set<String> UNORDERED = Set.of("parts");
    private static final Set<String> APPROXIMATE = Set.of("kappa");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path dir;
    private final boolean record;
    private final Map<String, String> runNames = new HashMap<>();
    private final List<String> differences = new ArrayList<>();
    private final List<String> written = new ArrayList<>();

    public DocumentFixtures(Path dir, boolean record) {
        this.dir = dir;
        this.record = record;
    }

    /** Record mode when asked for by the system property or the environment variable. */
    public static DocumentFixtures in(Path dir) {
        boolean record = Boolean.getBoolean("documents.record") || "true".equalsIgnoreCase(System.getenv("DOCUMENTS_RECORD"));
        return new DocumentFixtures(dir, record);
    }

    public boolean recording() {
        return record;
    }

    /** A run id the test got back, shown in documents as {@code <run:name>}. */
    public void nameRun(String runId, String name) {
        runNames.put(runId, "<run:" + name + ">");
    }

    /** Records or compares one document, given as the text the API answered. */
    public void check(String name, String body) {
        try {
            check(name, JSON.readTree(body));
        } catch (IOException e) {
            differences.add(name + ": not JSON: " + e.getMessage());
        }
    }

    public void check(String name, JsonNode document) {
        JsonNode actual = normalise(null, document, false);
        Path file = dir.resolve(name + ".json");
        try {
            if (record) {
                Files.createDirectories(dir);
                Files.writeString(file, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
                written.add(file.toString());
                return;
            }
            if (!Files.exists(file)) {
                differences.add(name + ": no fixture at " + file + " (record it with -Ddocuments.record=true)");
                return;
            }
            Optional<String> d = JsonDiff.firstDifference(JSON.readTree(file.toFile()), actual, APPROXIMATE);
            d.ifPresent(s -> differences.add(name + ": " + s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every difference found, one per line; empty when all documents matched (or were recorded). */
    public List<String> differences() {
        return List.copyOf(differences);
    }

    public List<String> written() {
        return List.copyOf(written);
    }

    private JsonNode normalise(String field, JsonNode node, boolean timing) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            boolean timed = timing || TIMING_METRICS.contains(node.path("metric").asText());
            var fields = node.properties().stream();
            if (named(UNORDERED, field)) {
                fields = fields.sorted(Map.Entry.comparingByKey());
            }
            fields.forEach(e -> out.set(e.getKey(), normalise(e.getKey(), e.getValue(), timed || named(TIMINGS, e.getKey()))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(e -> out.add(normalise(field, e, timing)));
            return out;
        }
        if (node.isNull()) {
            return node;
        }
        if (named(TIMESTAMPS, field)) {
            return NODES.textNode("<timestamp>");
        }
        if ("gitRevision".equals(field)) {
            return NODES.textNode("<git-revision>");
        }
        if (node.isTextual() && runNames.containsKey(node.asText())) {
            return NODES.textNode(runNames.get(node.asText()));
        }
        if (timing && node.isNumber() && !named(KEPT_IN_TIMINGS, field)) {
            return NODES.textNode("<ms>");
        }
        return node;
    }

    /** The root and array elements have no field name; Set.of refuses to look up null. */
    private static boolean named(Set<String> names, String field) {
        return field != null && names.contains(field);
    }
}
