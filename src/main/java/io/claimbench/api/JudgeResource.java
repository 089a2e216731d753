package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.results.JudgeQualityService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Every judge's quality over all recorded runs. */
@RolesAllowed(Roles.READER)
@Path("/api/judges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Judges")
public class JudgeResource {

    private final JudgeQualityService quality;

    public JudgeResource(JudgeQualityService quality) {
        this.quality = quality;
    }

    @GET
    @Operation(operationId = "listJudges", summary = "List judges' quality",
            description = "Games, unscored, errors, position consistency, first-position win rate and agreement with human majorities.")
    @APIResponse(responseCode = "200", description = "Each judge over all runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = JudgeQualityView.class)))
    public List<JudgeQualityView> list() {
        return quality.all().stream().map(JudgeQualityView::of).toList();
    }
}
