package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.Provider;
import io.claimbench.models.StructuredOutput;
import io.claimbench.models.TrustPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

/** Models: configured ones (read-only) and ones defined here at run time (persisted). Keys are write-only. */
@RolesAllowed(Roles.READER)
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models")
public class ModelResource {

    private final ModelRegistry registry;
    private final TrustPolicy trust;

    public ModelResource(ModelRegistry registry, TrustPolicy trust) {
        this.registry = registry;
        this.trust = trust;
    }

    /** A model as the API shows it: never the key, only whether one is set. */
    public record ModelView(String name, String provider, String baseUrl, String model, boolean hasApiKey,
                            String apiKeyEnv, Double temperature, Integer maxTokens, long timeoutMillis,
                            int maxConcurrency, Integer requestsPerMinute, Double priceInputPerMillion,
                            Double priceOutputPerMillion, String recording, boolean stream, String source,
                            String structuredOutput) {
        static ModelView of(ModelSpec s) {
            return new ModelView(s.name(), s.provider().id(), s.baseUrl(), s.model(), s.hasApiKey(), s.apiKeyEnv(),
                    s.temperature(), s.maxTokens(), s.timeout().toMillis(), s.maxConcurrency(), s.requestsPerMinute(),
                    s.priceInputPerMillion(), s.priceOutputPerMillion(), s.recording(), s.stream(), s.source(),
                    s.structuredOutput().label());
        }
    }

    public record PutModelRequest(
            @NotBlank @Pattern(regexp = "openai|anthropic|ollama|gemini|recorded", message = "must be one of openai, anthropic, ollama, gemini, recorded") String provider,
            @Size(max = 1000) String baseUrl,
            @Size(max = 256) String model,
            @Size(max = 1000) String apiKey,
            @Size(max = 256) String apiKeyEnv,
            @DecimalMin("0") @DecimalMax("2") Double temperature,
            @Min(1) Integer maxTokens,
            @Min(1) Long timeoutMillis,
            @Min(1) Integer maxConcurrency,
            @Min(1) Integer requestsPerMinute,
            @DecimalMin("0") Double priceInputPerMillion,
            @DecimalMin("0") Double priceOutputPerMillion,
            @Size(max = 2000) String recording,
            Boolean stream,
            @Pattern(regexp = "auto|json-schema|off", message = "must be one of auto, json-schema, off") String structuredOutput) {
    }

    @GET
    @Operation(operationId = "listModels", summary = "List models",
            description = "Configured models and those defined over the API; never a key, only whether one is set.")
    @APIResponse(responseCode = "200", description = "The models",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ModelView.class)))
    public List<ModelView> list() {
        return registry.list().stream().map(ModelView::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getModel", summary = "Get a model")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ModelView get(@PathParam("name") String name) {
        return registry.find(name).map(ModelView::of)
                .orElseThrow(() -> ApiInputException.notFound("unknown model '" + name + "'"));
    }

    @RolesAllowed(Roles.RUNNER)
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putModel", summary = "Define or replace a model",
            description = "Persisted; the key is write-only and sealed at rest. A model defined in configuration cannot be replaced.")
    @APIResponse(responseCode = "200", description = "Replaced: the model defined over the API before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response put(@PathParam("name") @Pattern(regexp = "[A-Za-z0-9._-]{1,128}", message = "letters, digits, '.', '_' and '-' only") String name,
                        @Valid @NotNull PutModelRequest body) {
        if (registry.isConfigured(name)) {
            // Otherwise any caller could point every later run that names it somewhere else.
            throw new ApiInputException(409, "name", "model '" + name + "' is defined in configuration and cannot be "
                    + "replaced over the API; define yours under another name");
        }
        boolean existed = registry.find(name).filter(s -> "api".equals(s.source())).isPresent();
        ModelSpec spec;
        try {
            spec = new ModelSpec(name, Provider.parse(body.provider()).orElseThrow(), blank(body.baseUrl()), blank(body.model()),
                    blank(body.apiKey()), blank(body.apiKeyEnv()), body.temperature(), body.maxTokens(),
                    body.timeoutMillis() == null ? null : Duration.ofMillis(body.timeoutMillis()),
                    body.maxConcurrency() == null ? ModelSpec.DEFAULT_MAX_CONCURRENCY : body.maxConcurrency(),
                    body.requestsPerMinute(), body.priceInputPerMillion(), body.priceOutputPerMillion(), blank(body.recording()),
                    Boolean.TRUE.equals(body.stream()), "api",
                    body.structuredOutput() == null ? StructuredOutput.AUTO : StructuredOutput.parse(body.structuredOutput()).orElseThrow());
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String field = msg.contains("recording") ? "recording" : msg.contains("model name") ? "model"
                    : msg.startsWith("base-url") ? "baseUrl" : null;
            throw new ApiInputException(400, field, msg);
        }
        try {
            trust.checkDefinedModel(spec);
        } catch (IllegalArgumentException e) {
            throw ApiInputException.ofFieldMessage(e.getMessage());
        }
        try {
            ModelSpec saved = registry.put(spec);
            return Response.status(existed ? 200 : 201).entity(ModelView.of(saved)).build();
        } catch (IllegalArgumentException e) {
            throw new ApiInputException(400, "recording", e.getMessage());
        }
    }

    @RolesAllowed(Roles.RUNNER)
    @DELETE
    @Path("/{name}")
    @Operation(operationId = "deleteModel", summary = "Delete a model defined over the API",
            description = "A model defined in configuration cannot be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("name") String name) {
        if (registry.delete(name)) {
            return Response.noContent().build();
        }
        if (registry.isConfigured(name)) {
            throw new ApiInputException(409, null, "model '" + name + "' is defined in configuration and cannot be deleted over the API");
        }
        throw ApiInputException.notFound("unknown model '" + name + "'");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
