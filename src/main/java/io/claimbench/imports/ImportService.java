package io.claimbench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.EvalSetEntity;
import io.claimbench.catalog.PromptItem;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.judging.ExternalVerdicts;
import io.claimbench.results.RunReport;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.runs.JudgmentEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunState;
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
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Published verdicts of other benchmarks, imported as first-class runs: their prompts, both answers, the judge's
 * verdict, the comparison and any human votes, so that results, comparisons and the leaderboard treat them like
 * any run. A run's id derives from the content imported: importing the same file again changes nothing.
 *
 * <ul>
 *   <li>{@code alpaca-eval}: an AlpacaEval {@code annotations.json}; one run, the evaluated model (output_2) as
 *   candidate against output_1, the judge's probability kept as the win share.</li>
 *   <li>{@code pandalm}: PandaLM's {@code testset-v1.json} with its three human labels per item as votes, and one
 *   run per judge file beside it ({@code <judge>-testset-v1.json}); candidate is the first response.</li>
 * </ul>
 */
@ApplicationScoped
public class ImportService {

    public static final String ALPACA_EVAL = "alpaca-eval";
    public static final String PANDALM = "pandalm";

    private final ObjectMapper json;
    private final Clock clock;

    public ImportService(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The runs an import made (or had made before), each with its results: what REST and the CLI answer. */
    public record Imported(String format, List<RunReport> runs) {
    }

    /** The imported runs' ids (the existing ones for content imported before). */
    public List<String> importFile(String format, Path file) {
        return switch (format) {
            case ALPACA_EVAL -> List.of(alpacaEval(file));
            case PANDALM -> pandalm(file);
            default -> throw new IllegalArgumentException("format: unknown import format '" + format
                    + "' (expected " + ALPACA_EVAL + " or " + PANDALM + ")");
        };
    }

    private String alpacaEval(Path file) {
        byte[] content = read(file);
        String runId = runId(ALPACA_EVAL, content);
        if (exists(runId)) {
            return runId;
        }
        JsonNode annotations = parse(file, content);
        if (!annotations.isArray() || annotations.isEmpty() || !annotations.get(0).has("output_1")
                || !annotations.get(0).has("generator_2")) {
            throw new IllegalArgumentException("path: not AlpacaEval annotations (a list of instruction, output_1, "
                    + "output_2, generator_1, generator_2, preference): " + file.getFileName());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now(clock);
            Batch b = new Batch("alpaca-eval", "AlpacaEval 2.0 instructions (imported)", now);
            JsonNode first = annotations.get(0);
            RunEntity run = b.run(runId, first.path("generator_2").asText(), first.path("generator_1").asText(),
                    first.path("annotator").asText("alpaca-eval-annotator"), ALPACA_EVAL, file, annotations.size());
            for (JsonNode a : annotations) {
                PromptVersionEntity prompt = b.prompt(a.path("instruction").asText(), a.path("dataset").asText("alpaca-eval"));
                WorkItemEntity item = b.item(run, prompt);
                b.answer(run, item, GenerationEntity.BASELINE, run.baseline, a.path("output_1").asText());
                b.answer(run, item, GenerationEntity.CANDIDATE, run.candidate, a.path("output_2").asText());
                JsonNode p = a.get("preference");
                Double preference = p == null || p.isNull() || p.asText().isBlank() ? null : number(p.asText());
                OptionalDouble share = ExternalVerdicts.alpacaEvalShare(preference);
                // AlpacaEval shows the evaluated model second: game 2 in ClaimBench's terms.
                b.judgment(run, item, 2, share.isPresent(), preference == null ? null : Double.toString(preference));
                ComparisonEntity c = b.comparison(run, item, prompt);
                if (share.isEmpty()) {
                    c.outcome = PairOutcome.UNSCORED;
                    c.reason = "no preference in the annotations";
                } else {
                    double x = share.getAsDouble();
                    c.winShare = x;
                    c.outcome = x > 0.5 ? PairOutcome.WIN : x < 0.5 ? PairOutcome.LOSS : PairOutcome.TIE;
                    c.strength = Integer.signum(Double.compare(x, 0.5));
                }
                c.persist();
            }
        });
        return runId;
    }

    private List<String> pandalm(Path file) {
        byte[] content = read(file);
        JsonNode items = parse(file, content);
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
            byte[] judgeContent = read(judgeFile);
            byte[] both = (PromptItem.sha256(new String(content, StandardCharsets.UTF_8)) + "|"
                    + PromptItem.sha256(new String(judgeContent, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
            String runId = runId(PANDALM, both);
            runIds.add(runId);
            if (exists(runId)) {
                continue;
            }
            String judge = judgeFile.getFileName().toString().substring(0,
                    judgeFile.getFileName().toString().length() - suffix.length());
            Map<String, String> verdicts = new HashMap<>();
            for (JsonNode v : parse(judgeFile, judgeContent)) {
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
                Batch b = new Batch("pandalm-testset-v1", "PandaLM test set v1 (imported)", now);
                RunEntity run = b.run(runId, "first response", "second response", judge, PANDALM, judgeFile, items.size());
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

    private static String runId(String format, byte[] content) {
        return UUID.nameUUIDFromBytes(("import|" + format + "|" + PromptItem.sha256(new String(content, StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean exists(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> RunEntity.findById(runId)) != null;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("path: cannot read " + file.getFileName());
        }
    }

    private JsonNode parse(Path file, byte[] content) {
        try {
            return json.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("path: not JSON: " + file.getFileName());
        }
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rows of one import, written in one transaction. */
    private static final class Batch {
        private final String evalSet;
        private final Instant now;
        private final Map<String, PromptVersionEntity> prompts = new HashMap<>();
        /** A prompt compared more than once (other model pairs) is that many samples of it. */
        private final Map<String, Integer> occurrences = new HashMap<>();

        Batch(String evalSet, String title, Instant now) {
            this.evalSet = evalSet;
            this.now = now;
            if (EvalSetEntity.findById(evalSet) == null) {
                EvalSetEntity set = new EvalSetEntity();
                set.id = evalSet;
                set.title = title;
                set.file = "import";
                set.scorer = "imported";
                set.contentHash = "import";
                set.definition = "{\"source\":\"import\"}";
                set.indexedAt = now;
                set.persist();
            }
            PromptVersionEntity.<PromptVersionEntity>list("evalSetId", evalSet).forEach(p -> prompts.put(p.contentHash, p));
        }

        RunEntity run(String id, String candidate, String baseline, String judge, String format, Path file, int items) {
            RunEntity run = new RunEntity();
            run.id = id;
            run.evalSetId = evalSet;
            run.evalSetHash = "import";
            run.candidate = candidate;
            run.baseline = baseline;
            run.scorer = "imported:" + format;
            run.judge = judge;
            run.samples = 1;
            run.concurrency = 1;
            run.state = RunState.COMPLETED;
            run.reason = "imported from " + file.getFileName();
            run.spec = "{\"import\":\"" + format + "\",\"file\":\"" + file.getFileName().toString().replace("\"", "") + "\"}";
            run.gitRevision = "import";
            run.totalItems = items;
            run.createdAt = now;
            run.startedAt = now;
            run.finishedAt = now;
            run.persist();
            return run;
        }

        PromptVersionEntity prompt(String text, String category) {
            String hash = PromptItem.sha256(text + "\u0000");
            return prompts.computeIfAbsent(hash, h -> {
                PromptVersionEntity p = new PromptVersionEntity();
                p.evalSetId = evalSet;
                p.promptId = evalSet + "-" + h.substring(0, 12);
                p.contentHash = h;
                p.category = category;
                p.text = text;
                p.currentVersion = true;
                p.createdAt = now;
                p.persist();
                return p;
            });
        }

        WorkItemEntity item(RunEntity run, PromptVersionEntity prompt) {
            WorkItemEntity item = new WorkItemEntity();
            item.runId = run.id;
            item.promptVersionId = prompt.id;
            item.sampleIndex = occurrences.merge(run.id + "|" + prompt.id, 1, Integer::sum) - 1;
            item.state = WorkItemEntity.DONE;
            item.persist();
            return item;
        }

        void answer(RunEntity run, WorkItemEntity item, String role, String model, String text) {
            GenerationEntity g = new GenerationEntity();
            g.runId = run.id;
            g.workItemId = item.id;
            g.role = role;
            g.modelName = model;
            g.cacheKey = "import";
            g.text = text;
            g.createdAt = now;
            g.persist();
        }

        void judgment(RunEntity run, WorkItemEntity item, int game, boolean scored, String raw) {
            JudgmentEntity j = new JudgmentEntity();
            j.runId = run.id;
            j.workItemId = item.id;
            j.game = game;
            j.judge = run.judge;
            j.outcome = scored ? GameOutcome.SCORED : GameOutcome.UNSCORED;
            j.reason = scored ? null : "the judge's verdict could not be read: " + raw;
            j.raw = raw;
            j.createdAt = now;
            j.persist();
        }

        ComparisonEntity comparison(RunEntity run, WorkItemEntity item, PromptVersionEntity prompt) {
            ComparisonEntity c = new ComparisonEntity();
            c.runId = run.id;
            c.workItemId = item.id;
            c.promptVersionId = prompt.id;
            c.category = prompt.category;
            c.createdAt = now;
            return c;
        }
    }
}
