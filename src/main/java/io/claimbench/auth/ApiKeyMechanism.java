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
 * Reads a ClaimBench API key from {@code Authorization: Bearer cb_...} or {@code X-API-Key: cb_...}. A bearer token
 * that is not one of ours is left to the next mechanism (OIDC, when it is enabled).
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = key(context);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), context));
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
        return null;
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
