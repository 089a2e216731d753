package io.claimbench.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Gives every identity the roles its roles include (an OIDC token's {@code runner} is also a reader), and the
 * anonymous caller {@code reader} when {@code claimbench.auth.anonymous-read} opens reads.
 */
@ApplicationScoped
public class RoleAugmentor implements SecurityIdentityAugmentor {

    private final AuthConfig config;

    public RoleAugmentor(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            if (!config.anonymousRead()) {
                return Uni.createFrom().item(identity);
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER).build());
        }
        Set<String> roles = identity.getRoles();
        QuarkusSecurityIdentity.Builder b = null;
        for (String name : roles) {
            for (Role implied : Role.parse(name).map(Role::implied).orElse(Set.of())) {
                if (!roles.contains(implied.label())) {
                    b = b == null ? QuarkusSecurityIdentity.builder(identity) : b;
                    b.addRole(implied.label());
                }
            }
        }
        return Uni.createFrom().item(b == null ? identity : b.build());
    }
}
