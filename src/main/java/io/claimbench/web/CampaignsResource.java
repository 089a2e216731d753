package io.claimbench.web;

import io.claimbench.runs.RunService;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The vote campaigns to choose from: the latest runs, each whole or by category. */
@Path("/vote")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CampaignsResource {

    private final RunService runs;
    private final RunCategories categories;
    private final PageAccess access;

    public CampaignsResource(RunService runs, RunCategories categories, PageAccess access) {
        this.runs = runs;
        this.categories = categories;
        this.access = access;
    }

    @GET
    public TemplateInstance campaigns() {
        access.requireVoter("/vote");
        List<Campaign> list = runs.list(0, 50).stream().map(r -> new Campaign(r.id, r.evalSetId, r.candidate,
                r.baseline, categories.of(r.id))).toList();
        return Pages.campaigns(list, access.signedIn());
    }
}
