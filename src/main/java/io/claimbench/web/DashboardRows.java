package io.claimbench.web;

import io.claimbench.api.GroupView;
import io.claimbench.api.RunResultsView;
import io.claimbench.results.ResultsService;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunProgress;
import io.claimbench.runs.RunService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The dashboard's rows: a page of runs, newest first, each with its progress and, once it has figures, its verdict. */
@ApplicationScoped
public class DashboardRows {

    private final RunService runs;
    private final ResultsService results;

    public DashboardRows(RunService runs, ResultsService results) {
        this.runs = runs;
        this.results = results;
    }

    public List<RunRow> page(int page, int size) {
        return runs.list(page, size).stream().map(this::row).toList();
    }

    private RunRow row(RunEntity r) {
        RunProgress p = runs.progress(r.id).orElse(null);
        long done = p == null ? 0 : p.done();
        GroupView overall = null;
        if (done > 0) {
            overall = results.report(r.id).map(RunResultsView::of).map(RunResultsView::overall).orElse(null);
        }
        GroupView.WinRateView w = overall == null ? null : overall.winRate();
        return new RunRow(r.id, r.state.name(), r.evalSetId, r.candidate, r.baseline, done, r.totalItems,
                overall == null ? null : overall.verdict(), w == null ? null : w.value(), w == null ? null : w.interval(),
                w == null ? 0 : w.n(), r.startedBy, r.createdAt);
    }
}
