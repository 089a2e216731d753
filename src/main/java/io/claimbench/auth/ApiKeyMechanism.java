package io.claimbench.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads a ClaimBench API key from {@code Authorization: Bearer cb_...} or {@code X-API-Key: cb_...}, or from the
 * pages' session cookie ({@link #SESSION_COOKIE}, set by the sign-in page). A bearer token that is not one of ours is
 * left to the next mechanism (OIDC, when it is enabled). The cookie counts for reads anywhere, and for writes only on
 * the pages, whose forms carry a CSRF token: a write to {@code /api} needs a header, which another site cannot send.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    /** The pages' session: an HttpOnly, SameSite=Strict cookie holding the key the user signed in with. */
    public static final String SESSION_COOKIE = "claimbench_session";
    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = key(context);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<SecurityIdentity> identity = identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), context));
        if (fromHeader(context)) {
            return identity;
        }
        // A session whose key was revoked since sign-in is no session: the browser is anonymous (and sent to sign in).
        return identity.onFailure(io.quarkus.security.AuthenticationFailedException.class).recoverWithNull();
    }

    private static boolean fromHeader(RoutingContext context) {
        String header = context.request().getHeader(HEADER);
        return header != null && !header.isBlank() || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    static String key(RoutingContext context) {
        String header = context.request().getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return ApiKeys.looksLikeKey(token) ? token : null;
        }
        if (authorization == null) {
            io.vertx.core.http.Cookie cookie = context.request().getCookie(SESSION_COOKIE);
            if (cookie != null && ApiKeys.looksLikeKey(cookie.getValue()) && cookieAllowed(context)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean cookieAllowed(RoutingContext context) {
        io.vertx.core.http.HttpMethod method = context.request().method();
        if (method == io.vertx.core.http.HttpMethod.GET || method == io.vertx.core.http.HttpMethod.HEAD) {
            return true;
        }
        String path = context.normalizedPath();
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"claimbench\""));
    }

    /** Ahead of OIDC, which would otherwise take a {@code cb_} key for a malformed token and refuse it. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }
}
