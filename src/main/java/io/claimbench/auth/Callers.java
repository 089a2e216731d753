package io.claimbench.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The name of the caller of the current request, as runs record who started them. */
@RequestScoped
public class Callers {

    public static final String ANONYMOUS = "anonymous";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String current() {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }
}
