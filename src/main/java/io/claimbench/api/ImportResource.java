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

/** Imports published verdicts as runs; answers with the imported run's results. */
@RolesAllowed(Roles.RUNNER)
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
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
