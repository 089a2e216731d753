package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.EvalSetEntity;
import io.claimbench.catalog.PromptItem;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.judging.ExternalVerdicts;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Published verdicts of other benchmarks, imported as first-class runs: their prompts, both answers, the judge's
 * verdict and the comparison, so that results, comparisons and the leaderboard treat them like any run. The run's
 * id derives from the file's content: importing the same file again changes nothing.
 */
@ApplicationScoped
public class ImportService {

    public static final String ALPACA_EVAL = "alpaca-eval";
    static final String ALPACA_EVAL_SET = "alpaca-eval";

    private final ObjectMapper json;
    private final Clock clock;

    public ImportService(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The imported run's id (the existing one when this file was imported before). */
    public String importFile(String format, Path file) {
        if (!ALPACA_EVAL.equals(format)) {
            throw new IllegalArgumentException("format: unknown import format '" + format + "' (expected alpaca-eval)");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("path: cannot read " + file);
        }
        String runId = UUID.nameUUIDFromBytes(("import|" + format + "|" + PromptItem.sha256(new String(content,
                java.nio.charset.StandardCharsets.UTF_8))).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        if (QuarkusTransaction.requiringNew().call(() -> RunEntity.findById(runId)) != null) {
            return runId;
        }
        JsonNode annotations;
        try {
            annotations = json.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("path: not JSON: " + file.getFileName());
        }
        if (!annotations.isArray() || annotations.isEmpty() || !annotations.get(0).has("output_1")
                || !annotations.get(0).has("generator_2")) {
            throw new IllegalArgumentException("path: not AlpacaEval annotations (a list of instruction, output_1, "
                    + "output_2, generator_1, generator_2, preference): " + file.getFileName());
        }
        QuarkusTransaction.requiringNew().run(() -> store(runId, file, annotations));
        return runId;
    }

    private void store(String runId, Path file, JsonNode annotations) {
        Instant now = Instant.now(clock);
        if (EvalSetEntity.findById(ALPACA_EVAL_SET) == null) {
            EvalSetEntity set = new EvalSetEntity();
            set.id = ALPACA_EVAL_SET;
            set.title = "AlpacaEval 2.0 instructions (imported)";
            set.file = "import:" + ALPACA_EVAL;
            set.scorer = "imported";
            set.contentHash = "import";
            set.definition = "{\"source\":\"imported AlpacaEval annotations\"}";
            set.indexedAt = now;
            set.persist();
        }
        Map<String, PromptVersionEntity> prompts = new HashMap<>();
        PromptVersionEntity.<PromptVersionEntity>list("evalSetId", ALPACA_EVAL_SET).forEach(p -> prompts.put(p.contentHash, p));
        JsonNode first = annotations.get(0);
        RunEntity run = new RunEntity();
        run.id = runId;
        run.evalSetId = ALPACA_EVAL_SET;
        run.evalSetHash = "import";
        run.candidate = first.path("generator_2").asText();
        run.baseline = first.path("generator_1").asText();
        run.scorer = "imported:" + ALPACA_EVAL;
        run.judge = first.path("annotator").asText("alpaca-eval-annotator");
        run.samples = 1;
        run.concurrency = 1;
        run.state = RunState.COMPLETED;
        run.reason = "imported from " + file.getFileName();
        run.spec = "{\"import\":\"" + ALPACA_EVAL + "\",\"file\":\"" + file.getFileName().toString().replace("\"", "") + "\"}";
        run.gitRevision = "import";
        run.totalItems = annotations.size();
        run.createdAt = now;
        run.startedAt = now;
        run.finishedAt = now;
        run.persist();
        for (JsonNode a : annotations) {
            String instruction = a.path("instruction").asText();
            String hash = PromptItem.sha256(instruction + "\u0000");
            PromptVersionEntity prompt = prompts.computeIfAbsent(hash, h -> {
                PromptVersionEntity p = new PromptVersionEntity();
                p.evalSetId = ALPACA_EVAL_SET;
                p.promptId = "alpaca-eval-" + h.substring(0, 12);
                p.contentHash = h;
                p.category = a.path("dataset").asText("alpaca-eval");
                p.text = instruction;
                p.currentVersion = true;
                p.createdAt = now;
                p.persist();
                return p;
            });
            WorkItemEntity item = new WorkItemEntity();
            item.runId = runId;
            item.promptVersionId = prompt.id;
            item.state = WorkItemEntity.DONE;
            item.persist();
            answer(runId, item.id, GenerationEntity.BASELINE, run.baseline, a.path("output_1").asText(), now).persist();
            answer(runId, item.id, GenerationEntity.CANDIDATE, run.candidate, a.path("output_2").asText(), now).persist();

            JsonNode p = a.get("preference");
            Double preference = p == null || p.isNull() || p.asText().isBlank() ? null : parse(p.asText());
            OptionalDouble share = ExternalVerdicts.alpacaEvalShare(preference);
            JudgmentEntity j = new JudgmentEntity();
            j.runId = runId;
            j.workItemId = item.id;
            j.game = 2; // AlpacaEval shows the evaluated model second
            j.judge = run.judge;
            j.outcome = share.isPresent() ? "SCORED" : "UNSCORED";
            j.reason = share.isPresent() ? null : "no preference in the annotations";
            j.raw = preference == null ? null : Double.toString(preference);
            j.createdAt = now;
            j.persist();

            ComparisonEntity c = new ComparisonEntity();
            c.runId = runId;
            c.workItemId = item.id;
            c.promptVersionId = prompt.id;
            c.category = prompt.category;
            c.createdAt = now;
            if (share.isEmpty()) {
                c.outcome = PairOutcome.UNSCORED;
                c.reason = "no preference in the annotations";
            } else {
                double x = share.getAsDouble();
                c.winShare = x;
                c.outcome = x > 0.5 ? PairOutcome.WIN : x < 0.5 ? PairOutcome.LOSS : PairOutcome.TIE;
                c.strength = x > 0.5 ? 1 : x < 0.5 ? -1 : 0;
            }
            c.persist();
        }
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static GenerationEntity answer(String runId, long itemId, String role, String model, String text, Instant now) {
        GenerationEntity g = new GenerationEntity();
        g.runId = runId;
        g.workItemId = itemId;
        g.role = role;
        g.modelName = model;
        g.cacheKey = "import";
        g.text = text;
        g.createdAt = now;
        return g;
    }

    /** Formats this service reads. */
    public static List<String> formats() {
        return List.of(ALPACA_EVAL);
    }
}
