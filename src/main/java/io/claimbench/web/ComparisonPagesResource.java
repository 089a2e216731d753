package io.claimbench.web;

import io.claimbench.api.ComparisonPageView;
import io.claimbench.api.RunView;
import io.claimbench.results.ComparisonQuery;
import io.claimbench.runs.RunService;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/** A run's comparisons: the browser (filtered by category and outcome, paged) and the side-by-side viewer. */
@Path("/runs/{id}/comparisons")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ComparisonPagesResource {

    private final RunService runs;
    private final ComparisonQuery comparisons;
    private final PageAccess access;
    private final WebConfig config;
    private final RunCategories categories;

    public ComparisonPagesResource(RunService runs, ComparisonQuery comparisons, PageAccess access, WebConfig config,
                                   RunCategories categories) {
        this.runs = runs;
        this.categories = categories;
        this.comparisons = comparisons;
        this.access = access;
        this.config = config;
    }

    @GET
    public TemplateInstance browse(@PathParam("id") String id, @QueryParam("category") String category,
                                   @QueryParam("outcome") String outcome,
                                   @QueryParam("page") @DefaultValue("0") String pageParam) {
        access.requireReader("/runs/" + id + "/comparisons");
        RunView run = RunPageResource.runView(runs, id);
        ComparisonFilter filter = new ComparisonFilter(category, outcome);
        int page = PageNumbers.page(pageParam);
        int size = config.pageSize();
        ComparisonPageView p = ComparisonPageView.of(comparisons.page(id, filter.category(), filter.pairOutcome(), page, size));
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            rows.add(ComparisonRow.of(page * size + i, p.items().get(i)));
        }
        int pages = (int) Math.max(1, (p.total() + size - 1) / size);
        return Pages.comparisons(run, filter, categories.of(id), rows, p.total(), new Pager(page, pages), access.signedIn());
    }

    @GET
    @Path("/{index}")
    public TemplateInstance view(@PathParam("id") String id, @PathParam("index") String indexParam,
                                 @QueryParam("category") String category, @QueryParam("outcome") String outcome) {
        access.requireReader("/runs/" + id + "/comparisons/" + indexParam);
        RunView run = RunPageResource.runView(runs, id);
        ComparisonFilter filter = new ComparisonFilter(category, outcome);
        int index = PageNumbers.page(indexParam);
        ComparisonPageView p = ComparisonPageView.of(comparisons.page(id, filter.category(), filter.pairOutcome(), index, 1));
        if (p.items().isEmpty()) {
            throw new PageException(404, "Run " + id + " has no comparison " + index + " here.");
        }
        ComparisonPageView.ItemView item = p.items().getFirst();
        boolean namedChecks = run.scorer() != null && run.scorer().contains("ascii");
        return Pages.viewer(run, filter, new Pager(index, (int) p.total()), p.total(), item, SideBySide.of(item, namedChecks), access.signedIn());
    }
}
