package io.claimbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.api.RunResultsView;
import io.claimbench.catalog.CatalogService;
import io.claimbench.checks.CheckSpec;
import io.claimbench.checks.CheckSpecLoader;
import io.claimbench.checks.SpecRuns;
import io.claimbench.results.ResultsService;
import io.claimbench.results.RunReport;
import io.claimbench.runs.RunExecutor;
import io.claimbench.runs.RunService;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Checks every claim of a spec ({@code claimbench.yaml} in the user's repository), one run per claim and candidate,
 * one after the other, and exits with one code for the whole: the most serious of the runs' (4, then 1, then 2).
 */
@CommandLine.Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check the claims of a spec file (models, your own eval sets, claims) and exit with their verdict.",
        exitCodeListHeading = "%nExit codes (the most serious of all claims: 4, then 1, then 2):%n",
        exitCodeList = {"0:every claim supported",
                "1:a claim refuted",
                "2:a claim inconclusive (0 with --inconclusive pass)",
                "3:usage or configuration error (an invalid spec, eval set or model; an unknown option)",
                "4:infrastructure failure (endpoint down, key refused, nothing scored, error budget exceeded)"})
public class CheckCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--spec", paramLabel = "FILE", defaultValue = "claimbench.yaml",
            description = "The spec file (default: ${DEFAULT-VALUE} in the working directory).")
    Path specFile;
    @CommandLine.Option(names = "--server", paramLabel = "URL",
            description = "Run the checks on a running ClaimBench over its REST API instead of in this process.")
    String server;
    @CommandLine.Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:CLAIMBENCH_API_KEY}",
            description = "With --server: the key sent as a bearer token (default: $CLAIMBENCH_API_KEY).")
    String apiKey;
    @CommandLine.Option(names = "--inconclusive", paramLabel = "pass|fail",
            description = "Whether a claim the data cannot settle passes (exit 0) or fails (exit 2); overrides the spec's.")
    String inconclusive;

    @CommandLine.Mixin
    ReportFiles reports = new ReportFiles();
    @CommandLine.Mixin
    CatalogOptions files = new CatalogOptions();
    @CommandLine.Mixin
    OutputFormat format = new OutputFormat();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunService runs;
    private final RunExecutor executor;
    private final ResultsService results;
    private final ObjectMapper json;
    private final CatalogService catalog;
    private final SpecRuns specRuns;

    public CheckCommand(RunService runs, RunExecutor executor, ResultsService results, ObjectMapper json,
                        CatalogService catalog, SpecRuns specRuns) {
        this.runs = runs;
        this.executor = executor;
        this.results = results;
        this.json = json;
        this.catalog = catalog;
        this.specRuns = specRuns;
    }

    /** A run that ended: its report, and the document printed and written for it. */
    private record Finished(RunReport report, Object document) {
    }

    private interface Runner {
        Finished run(io.claimbench.runs.RunRequest request) throws Exception;
    }

    private Runner local(CheckSpec checks) {
        files.apply(catalog, checks.evalSets(), checks.prompts());
        specRuns.prepare(checks);
        LocalRuns local = new LocalRuns(runs, executor, results);
        return request -> {
            LocalRuns.Finished f = local.run(request, format);
            return new Finished(f.report(), f.document());
        };
    }

    /**
     * The server runs the claims on its own catalog and data: the spec's models are defined there (PUT), each run is
     * started (POST) and followed over its events; the results document, as the server wrote it, is read back into
     * the report the verdicts are computed from here, exactly as in process.
     */
    private Runner remote(CheckSpec checks) {
        if (!checks.evalSets().isEmpty() || checks.prompts() != null || !files.evalSets.isEmpty() || files.prompts != null) {
            throw new io.claimbench.runs.InvalidRunException("server", "your own eval sets and prompts are read by the "
                    + "server from its own catalog (claimbench.catalog.extra-eval-sets): remove eval-sets and prompts "
                    + "from the spec, or check in process", false);
        }
        ServerClient client = new ServerClient(server, apiKey, json);
        checks.models().forEach(m -> client.defineModel(m.spec()));
        com.fasterxml.jackson.databind.ObjectMapper reader = ServerResults.mapper();
        return request -> {
            String id = client.start(request);
            try (OutputFormat.Follow progress = format.progress(() -> client.progress(id),
                    request.evalSet() + " " + request.contestants().candidate() + " vs " + request.contestants().baseline())) {
                client.await(id);
            }
            String text = client.results(id);
            return new Finished(ServerResults.read(reader, text), reader.readTree(text));
        };
    }

    @Override
    public Integer call() throws Exception {
        CheckSpec checks = CheckSpecLoader.load(specFile);
        boolean inconclusivePasses = inconclusive != null ? CompareCommand.inconclusivePasses(inconclusive)
                : Boolean.TRUE.equals(checks.inconclusivePasses());
        Runner runner = server != null ? remote(checks) : local(checks);
        List<Object> documents = new ArrayList<>();
        List<ClaimRows> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<RunReport> reportsOfRuns = new ArrayList<>();
        int code = 0;
        for (CheckSpec.Check c : checks.checks()) {
            Finished finished = runner.run(c.request());
            documents.add(finished.document());
            reportsOfRuns.add(finished.report());
            rows.add(ClaimRows.of(finished.report(), inconclusivePasses));
            Verdicts.Exit exit = Verdicts.of(finished.report(), inconclusivePasses);
            String who = c.name() + " (" + c.request().contestants().candidate() + " vs "
                    + c.request().contestants().baseline() + ")";
            exit.line().ifPresent(line -> lines.add(who + ": " + line));
            code = Verdicts.worse(code, exit.code());
        }
        format.print(spec, json, documents, rows, reportsOfRuns);
        reports.write(json, documents, rows);
        lines.forEach(line -> spec.commandLine().getErr().println("claimbench: " + line));
        return code;
    }
}
