package io.claimbench.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.claimbench.catalog.CatalogException;
import io.claimbench.models.UnknownModelException;
import io.claimbench.runs.DatabaseRetry;
import io.claimbench.runs.InvalidRunException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error the API returns is problem+json, from here. Unexpected errors say nothing of their insides. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRun(InvalidRunException e, UriInfo uri) {
        int status = e.notFound() ? 404 : 400;
        return problem(status, e.notFound() ? "Not found" : "Invalid request", e.getMessage(), uri,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response badInput(ApiInputException e, UriInfo uri) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            default -> "Invalid request";
        };
        return problem(e.status(), title, e.getMessage(), uri,
                e.field() == null ? null : List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unknownModel(UnknownModelException e, UriInfo uri) {
        return problem(404, "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
        return problem(400, "Invalid request", errors.stream().map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; ")), uri, errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String detail = field == null ? "malformed JSON" + where + ": " + e.getOriginalMessage()
                : "field '" + field + "' has the wrong type or format" + where;
        return problem(400, "Malformed request body", detail, uri,
                field == null ? null : List.of(new Problem.FieldError(field, "wrong type or format")));
    }

    /** A field the request type does not have: named, with the fields it has, so a typo is not silently dropped. */
    @ServerExceptionMapper
    public Response unknownField(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e, UriInfo uri) {
        String field = shorten(e.getPropertyName(), 64);
        String known = e.getKnownPropertyIds() == null ? "" : " (expected one of " + e.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        String path = e.getPath().size() > 1 ? e.getPath().subList(0, e.getPath().size() - 1).stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) + "." : "";
        return problem(400, "Invalid request", "unknown field '" + path + field + "'" + known, uri,
                List.of(new Problem.FieldError(path + field, "unknown field")));
    }

    /** Named apart: Quarkus ships a mapper for this type that would otherwise answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    /** No key, or one nobody knows: 401, with the challenge that says how to authenticate. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        String detail = e instanceof io.quarkus.security.AuthenticationFailedException
                ? "the API key or token was not accepted (unknown, revoked or expired)"
                : "this needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'";
        return Response.fromResponse(problem(401, "Unauthorized", detail, uri, null))
                .header("WWW-Authenticate", "Bearer realm=\"claimbench\"").build();
    }

    /** A key without the role: 403. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "this key's roles do not allow this request", uri, null);
    }

    @ServerExceptionMapper
    public Response catalog(CatalogException e, UriInfo uri) {
        return problem(500, "Invalid catalog", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (DatabaseRetry.lostConnection(e)) {
            // Runs wait for the database (docs/reliability.md); a request is told to come back.
            LOG.warnf("the database is unreachable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(problem(503, "Service Unavailable", "the database is unreachable; try again shortly",
                    uri, null)).header("Retry-After", "5").build();
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return problem(500, "Internal error", "an unexpected error occurred; see the server log", uri, null);
    }

    /**
     * The answer; a detail or message that quotes a long bad value is cut, so that an error never echoes more than a
     * short prefix of what was sent.
     */
    static Response problem(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        List<Problem.FieldError> short_ = errors == null ? null : errors.stream()
                .map(f -> new Problem.FieldError(shorten(f.field(), 64), shorten(f.message(), MAX_DETAIL))).toList();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, shorten(detail, MAX_DETAIL),
                        uri == null ? null : shorten(uri.getPath(), 200), short_))
                .build();
    }

    private static final int MAX_DETAIL = 400;

    static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " characters)";
    }

    /**
     * The field as a caller wrote it: {@code judges[0]} for an element of a list, {@code regression.margin} inside an
     * object, a parameter by its name; the method and the body parameter are left out.
     */
    private static String field(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (jakarta.validation.Path.Node n : v.getPropertyPath()) {
            switch (n.getKind()) {
                case PARAMETER -> parameter = n.getName();
                case PROPERTY -> field.append(field.isEmpty() ? "" : ".").append(n.getName());
                case CONTAINER_ELEMENT -> {
                    if (n.getIndex() != null) {
                        field.append('[').append(n.getIndex()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        if (parameter != null) {
            return parameter;
        }
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
