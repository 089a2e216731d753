package io.claimbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.api.PlanView;
import io.claimbench.results.PlanService;
import io.claimbench.runs.RunRequest;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** Prints how many pairs, calls and how much cost a claim needs for the wanted power. */
@CommandLine.Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Estimate pairs, calls and cost before a run, from the win rate you expect.")
public class PlanCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--expected", required = true, description = "The win rate you expect the candidate to have.")
    double expected;
    @CommandLine.Option(names = "--eval-set", description = "Takes the threshold, comparator and prompts from this eval set.")
    String evalSet;
    @CommandLine.Option(names = "--threshold", description = "Overrides the eval set's threshold.")
    Double threshold;
    @CommandLine.Option(names = "--comparator", description = "Overrides the eval set's comparator (>=, >, <=, <).")
    String comparator;
    @CommandLine.Option(names = "--power", description = "Wanted power (default 0.8).")
    Double power;
    @CommandLine.Option(names = "--alpha", description = "One-sided level (default 0.05).")
    Double alpha;
    @CommandLine.Option(names = "--lost-share", description = "Share of pairs expected unscored or in error (default 0.05).")
    Double lostShare;
    @CommandLine.Option(names = "--samples", description = "Samples per prompt (default 1).")
    Integer samples;
    @CommandLine.Option(names = "--candidate", description = "For the candidate's price.")
    String candidate;
    @CommandLine.Option(names = "--baseline", description = "For the baseline's price.")
    String baseline;
    @CommandLine.Option(names = "--judge", description = "For the judge's price; repeat it for a panel of judges.")
    java.util.List<String> judge;
    @CommandLine.Option(names = "--swap", description = "always (default) or adaptive: judge calls then lie between two bounds.")
    String swap;
    @CommandLine.Option(names = "--swap-audit", description = "Under adaptive swap, the audited share (default 0.2).")
    Double swapAudit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PlanService planner;
    private final ObjectMapper json;

    @CommandLine.Mixin
    CatalogOptions files = new CatalogOptions();
    private final io.claimbench.catalog.CatalogService catalog;

    public PlanCommand(PlanService planner, ObjectMapper json, io.claimbench.catalog.CatalogService catalog) {
        this.catalog = catalog;
        this.planner = planner;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        files.apply(catalog);
        CliErrors.printJson(spec, json, PlanView.of(planner.plan(new PlanService.PlanRequest(evalSet, threshold, comparator,
                expected, power, alpha, lostShare, samples, candidate, baseline, null, null, null, judge,
                RunRequest.parseSwap(swap), swapAudit))));
        return 0;
    }
}
