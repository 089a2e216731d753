package io.claimbench.imports;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    public static final String ALPACA_EVAL = AlpacaEvalImporter.FORMAT;
    public static final String PANDALM = PandaLmImporter.FORMAT;

    private final Map<String, VerdictImporter> byFormat = new java.util.TreeMap<>();

    public ImportService(@All List<VerdictImporter> importers) {
        importers.forEach(i -> byFormat.put(i.format(), i));
    }

    /** The imported runs' ids (the existing ones for content imported before). */
    public List<String> importFile(String format, Path file) {
        VerdictImporter importer = byFormat.get(format);
        if (importer == null) {
            throw new IllegalArgumentException("format: unknown import format '" + (format == null ? null
                    : format.length() > 64 ? format.substring(0, 64) + "..." : format) + "' (expected "
                    + String.join(" or ", byFormat.keySet()) + ")");
        }
        return importer.importFile(file);
    }
}
