package io.claimbench.cli;

import java.nio.file.Path;

/**
 * The data folder (the embedded database, and what else ClaimBench keeps between runs) must be known before the
 * application starts, as the database is opened at start-up: {@code --data-dir} on the command line, else
 * {@code CLAIMBENCH_DATA_DIR}, else {@code ./.claimbench}. It is made absolute, as H2 refuses a bare relative path.
 */
final class DataDir {

    static final String PROPERTY = "claimbench.data-dir";
    static final String OPTION = "--data-dir";
    static final String ENV = "CLAIMBENCH_DATA_DIR";
    static final String DEFAULT = ".claimbench";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    private DataDir() {
    }

    /** Sets the property from the arguments or the environment; returns what it set, or null when it set nothing. */
    static String apply(String... args) {
        if (System.getProperty(PROPERTY) != null) {
            return null;
        }
        String given = fromArgs(args);
        if (given == null) {
            given = System.getenv(ENV);
        }
        if (given == null || given.isBlank()) {
            return null;
        }
        String absolute = Path.of(given).toAbsolutePath().normalize().toString();
        System.setProperty(PROPERTY, absolute);
        return absolute;
    }

    /**
     * With {@code --server} the work is the server's, and its database may be the one in this folder: this process
     * keeps nothing, in an in-memory database of its own (unless a database URL is given). Returns whether it did so.
     */
    static boolean clientOnly(String... args) {
        boolean server = java.util.Arrays.stream(args).takeWhile(a -> !a.equals("--"))
                .anyMatch(a -> a.equals("--server") || a.startsWith("--server="));
        if (!server || System.getenv("CLAIMBENCH_DB_URL") != null || System.getProperty(JDBC_URL) != null) {
            return false;
        }
        System.setProperty(JDBC_URL, "jdbc:h2:mem:claimbench-client;DB_CLOSE_DELAY=-1");
        return true;
    }

    /** The folder in use, for messages. */
    static String current() {
        String p = System.getProperty(PROPERTY);
        return p != null ? p : System.getenv(ENV) != null ? System.getenv(ENV) : "./" + DEFAULT;
    }

    /** {@code --data-dir DIR} or {@code --data-dir=DIR} anywhere before a {@code --} (picocli checks the rest). */
    static String fromArgs(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.equals(OPTION) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (a.startsWith(OPTION + "=")) {
                return a.substring(OPTION.length() + 1);
            }
        }
        return null;
    }
}
