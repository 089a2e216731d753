package io.claimbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher (src/main/bin/claimbench, run by sh as the package runs it once made executable) picks its Java, and one too old for the application, or none, ends with one
 * readable line and exit code 4 (infrastructure) rather than the JVM's UnsupportedClassVersionError. The JDKs here
 * are folders with a release file and a bin/java script that says how it was called, so no JVM starts.
 */
class LauncherJavaTest {

    private static final Path LAUNCHER = Path.of("src/main/bin/claimbench").toAbsolutePath();

    @TempDir
    Path dir;

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"" + name + " ran with: $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        }
        return home;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", LAUNCHER.toString(), "--version").directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("stdout")), Files.readString(dir.resolve("stderr")));
    }

    @Test
    void should_run_the_application_with_the_java_of_java_home_when_it_is_21_or_newer() throws Exception {
        for (String version : new String[]{"21.0.5", "25.0.3", "26-ea"}) {
            Path home = jdk("jdk" + version, version);
            Result r = launch(Map.of("JAVA_HOME", home.toString()));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("jdk" + version + " ran with: -XX:TieredStopAtLevel=1")
                    .contains("-jar " + LAUNCHER.getParent().resolve("quarkus-run.jar") + " --version");
        }
    }

    @Test
    void should_say_in_one_line_that_a_java_older_than_21_is_too_old_and_exit_4() throws Exception {
        for (String version : new String[]{"17.0.13", "1.8.0_392", "20.0.2", "11", "9.0.4"}) {
            Path home = jdk("jdk" + version, version);
            Result r = launch(Map.of("JAVA_HOME", home.toString()));
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.out()).as("the old java did not run").isEmpty();
            assertThat(r.err()).hasLineCount(1).startsWith("claimbench: Java 21 or newer is needed")
                    .contains(home.toRealPath().resolve("bin/java") + " is Java " + version).contains("set JAVA_HOME");
        }
    }

    @Test
    void should_find_an_old_java_on_the_path_through_its_symbolic_links() throws Exception {
        Path home = jdk("jdk17", "17.0.13");
        Path bin = Files.createDirectories(dir.resolve("path-bin"));
        Files.createSymbolicLink(bin.resolve("java"), home.resolve("bin/java")); // inside the temporary folder
        Result r = launch(Map.of("PATH", bin + ":/usr/bin:/bin"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).hasLineCount(1).contains("is Java 17.0.13");
    }

    @Test
    void should_run_a_java_without_a_release_file_and_leave_the_check_to_it() throws Exception {
        Path home = jdk("bare", null);
        Result r = launch(Map.of("JAVA_HOME", home.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("bare ran with: ");
    }

    @Test
    void should_say_in_one_line_that_no_java_was_found_and_exit_4() throws Exception {
        // A PATH of the tools the launcher uses, and no java.
        Path bin = Files.createDirectories(dir.resolve("tools"));
        for (String tool : new String[]{"readlink", "dirname", "cat", "sed"}) {
            Path real = Files.exists(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Path wrapper = bin.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec " + real + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Result r = launch(Map.of("PATH", bin.toString(), "JAVA_HOME", dir.resolve("no-such-jdk").toString()));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).hasLineCount(1).startsWith("claimbench: no Java found: set JAVA_HOME");
    }
}
