package io.claimbench.web;

/** The page needs a role the caller lacks: a browser is sent to the sign-in page, and back here after it. */
public class SignInRequired extends RuntimeException {

    private final String next;
    private final String role;

    public SignInRequired(String next, String role) {
        super("sign in as " + role);
        this.next = next;
        this.role = role;
    }

    public String next() {
        return next;
    }

    public String role() {
        return role;
    }
}
