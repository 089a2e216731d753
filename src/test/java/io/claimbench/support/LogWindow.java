package io.claimbench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the test log ({@code target/quarkus-test.log}) gained since a point in a test. */
public final class LogWindow {

    /** What a unique violation or a collision of concurrent inserts looks like in the log, on H2 or PostgreSQL. */
    public static final List<String> CONSTRAINT_VIOLATIONS = List.of("violation", "duplicate key", "23505", "90131",
            "concurrent update", "constraintviolation");

    private static final Path LOG = Path.of("target/quarkus-test.log");

    private final long start;

    private LogWindow(long start) {
        this.start = start;
    }

    public static LogWindow open() {
        try {
            return new LogWindow(Files.exists(LOG) ? Files.size(LOG) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines written since {@link #open}, lower-cased. */
    public String written() {
        try {
            if (!Files.exists(LOG)) {
                return "";
            }
            byte[] all = Files.readAllBytes(LOG);
            int from = (int) Math.min(start, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
