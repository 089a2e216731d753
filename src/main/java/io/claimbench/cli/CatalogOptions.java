package io.claimbench.cli;

import io.claimbench.catalog.CatalogService;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command finds the user's own files and keeps its data: eval sets besides the shipped ones, a prompts folder
 * for their judge templates, and the data folder (read before start-up by {@link DataDir}; declared here so that it
 * is checked and shown in the help).
 */
final class CatalogOptions {

    @CommandLine.Option(names = "--eval-sets", paramLabel = "PATH",
            description = "Your own eval sets besides the shipped ones: a folder of <id>.yaml files, or one file; repeatable.")
    List<Path> evalSets = new ArrayList<>();
    @CommandLine.Option(names = "--prompts", paramLabel = "DIR",
            description = "Your own prompt files and judge templates (judges/<name>.md), looked up before the shipped ones.")
    Path prompts;
    @CommandLine.Option(names = DataDir.OPTION, paramLabel = "DIR",
            description = "Where the embedded database lives (default: $" + DataDir.ENV + ", else ./" + DataDir.DEFAULT + ").")
    Path dataDir;

    /** Adds the user's eval sets and prompts to the catalog, validated like the shipped ones (a bad file: exit 3). */
    void apply(CatalogService catalog) {
        apply(catalog, List.of(), null);
    }

    /** The same, with more eval sets and a prompts folder from a spec (the options' come first). */
    void apply(CatalogService catalog, List<Path> moreEvalSets, Path specPrompts) {
        List<Path> all = new ArrayList<>(evalSets);
        all.addAll(moreEvalSets);
        Path p = prompts != null ? prompts : specPrompts;
        if (!all.isEmpty() || p != null) {
            catalog.include(all, p);
        }
    }
}
