package io.claimbench.auth;

/** The role names, as {@code @RolesAllowed} needs them: constants. Parsed into {@link Role} wherever they are read. */
public final class Roles {

    /** Reads everything: eval sets, models (never their keys), runs, results, judges, the leaderboard. */
    public static final String READER = "reader";
    /** Casts human votes; and reads. */
    public static final String VOTER = "voter";
    /** Starts and cancels runs, defines and deletes models defined over the API, imports files; and votes and reads. */
    public static final String RUNNER = "runner";
    /** Manages API keys; and everything else. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
