package io.claimbench.web;

import io.claimbench.api.RunView;
import io.claimbench.runs.RunService;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Blind voting in a campaign (a run, and optionally a category): one pair at a time without seeing who wrote which
 * answer, then who did. Votes need the voter role; the voter is the key's principal.
 */
@Path("/runs/{id}/vote")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class VoteResource {

    private final RunService runs;
    private final VoteService votes;
    private final PageAccess access;
    private final CsrfToken csrf;

    public VoteResource(RunService runs, VoteService votes, PageAccess access, CsrfToken csrf) {
        this.runs = runs;
        this.votes = votes;
        this.access = access;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance ballot(@PathParam("id") String id, @QueryParam("category") String category) {
        String voter = access.requireVoter(here(id, category));
        RunView run = RunPageResource.runView(runs, id);
        String c = category == null || category.isBlank() ? null : category;
        Ballot ballot = votes.next(id, c, voter).orElse(null);
        return Pages.vote(run, c, ballot, ballot == null ? "You have voted on every pair of this campaign. Thank you." : null,
                access.signedIn());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cast(@PathParam("id") String id, @FormParam("comparison") String comparison,
                         @FormParam("choice") String choice, @FormParam("reason") String reason,
                         @FormParam("category") String category, @FormParam(CsrfToken.FIELD) String token) {
        String voter = access.requireVoter(here(id, category));
        csrf.check(token);
        long comparisonId = parseId(comparison);
        VoteChoice c = VoteChoice.parse(choice)
                .orElseThrow(() -> new PageException(400, "Choose left, right, tie or both bad."));
        VoteService.Cast cast = votes.cast(id, comparisonId, voter, c, reason);
        String q = category == null || category.isBlank() ? "" : "&category=" + URLEncoder.encode(category, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/runs/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/vote/"
                + cast.comparisonId() + "?repeated=" + cast.repeated() + q)).build();
    }

    @GET
    @Path("{comparison}")
    public TemplateInstance revealed(@PathParam("id") String id, @PathParam("comparison") String comparison,
                                     @QueryParam("repeated") boolean repeated) {
        String voter = access.requireVoter("/runs/" + id + "/vote");
        RunView run = RunPageResource.runView(runs, id);
        Reveal reveal = votes.reveal(id, parseId(comparison), voter, repeated)
                .orElseThrow(() -> new PageException(403, "The models are shown only after you have voted on the pair."));
        return Pages.revealed(run, reveal, access.signedIn());
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new PageException(400, "No pair was named.");
        }
    }

    private static String here(String id, String category) {
        return "/runs/" + id + "/vote" + (category == null || category.isBlank() ? ""
                : "?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
    }
}
