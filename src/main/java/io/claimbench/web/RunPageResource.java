package io.claimbench.web;

import io.claimbench.api.ModelsView;
import io.claimbench.api.RunResultsView;
import io.claimbench.api.RunView;
import io.claimbench.results.ResultsService;
import io.claimbench.runs.RunService;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/** A run's page: verdicts overall and per category, the win-rate chart, models, efficiency, judges and humans. */
@Path("/runs/{id}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RunPageResource {

    private final RunService runs;
    private final ResultsService results;
    private final PageAccess access;

    public RunPageResource(RunService runs, ResultsService results, PageAccess access) {
        this.runs = runs;
        this.results = results;
        this.access = access;
    }

    @GET
    public TemplateInstance run(@PathParam("id") String id) {
        access.requireReader("/runs/" + id);
        RunView run = runView(runs, id);
        RunResultsView r = RunResultsView.of(results.report(id).orElseThrow(() -> unknown(id)));
        List<ModelsView.ModelFiguresView> models = new ArrayList<>();
        if (r.models() != null) {
            models.add(r.models().candidate());
            models.add(r.models().baseline());
        }
        return Pages.run(run, r, WinRateChart.of(r), models, EfficiencyRow.of(r.efficiency()), access.signedIn());
    }

    static RunView runView(RunService runs, String id) {
        var entity = runs.find(id).orElseThrow(() -> unknown(id));
        return RunView.of(entity, runs.progress(id).orElse(null));
    }

    static PageException unknown(String id) {
        return new PageException(404, "There is no run '" + id + "'.");
    }
}
