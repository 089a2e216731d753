package io.claimbench.cli;

import io.claimbench.api.RunResultsView;
import io.claimbench.results.ResultsService;
import io.claimbench.results.RunReport;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunExecutor;
import io.claimbench.runs.RunRequest;
import io.claimbench.runs.RunService;

import java.util.concurrent.ExecutionException;

/** Runs a request in this process (the operator's, trusted), waits for it to end, and reads its report. */
final class LocalRuns {

    /** A run that ended, with its report and the REST document of it. */
    record Finished(RunReport report, RunResultsView document) {
    }

    private final RunService runs;
    private final RunExecutor executor;
    private final ResultsService results;

    LocalRuns(RunService runs, RunExecutor executor, ResultsService results) {
        this.runs = runs;
        this.executor = executor;
        this.results = results;
    }

    /** Starts the run and waits for it, its progress shown as {@code format} says. */
    Finished run(RunRequest request, OutputFormat format) throws Exception {
        RunEntity run = runs.start(request, true, "cli:" + System.getProperty("user.name", "operator"));
        try (OutputFormat.Follow progress = format.progress(runs, run.id,
                run.evalSetId + " " + run.candidate + " vs " + run.baseline)) {
            executor.completion(run.id).get(); // the report then reads the state the run ended in
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
        RunReport report = results.report(run.id).orElseThrow();
        return new Finished(report, RunResultsView.of(report));
    }
}
