package io.claimbench.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's ahead-of-time cache (pom.xml, execution aot-cache: bench/aot-cache.sh's training run) and the launcher
 * that starts with it: the JVM maps the cache's linked classes, and a cache it cannot use costs a CLI nothing but the
 * speed (no warning on stderr, the same exit code). Skipped when the build wrote no cache (no node or python3, or
 * -Dclaimbench.aot.skip); under CI=true, where .ci/run has both, a missing cache fails.
 */
class LauncherAotCacheIT {

    private static final Path APP = Path.of("target/quarkus-app").toAbsolutePath();

    @TempDir
    Path folder;

    @BeforeAll
    static void cacheWritten() {
        if (!Files.isRegularFile(APP.resolve("app.aot"))) {
            String message = "the build wrote no AOT cache (" + APP.resolve("app.aot") + "): bench/aot-cache.sh needs node and python3";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true: " + message);
            }
            Assumptions.abort(message);
        }
    }

    private Result launch(String javaOpts, String... args) throws IOException, InterruptedException {
        return launch(APP, javaOpts, args);
    }

    private Result launch(Path app, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(app.resolve("claimbench").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile())
                .redirectOutput(folder.resolve("stdout").toFile()).redirectError(folder.resolve("stderr").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CLAIMBENCH_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Result(p.exitValue(), Files.readString(folder.resolve("stdout")), Files.readString(folder.resolve("stderr")));
    }

    private record Result(int exitCode, String out, String err) {
    }

    @Test
    void should_start_with_the_cache_the_build_wrote_for_this_jvm() throws Exception {
        assertThat(Files.readString(APP.resolve("app.aot.java")).trim())
                .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString());
        Result r = launch("-Xlog:aot=info", "--version");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Using AOT-linked classes: true").containsPattern("claimbench \\S+ \\(git ");
    }

    @Test
    void should_run_without_a_word_on_stderr_when_the_jvm_cannot_use_the_cache() throws Exception {
        // A heap over 32 GB has no compressed pointers, which the cache was written with: the JVM cannot map it.
        Result big = launch("-Xmx40g", "--version");
        assertThat(big.exitCode()).as(big.err()).isZero();
        assertThat(big.err()).isEmpty();
        assertThat(big.out()).startsWith("claimbench ");
        Result logged = launch("-Xmx40g -Xlog:aot=info", "--version");
        assertThat(logged.out()).doesNotContain("Using AOT-linked classes: true");
    }

    @Test
    void should_not_use_the_cache_from_another_folder_than_the_one_it_was_written_in() throws Exception {
        assertThat(Files.readString(APP.resolve("app.aot.dir")).trim()).isEqualTo(APP.toRealPath().toString());
        // The folder elsewhere: the launcher copied, everything else linked (the cache names the build folder's jars,
        // and a copy that used it would load their classes, not its own).
        Path moved = Files.createDirectory(folder.resolve("installed"));
        Files.copy(APP.resolve("claimbench"), moved.resolve("claimbench"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        try (var entries = Files.list(APP)) {
            for (Path p : entries.filter(p -> !p.getFileName().toString().equals("claimbench")).toList()) {
                Files.createSymbolicLink(moved.resolve(p.getFileName().toString()), p);
            }
        }
        Result r = launch(moved, "-Xlog:aot=info", "--version");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Using AOT-linked classes: true").containsPattern("claimbench \\S+ \\(git ");
    }
}
