package io.claimbench.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail; {@code errors} names the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail, as application/problem+json.")
public record Problem(
        @Schema(required = true, description = "Always about:blank: the title and status say what went wrong.", examples = "about:blank")
        String type,
        @Schema(required = true, description = "A short summary of the kind of problem.", examples = "Invalid request")
        String title,
        @Schema(required = true, description = "The HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong in this request; quotes at most a short prefix of a bad value.")
        String detail,
        @Schema(description = "The path of the request.", examples = "/api/runs")
        String instance,
        @Schema(description = "The fields (or query parameters) at fault, when there are any.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "A field at fault and what is wrong with it.")
    public record FieldError(
            @Schema(description = "The field's JSON path in the body (a.b[0].c) or the query parameter's name.", examples = "samples")
            String field,
            @Schema(description = "What is wrong with it.", examples = "must be at least 1")
            String message) {
    }
}
