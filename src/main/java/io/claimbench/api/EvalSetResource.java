package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.Claim;
import io.claimbench.catalog.EvalSet;
import io.claimbench.catalog.PromptItem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@RolesAllowed(Roles.READER)
@Path("/api/eval-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eval sets")
public class EvalSetResource {

    private final CatalogService catalog;

    public EvalSetResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    public record EvalSetSummary(String id, String title, String scorer, String judgeTemplate, String hypothesis,
                                 List<String> categories, int prompts, String contentHash) {
    }

    /** The claim as it was made: the words, who said them, and where. */
    public record ClaimView(String quote, String speaker, String source) {
        static ClaimView of(Claim c) {
            return c == null ? null : new ClaimView(c.quote(), c.speaker(), c.source());
        }
    }

    public record EvalSetView(String id, String title, ClaimView claim, List<RunResultsView.PublishedFigureView> published, String metric,
                              String comparator, double threshold, String scorer, String judgeTemplate,
                              String rubricTemplate, List<String> categories, String file, String contentHash, List<PromptView> prompts) {
    }

    public record PromptView(String id, String category, String text, String reference, String sourceId, String hash) {
        static PromptView of(PromptItem p) {
            return new PromptView(p.id(), p.category(), p.text(), p.reference(), p.sourceId(), p.hash());
        }
    }

    @GET
    @Operation(operationId = "listEvalSets", summary = "List eval sets",
            description = "Each claim with its hypothesis, scorer, categories, prompt count and content hash.")
    @APIResponse(responseCode = "200", description = "The eval sets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EvalSetSummary.class)))
    public List<EvalSetSummary> list() {
        return catalog.all().stream().map(s -> new EvalSetSummary(s.id(), s.title(), s.scorer().label(), s.judgeTemplate(),
                s.hypothesis().describe(), s.categories(), s.prompts().size(), s.contentHash())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvalSet", summary = "Get an eval set",
            description = "The claim as it was made, its published figures, hypothesis and prompts.")
    @APIResponse(responseCode = "200", description = "The eval set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvalSetView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EvalSetView get(@PathParam("id") String id,
                           @QueryParam("category") @Parameter(description = "Only the prompts of this category") String category) {
        EvalSet s = find(id);
        return new EvalSetView(s.id(), s.title(), ClaimView.of(s.claim()),
                s.published().stream().map(RunResultsView.PublishedFigureView::of).toList(), s.hypothesis().metric(),
                s.hypothesis().comparator().symbol(), s.hypothesis().threshold(), s.scorer().label(), s.judgeTemplate(),
                s.rubricTemplate(), s.categories(), s.file(), s.contentHash(), prompts(s, category));
    }

    @GET
    @Path("/{id}/prompts")
    @Operation(operationId = "listEvalSetPrompts", summary = "List an eval set's prompts")
    @APIResponse(responseCode = "200", description = "The prompts, with their hashes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PromptView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<PromptView> prompts(@PathParam("id") String id,
                                    @QueryParam("category") @Parameter(description = "Only the prompts of this category") String category) {
        return prompts(find(id), category);
    }

    @GET
    @Path("/{id}/prompts/{promptId}")
    @Operation(operationId = "getEvalSetPrompt", summary = "Get one prompt of an eval set")
    @APIResponse(responseCode = "200", description = "The prompt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromptView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PromptView prompt(@PathParam("id") String id, @PathParam("promptId") String promptId) {
        return find(id).prompt(promptId).map(PromptView::of)
                .orElseThrow(() -> ApiInputException.notFound("eval set '" + id + "' has no prompt '" + promptId + "'"));
    }

    private static List<PromptView> prompts(EvalSet s, String category) {
        if (category != null && !s.categories().contains(category)) {
            throw new ApiInputException(400, "category", "eval set '" + s.id() + "' has no category '" + category + "'");
        }
        return s.prompts().stream().filter(p -> category == null || p.category().equals(category)).map(PromptView::of).toList();
    }

    private EvalSet find(String id) {
        return catalog.find(id).orElseThrow(() -> ApiInputException.notFound("unknown eval set '" + id + "'"));
    }
}
