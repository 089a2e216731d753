package io.claimbench.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * Imports one benchmark's published verdicts as first-class runs (prompts, both answers, the judge's verdict, the
 * comparison and any human votes). A run's id derives from the content imported, so importing the same file again
 * changes nothing. Implementations are CDI beans, found by {@link ImportService}; a new format is a new bean.
 */
public interface VerdictImporter {

    /** The name callers give ({@code "alpaca-eval"}). */
    String format();

    /** The ids of the runs the file holds, made now or by an earlier import of the same content. */
    List<String> importFile(Path file);
}
