package io.claimbench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.judging.ExternalVerdicts;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.WorkItemEntity;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An AlpacaEval {@code annotations.json} as one run: the evaluated model (output_2) as candidate against output_1,
 * the judge's probability kept as the win share.
 */
@ApplicationScoped
public class AlpacaEvalImporter implements VerdictImporter {

    static final String FORMAT = "alpaca-eval";

    private final ObjectMapper json;
    private final Clock clock;

    public AlpacaEvalImporter(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> importFile(Path file) {
        return List.of(importOne(file));
    }

    private String importOne(Path file) {
        byte[] content = ImportFiles.read(file);
        String runId = ImportFiles.runId(FORMAT, content);
        if (ImportFiles.exists(runId)) {
            return runId;
        }
        JsonNode annotations = ImportFiles.parse(json, file, content);
        if (!annotations.isArray() || annotations.isEmpty() || !annotations.get(0).has("output_1")
                || !annotations.get(0).has("generator_2")) {
            throw new IllegalArgumentException("path: not AlpacaEval annotations (a list of instruction, output_1, "
                    + "output_2, generator_1, generator_2, preference): " + file.getFileName());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now(clock);
            ImportBatch b = new ImportBatch("alpaca-eval", "AlpacaEval 2.0 instructions (imported)", now);
            JsonNode first = annotations.get(0);
            RunEntity run = b.run(runId, first.path("generator_2").asText(), first.path("generator_1").asText(),
                    first.path("annotator").asText("alpaca-eval-annotator"), FORMAT, file, annotations.size());
            for (JsonNode a : annotations) {
                PromptVersionEntity prompt = b.prompt(a.path("instruction").asText(), a.path("dataset").asText("alpaca-eval"));
                WorkItemEntity item = b.item(run, prompt);
                b.answer(run, item, GenerationEntity.BASELINE, run.baseline, a.path("output_1").asText());
                b.answer(run, item, GenerationEntity.CANDIDATE, run.candidate, a.path("output_2").asText());
                JsonNode p = a.get("preference");
                Double preference = p == null || p.isNull() || p.asText().isBlank() ? null : ImportFiles.number(p.asText());
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
}
