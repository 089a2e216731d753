package io.claimbench.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A Content-Security-Policy on every answer but Quarkus's own tools under {@code /q/}: scripts, styles and images
 * from this server only, no inline script or style, no framing, forms posting back here only. Model text on the
 * pages is escaped; the policy is the second wall if an escape is ever missed.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (!path.startsWith("/q/")) {
                rc.addHeadersEndHandler(v -> {
                    var h = rc.response().headers();
                    h.set("Content-Security-Policy", POLICY);
                    h.set("X-Content-Type-Options", "nosniff");
                    h.set("Referrer-Policy", "same-origin");
                    h.set("X-Frame-Options", "DENY");
                });
            }
            rc.next();
        }, 10);
    }
}
