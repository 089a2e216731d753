package io.claimbench.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/** A request body larger than {@code claimbench.api.max-body-bytes} is refused, as problem+json 413, before it is read. */
public class BodyLimit {

    private final long max;

    public BodyLimit(@ConfigProperty(name = "claimbench.api.max-body-bytes", defaultValue = "1048576") long max) {
        this.max = max;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        long n;
        try {
            n = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMappers.problem(400, "Invalid request", "Content-Length is not a number", null, null));
        }
        if (n > max) {
            return Optional.of(ProblemMappers.problem(413, "Request body too large", "the body has " + n
                    + " bytes; at most " + max + " are accepted (claimbench.api.max-body-bytes)", null,
                    List.of(new Problem.FieldError("body", "too large"))));
        }
        return Optional.empty();
    }
}
