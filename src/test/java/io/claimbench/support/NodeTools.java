package io.claimbench.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools .ci/run installs outside the checkout (redocly, openapi-typescript, openapi-fetch, typescript): found
 * through {@code -Dclaimbench.tools}, {@code CLAIMBENCH_TOOLS} or {@code ~/.cache/claimbench-tools}. A test that needs
 * one skips, saying how to install it, when it is missing; in CI ({@code CI=true}) it fails instead, since CI is where
 * they must run.
 */
public final class NodeTools {

    private final Path home;

    private NodeTools(Path home) {
        this.home = home;
    }

    /** The tools folder, when it has these commands and node is on the path; otherwise skips, or fails in CI. */
    public static NodeTools require(String... bins) {
        Path home = locate();
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("node (not on the PATH)");
        }
        for (String bin : bins) {
            if (!Files.isExecutable(home.resolve("node_modules/.bin").resolve(bin))) {
                missing.add(bin + " (not in " + home + "/node_modules/.bin)");
            }
        }
        unavailable(missing);
        return new NodeTools(home);
    }

    /** This tools folder, when it also has these packages (libraries, without a command); otherwise as above. */
    public NodeTools withPackages(String... packages) {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (!Files.isRegularFile(nodeModules().resolve(p).resolve("package.json"))) {
                missing.add(p + " (not in " + nodeModules() + ")");
            }
        }
        unavailable(missing);
        return this;
    }

    private static void unavailable(List<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        String message = "missing " + String.join(", ", missing) + ": .ci/run installs the pinned tools into "
                + "~/.cache/claimbench-tools (or set CLAIMBENCH_TOOLS to a folder that has them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true: " + message);
        }
        Assumptions.abort(message);
    }

    public Path home() {
        return home;
    }

    public Path nodeModules() {
        return home.resolve("node_modules");
    }

    /** Runs one of the tools' commands in {@code dir}; the exit code and everything it printed. */
    public Result run(Path dir, Duration timeout, String bin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(nodeModules().resolve(".bin").resolve(bin).toString());
        cmd.addAll(List.of(args));
        return exec(dir, timeout, cmd);
    }

    /** Runs node itself. */
    public Result node(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.addAll(List.of(args));
        return exec(dir, timeout, cmd);
    }

    /** What a command printed: on stdout, on stderr. */
    public record Result(int exitCode, String stdout, String stderr, List<String> command) {
        @Override
        public String toString() {
            return String.join(" ", command) + " exited with " + exitCode + ":\n" + stdout + stderr;
        }
    }

    private static Result exec(Path dir, Duration timeout, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("node-tool", ".out");
        Path err = Files.createTempFile("node-tool", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        // No telemetry, no update checks, no colours in what the assertions print.
        pb.environment().putAll(Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
                "NO_COLOR", "1", "FORCE_COLOR", "0", "NPM_CONFIG_UPDATE_NOTIFIER", "false"));
        Process p = pb.start();
        boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        Result r = new Result(ended ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8) + (ended ? "" : "\n(killed after " + timeout + ")"), cmd);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    private static Path locate() {
        String configured = System.getProperty("claimbench.tools", System.getenv("CLAIMBENCH_TOOLS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "claimbench-tools");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
