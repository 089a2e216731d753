package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.models.TrustPolicy;
import io.claimbench.imports.ImportService;
import io.claimbench.results.ResultsService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports published verdicts as runs; answers with the imported run's results. */
@RolesAllowed(Roles.RUNNER)
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportResource {

    private final ImportService imports;
    private final ResultsService results;
    private final TrustPolicy trust;

    public ImportResource(ImportService imports, ResultsService results, TrustPolicy trust) {
        this.imports = imports;
        this.results = results;
        this.trust = trust;
    }

    /**
     * {@code format}: alpaca-eval (an annotations.json) or pandalm (testset-v1.json, with its judges' files beside);
     * {@code path}: a file under the recording roots.
     */
    public record ImportRequest(@NotBlank String format, @NotBlank String path) {
    }


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importVerdicts", summary = "Import published verdicts as runs",
            description = "Once per file: importing the same file again changes nothing and answers with the same runs.")
    @APIResponse(responseCode = "201", description = "The imported runs' results; Location is the first run's URL.",
            headers = @Header(name = "Location", description = "The first imported run's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response importFile(@Valid @NotNull ImportRequest body, UriInfo uri) {
        try {
            trust.checkRecording(body.path());
        } catch (IllegalArgumentException e) {
            throw new ApiInputException(400, "path", e.getMessage().replaceFirst("^recording", "path"));
        }
        java.util.List<String> ids;
        try {
            ids = imports.importFile(body.format(), java.nio.file.Path.of(body.path()));
        } catch (IllegalArgumentException e) {
            throw ApiInputException.ofFieldMessage(e.getMessage());
        }
        // Importing the same file again changes nothing and answers with the same run.
        return Response.status(201).location(uri.getBaseUriBuilder().path("api/runs").path(ids.getFirst()).build())
                .entity(ImportView.of(body.format(), ids.stream().map(id -> results.report(id).orElseThrow()).toList())).build();
    }
}
