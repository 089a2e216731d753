package io.claimbench.web;

import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The dashboard: the runs, newest first, with state, progress, win rate and verdict. */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private final DashboardRows rows;
    private final PageAccess access;
    private final WebConfig config;

    public DashboardResource(DashboardRows rows, PageAccess access, WebConfig config) {
        this.rows = rows;
        this.access = access;
        this.config = config;
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("page") @DefaultValue("0") String pageParam) {
        access.requireReader("/");
        int page = PageNumbers.page(pageParam);
        List<RunRow> list = rows.page(page, config.dashboardSize() + 1);
        boolean more = list.size() > config.dashboardSize();
        return Pages.dashboard(more ? list.subList(0, config.dashboardSize()) : list, page, Math.max(0, page - 1),
                page + 1, more, access.signedIn());
    }

    @GET
    @Path("dashboard")
    public TemplateInstance dashboardAlias(@QueryParam("page") @DefaultValue("0") String pageParam) {
        return dashboard(pageParam);
    }
}
