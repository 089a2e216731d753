package io.claimbench.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Config of a {@code @QuarkusMainIntegrationTest} profile, which launches the packaged application ({@code java -jar},
 * a JVM of its own, 5-8 s a launch where an in-process {@code @QuarkusMainTest} rebuilt the application for every
 * launch, 12-15 s). The launcher sets the {@code io.quarkus} log category to INFO to find the start-up line of a
 * server; that would put Quarkus' start and stop lines on the CLI's stderr, so the category inherits its level again,
 * as it does when the application is run as shipped.
 */
public final class PackagedCli {

    private PackagedCli() {
    }

    public static Map<String, String> asShipped(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(overrides);
        config.put("quarkus.log.category.\"io.quarkus\".level", "inherit");
        return config;
    }
}
