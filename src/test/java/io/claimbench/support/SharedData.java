package io.claimbench.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The published data beside the project ({@code ../shared/data}); tests that need it skip, with a message, without it. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("claimbench.shared-data", System.getenv("CLAIMBENCH_SHARED_DATA"));
        return Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
    }

    /** The path under the data root, or skips the test when the data is absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "skipped: published data not found at " + p);
        return p;
    }
}
