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
 * The questions of EQ-Bench v2 ({@code eq_bench_v2_questions_171.json}: an object keyed by question number, each with
 * {@code prompt} and {@code reference_answer_fullscale}). The reference is kept as JSON for the eq-bench-v2 scorer;
 * each question keeps its number as source id, so that published results replay against it.
 */
final class EqBenchV2Prompts {

    static final String FORMAT = "eq-bench-v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EqBenchV2Prompts() {
    }

    /** The questions in the order of their numbers; each problem goes to {@code problem}. */
    static List<PromptItem> read(Path file, String category, Consumer<String> problem) {
        try {
            JsonNode root = JSON.readTree(java.nio.file.Files.readAllBytes(file));
            List<PromptItem> out = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            keys.sort(Comparator.comparingInt(k -> k.matches("\\d+") ? Integer.parseInt(k) : Integer.MAX_VALUE));
            for (String qid : keys) {
                JsonNode q = root.get(qid);
                JsonNode prompt = q.get("prompt");
                JsonNode ref = q.get("reference_answer_fullscale");
                if (prompt == null || ref == null) {
                    problem.accept("question '" + qid + "' in " + file + " lacks prompt or reference_answer_fullscale");
                    continue;
                }
                out.add(PromptItem.of("eq-bench-v2-" + qid, category == null ? "eq-bench" : category,
                        prompt.asText().strip(), JSON.writeValueAsString(ref), qid));
            }
            return out;
        } catch (IOException e) {
            problem.accept("cannot read question file " + file + ": " + e.getMessage());
            return List.of();
        }
    }
}
