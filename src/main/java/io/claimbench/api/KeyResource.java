package io.claimbench.api;

import io.claimbench.auth.ApiKeyStore;
import io.claimbench.auth.ApiKeyView;
import io.claimbench.auth.Callers;
import io.claimbench.auth.Role;
import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** API keys: created by an admin, shown once, listed without the key, revoked. */
@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "API keys")
public class KeyResource {

    private final ApiKeyStore keys;
    private final Callers callers;

    public KeyResource(ApiKeyStore keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    /** A key's name (1 to 64 letters, digits, '.', '_', '-') and its roles: reader, voter, runner, admin. */
    public record CreateKeyRequest(String name, List<String> roles) {
    }

    /** 201 with the key in {@code key}: the only time it is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The key is in `key` of this answer only: it is stored as a hash and never shown again.")
    @APIResponse(responseCode = "201", description = "Created, with the key",
            headers = @Header(name = "Location", description = "The key's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(@NotNull CreateKeyRequest body, UriInfo uri) {
        if (body.roles() == null || body.roles().isEmpty()) {
            throw new ApiInputException(400, "roles", "roles: at least one of reader, voter, runner, admin");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> given = new ArrayList<>(body.roles());
        for (int i = 0; i < given.size(); i++) {
            try {
                roles.add(Role.require(given.get(i)));
            } catch (IllegalArgumentException e) {
                throw new ApiInputException(400, "roles[" + i + "]", e.getMessage());
            }
        }
        ApiKeyView created;
        try {
            created = keys.create(body.name(), roles, callers.current());
        } catch (IllegalArgumentException e) {
            throw ApiInputException.ofFieldMessage(e.getMessage());
        }
        return Response.created(uri.getBaseUriBuilder().path("api/keys").path(created.id()).build())
                .header("Cache-Control", "no-store").entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Never the keys: their names, roles, prefixes and dates.")
    @APIResponse(responseCode = "200", description = "The keys, configured and created over the API",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
    public List<ApiKeyView> list() {
        return keys.list();
    }

    /** Revokes a key created over the API: it stops working at once and stays listed with the time. */
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "It stops working at once and stays listed with the time. A key in configuration cannot be revoked here.")
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApiKeyView revoke(@PathParam("id") String id) {
        if (keys.isConfigured(id)) {
            throw new ApiInputException(409, "id", "this key is in configuration: remove it there");
        }
        return keys.revoke(id).orElseThrow(() -> ApiInputException.notFound("no API key with this id"));
    }
}
