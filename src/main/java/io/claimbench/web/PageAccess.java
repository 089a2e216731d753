package io.claimbench.web;

import io.claimbench.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who may see a page: readers see them all (anyone, with {@code claimbench.auth.anonymous-read}), voters vote. A
 * caller without the role is sent to sign in rather than given the API's 401.
 */
@RequestScoped
public class PageAccess {

    private final SecurityIdentity identity;

    public PageAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public void requireReader(String here) {
        require(Roles.READER, here);
    }

    /** The voter's name, as votes record it: the principal of the key. */
    public String requireVoter(String here) {
        require(Roles.VOTER, here);
        return identity.getPrincipal().getName();
    }

    /** Who is signed in, for the page header; null when no one is. */
    public String signedIn() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private void require(String role, String here) {
        if (!identity.hasRole(role)) {
            throw new SignInRequired(here, role);
        }
    }

    /** A local path to go back to after signing in; anything else (another host, a scheme) becomes the dashboard. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
