package io.claimbench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.PromptItem;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.WorkItemEntity;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PandaLM's {@code testset-v1.json} with its three human labels per item as votes, and one run per judge file
 * beside it ({@code <judge>-testset-v1.json}); the candidate is the first response.
 */
@ApplicationScoped
public class PandaLmImporter implements VerdictImporter {

    static final String FORMAT = "pandalm";

    private final ObjectMapper json;
    private final Clock clock;

    public PandaLmImporter(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> importFile(Path file) {
        byte[] content = ImportFiles.read(file);
        JsonNode items = ImportFiles.parse(json, file, content);
        if (!items.isArray() || items.isEmpty() || !items.get(0).has("annotator1") || !items.get(0).has("response1")) {
            throw new IllegalArgumentException("path: not a PandaLM test set (a list of idx, instruction, input, "
                    + "response1, response2, annotator1..3): " + file.getFileName());
        }
        String suffix = "-" + file.getFileName();
        List<Path> judgeFiles;
        try (Stream<Path> s = Files.list(file.toAbsolutePath().getParent())) {
            judgeFiles = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("path: cannot list the folder of " + file.getFileName());
        }
        if (judgeFiles.isEmpty()) {
            throw new IllegalArgumentException("path: no judge verdicts beside " + file.getFileName()
                    + " (expected files named <judge>" + suffix + ")");
        }
        List<String> runIds = new ArrayList<>();
        for (Path judgeFile : judgeFiles) {
            byte[] judgeContent = ImportFiles.read(judgeFile);
            byte[] both = (PromptItem.sha256(new String(content, StandardCharsets.UTF_8)) + "|"
                    + PromptItem.sha256(new String(judgeContent, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
            String runId = ImportFiles.runId(FORMAT, both);
            runIds.add(runId);
            if (ImportFiles.exists(runId)) {
                continue;
            }
            String judge = judgeFile.getFileName().toString().substring(0,
                    judgeFile.getFileName().toString().length() - suffix.length());
            Map<String, String> verdicts = new HashMap<>();
            for (JsonNode v : ImportFiles.parse(json, judgeFile, judgeContent)) {
                String key = null;
                for (var it = v.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (f.endsWith("_result")) {
                        key = f;
                    }
                }
                verdicts.put(v.path("idx").asText(), key == null ? null : v.get(key).asText());
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = Instant.now(clock);
                ImportBatch b = new ImportBatch("pandalm-testset-v1", "PandaLM test set v1 (imported)", now);
                RunEntity run = b.run(runId, "first response", "second response", judge, FORMAT, judgeFile, items.size());
                for (JsonNode item : items) {
                    String prompt = item.path("instruction").asText() + (item.path("input").asText().isBlank() ? ""
                            : "\n\n" + item.path("input").asText());
                    PromptVersionEntity pv = b.prompt(prompt, item.path("motivation_app").asText("pandalm"));
                    WorkItemEntity w = b.item(run, pv);
                    String[] models = item.path("cmp_key").asText("first_second").split("_", 2);
                    b.answer(run, w, GenerationEntity.CANDIDATE, models[0], item.path("response1").asText());
                    b.answer(run, w, GenerationEntity.BASELINE, models.length > 1 ? models[1] : "second", item.path("response2").asText());
                    String verdict = verdicts.get(item.path("idx").asText());
                    PairOutcome outcome = pandalmOutcome(verdict);
                    b.judgment(run, w, 1, outcome != null, verdict);
                    ComparisonEntity c = b.comparison(run, w, pv);
                    if (outcome == null) {
                        c.outcome = PairOutcome.UNSCORED;
                        c.reason = "judge verdict '" + verdict + "' is not 0, 1, 2 or Tie";
                    } else {
                        c.outcome = outcome;
                        c.strength = outcome == PairOutcome.WIN ? 1 : outcome == PairOutcome.LOSS ? -1 : 0;
                    }
                    c.persist();
                    for (int a = 1; a <= 3; a++) {
                        PairOutcome vote = pandalmOutcome(item.path("annotator" + a).asText());
                        if (vote != null) {
                            HumanVoteEntity h = new HumanVoteEntity();
                            h.comparisonId = c.id;
                            h.voter = "pandalm-annotator-" + a;
                            h.outcome = vote;
                            h.createdAt = now;
                            h.persist();
                        }
                    }
                }
            });
        }
        return runIds;
    }

    /** PandaLM's labels: 1 the first response is better (the candidate wins), 2 the second, 0 or Tie a tie. */
    static PairOutcome pandalmOutcome(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim()) {
            case "1" -> PairOutcome.WIN;
            case "2" -> PairOutcome.LOSS;
            case "0", "Tie", "tie" -> PairOutcome.TIE;
            default -> null;
        };
    }
}
