package io.claimbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.api.ImportView;
import io.claimbench.imports.ImportService;
import io.claimbench.results.ResultsService;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Imports published verdicts as a run and prints its results JSON. */
@CommandLine.Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Import published verdicts (alpaca-eval: an AlpacaEval annotations.json; pandalm: PandaLM's "
                + "testset-v1.json with its judges' files beside) as runs and print their results.")
public class ImportCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", description = "Format: alpaca-eval or pandalm.")
    String format;
    @CommandLine.Parameters(index = "1", description = "The file to import.")
    Path path;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ImportService imports;
    private final ResultsService results;
    private final ObjectMapper json;

    public ImportCommand(ImportService imports, ResultsService results, ObjectMapper json) {
        this.imports = imports;
        this.results = results;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        var reports = imports.importFile(format, path).stream().map(id -> results.report(id).orElseThrow()).toList();
        CliErrors.printJson(spec, json, ImportView.of(format, reports));
        return 0;
    }
}
