package io.claimbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.api.RunResultsView;
import io.claimbench.catalog.CatalogService;
import io.claimbench.results.ResultsService;
import io.claimbench.results.RunReport;
import io.claimbench.runs.InvalidRunException;
import io.claimbench.runs.RunExecutor;
import io.claimbench.runs.RunRequest;
import io.claimbench.runs.RunService;
import picocli.CommandLine;

import java.util.List;
import java.util.concurrent.Callable;

/** Runs one comparison in-process, shows its progress while waiting for it, and prints the verdicts or the results JSON. */
@CommandLine.Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare a candidate with a baseline on an eval set, showing the run's progress on stderr, and "
                + "print the verdicts as a table (or, with --format json, the results document); the exit code is the "
                + "claims' verdict.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every claim supported (in regression mode: no regression)",
                "1:a claim refuted (in regression mode: a regression)",
                "2:a claim inconclusive, or regression neither shown nor ruled out (0 with --inconclusive pass)",
                "3:usage or configuration error (unknown option, model or eval set; a value out of range)",
                "4:infrastructure failure (endpoint down, key refused, nothing scored, error budget exceeded)"})
public class CompareCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--eval-set", required = true, description = "Eval set id, e.g. eq-bench-v2.")
    String evalSet;
    @CommandLine.Option(names = "--candidate", required = true, description = "Model name or provider:model.")
    String candidate;
    @CommandLine.Option(names = "--baseline", required = true, description = "Model name or provider:model.")
    String baseline;
    @CommandLine.Option(names = "--judge", description = "Judge model, for judged scorers; repeat it for a panel of judges.")
    java.util.List<String> judge;
    @CommandLine.Option(names = "--judge-aggregate", description = "How a panel's verdicts combine: majority (default) or mean.")
    String judgeAggregate;
    @CommandLine.Option(names = "--swap", description = "always (default): both orders for every pair; adaptive: the "
            + "second order only when the first verdict is not decisive, or for the audit share.")
    String swap;
    @CommandLine.Option(names = "--swap-audit", description = "Under adaptive swap, the share of pairs judged in both orders anyway (default 0.2).")
    Double swapAudit;
    @CommandLine.Option(names = "--scorer", description = "Overrides the eval set's scorer.")
    String scorer;
    @CommandLine.Option(names = "--judge-template", description = "Overrides the eval set's judge template.")
    String judgeTemplate;
    @CommandLine.Option(names = "--samples", description = "Samples per prompt (default 1).")
    Integer samples;
    @CommandLine.Option(names = "--seed", description = "Seed (default 0).")
    Long seed;
    @CommandLine.Option(names = "--temperature", description = "Sampling temperature for both models.")
    Double temperature;
    @CommandLine.Option(names = "--concurrency", description = "Calls in flight for this run.")
    Integer concurrency;
    @CommandLine.Option(names = "--cost-cap", description = "Stop once this much has been spent.")
    Double costCap;
    @CommandLine.Option(names = "--no-cache", negatable = false, description = "Call the models even for cached answers.")
    boolean noCache;
    @CommandLine.Option(names = "--early-stop", description = "Stop once an anytime-valid 95%% confidence sequence settles the claim.")
    boolean earlyStop;

    @CommandLine.Option(names = "--threshold", description = "Test the eval set's win-rate claim against this threshold instead of its own.")
    Double threshold;
    @CommandLine.Option(names = "--comparator", paramLabel = ">=|>|<=|<",
            description = "Test the eval set's win-rate claim with this comparator instead of its own.")
    String comparator;
    @CommandLine.Option(names = "--regression-margin", paramLabel = "M",
            description = "Regression mode: is the candidate worse than the baseline (in production) by more than M, "
                    + "in [0, 0.5)? Its win rate is held to 0.5 - M, its accuracy and benchmark score to the baseline's "
                    + "less M (M x the baseline's score); this, not the eval set's claim, sets the exit code.")
    Double regressionMargin;
    @CommandLine.Option(names = "--inconclusive", paramLabel = "pass|fail",
            description = "Whether a claim the data cannot settle passes (exit 0) or fails (exit 2, the default).")
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

    public CompareCommand(RunService runs, RunExecutor executor, ResultsService results, ObjectMapper json,
                          CatalogService catalog) {
        this.catalog = catalog;
        this.runs = runs;
        this.executor = executor;
        this.results = results;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        boolean inconclusivePasses = inconclusivePasses(inconclusive);
        files.apply(catalog);
        boolean panel = judge != null && judge.size() > 1;
        LocalRuns.Finished finished = new LocalRuns(runs, executor, results).run(new RunRequest(evalSet,
                new RunRequest.Contestants(candidate, baseline),
                new RunRequest.Judging(RunRequest.parseScorer(scorer), judge == null || panel ? null : judge.get(0),
                        panel ? judge : null, judgeTemplate, RunRequest.parseAggregate(judgeAggregate),
                        RunRequest.parseSwap(swap), swapAudit),
                new RunRequest.Sampling(samples, seed, temperature),
                new RunRequest.Limits(concurrency, costCap, !noCache, earlyStop),
                new RunRequest.Claim(comparator, threshold,
                        regressionMargin == null ? null : new RunRequest.Regression(regressionMargin))), format);
        RunReport report = finished.report();
        RunResultsView document = finished.document();
        List<ClaimRows> rows = List.of(ClaimRows.of(report, inconclusivePasses));
        format.print(spec, json, document, rows, List.of(report));
        reports.write(json, document, rows);
        Verdicts.Exit exit = Verdicts.of(report, inconclusivePasses);
        exit.line().ifPresent(line -> spec.commandLine().getErr().println("claimbench: " + line));
        return exit.code();
    }

    static boolean inconclusivePasses(String value) {
        if (value == null || value.equals("fail")) {
            return false;
        }
        if (value.equals("pass")) {
            return true;
        }
        throw new InvalidRunException("inconclusive", "must be pass or fail", false);
    }
}
