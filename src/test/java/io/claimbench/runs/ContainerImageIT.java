package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image that profile image writes (target/claimbench-image.tar, by Jib, with no container engine): its
 * configuration, and the image itself started as a container runtime would (its layers unpacked, /proc mounted, its
 * entrypoint run as its user under chroot) against a real PostgreSQL, until it is ready. Runs with profile image, on in
 * every build that runs the tests. The start needs root: as root, or through {@code sudo -n} (as .ci/run installs
 * packages); without either it skips when run by hand, and fails under {@code CI=true}.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_write_an_image_that_starts_on_postgresql_as_a_non_root_user() throws Exception {
        String tar = System.getProperty("claimbench.image.tar");
        Assumptions.assumeTrue(tar != null, "the image is built by profile image, in builds that run the tests (docs/scale-out.md); this build has none");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "container-image-it");
        run(dir, "tar", "-xf", Path.of(tar).toAbsolutePath().toString(), "-C", dir.toString());
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(dir.resolve(manifest.get("Config").asText()).toFile()).get("config");
        List<String> entrypoint = strings(config.get("Entrypoint"));
        List<String> env = strings(config.get("Env"));
        assertThat(entrypoint).startsWith("java").endsWith("-jar", "quarkus-run.jar");
        assertThat(config.get("User").asText()).isEqualTo("185");
        String workDir = config.get("WorkingDir").asText();
        assertThat(workDir).isEqualTo("/work");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(env).contains("CLAIMBENCH_HOST=0.0.0.0").anyMatch(e -> e.startsWith("PATH=/opt/java/bin"));
        // the JVM as the launcher runs it: the JIT's first tier only, the parallel collector, two malloc arenas
        assertThat(entrypoint).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
        assertThat(env).contains("MALLOC_ARENA_MAX=2");

        List<String> asRoot = asRoot();
        Assumptions.assumeTrue(asRoot != null || "true".equals(System.getenv("CI")),
                "starting the image (chroot, mount) needs root or sudo without a password; only its configuration was checked");
        assertThat(asRoot).as("CI=true: starting the image needs root or 'sudo -n'").isNotNull();
        Path rootfs = dir.resolve("rootfs");
        run(dir, asRoot, "mkdir", "-p", rootfs.resolve("proc").toString());
        try {
            // As root, so that the layers keep their owners and modes (/tmp 1777, /work of user 185).
            for (JsonNode layer : manifest.get("Layers")) {
                run(dir, asRoot, "tar", "-xpf", dir.resolve(layer.asText()).toString(), "-C", rootfs.toString());
            }
            start(dir, asRoot, rootfs, entrypoint, env, workDir);
        } finally {
            run(dir, asRoot, "rm", "-rf", "--one-file-system", rootfs.toString());
        }
    }

    private static void start(Path dir, List<String> asRoot, Path rootfs, List<String> entrypoint, List<String> env, String workDir)
            throws Exception {
        run(dir, asRoot, "mount", "-t", "proc", "proc", rootfs.resolve("proc").toString());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile()).start()) {
            int port = freePort();
            // The entrypoint, with a free port; chroot starts in /, the image in its working directory.
            List<String> cmd = new ArrayList<>(asRoot);
            cmd.addAll(List.of("env", "-i"));
            env.forEach(cmd::add);
            cmd.add("CLAIMBENCH_DB_URL=" + pg.getJdbcUrl("postgres", "postgres"));
            cmd.addAll(List.of("CLAIMBENCH_DB_USER=postgres", "CLAIMBENCH_DB_PASSWORD=postgres",
                    "CLAIMBENCH_SEAL_KEY=p1t0ZqfGWTuhrcVpBRhA0KJuuhHjM4tqNmTQr1P2YwU="));
            cmd.addAll(List.of(chroot(), "--userspec=185:185", rootfs.toString()));
            cmd.addAll(entrypoint.subList(0, entrypoint.size() - 2));
            cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", workDir + "/" + entrypoint.getLast()));
            // The image's environment only (env -i), as a runtime would set it; sudo would not pass one through.
            Process container = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("container.log").toFile()).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                int status = 0;
                while (status != 200) {
                    assertThat(container.isAlive()).as("the container exited: %s", log(dir)).isTrue();
                    assertThat(System.nanoTime()).as("the container was not ready: %s", log(dir)).isLessThan(deadline);
                    Thread.sleep(200);
                    try {
                        status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException notYet) {
                        status = 0;
                    }
                }
                assertThat(log(dir)).contains("heartbeat every");
            } finally {
                stop(dir, asRoot, container);
            }
        } finally {
            run(dir, asRoot, "umount", rootfs.resolve("proc").toString());
        }
    }

    /** The JVM in the image runs as user 185 under sudo, env and chroot, which a signal to the first would not reach. */
    private static void stop(Path dir, List<String> asRoot, Process container) throws Exception {
        List<String> pids = container.descendants().map(p -> Long.toString(p.pid())).toList();
        if (!pids.isEmpty()) {
            List<String> kill = new ArrayList<>(List.of("kill", "-9"));
            kill.addAll(pids);
            new ProcessBuilder(concat(asRoot, kill)).directory(dir.toFile()).start().waitFor();
        }
        container.destroyForcibly().waitFor();
    }

    /** The prefix that runs a command as root: none as root, {@code sudo -n} where that works; null otherwise. */
    private static List<String> asRoot() throws Exception {
        if ("0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim())) {
            return List.of();
        }
        try {
            Process sudo = new ProcessBuilder("sudo", "-n", "true").redirectErrorStream(true).start();
            sudo.getInputStream().readAllBytes();
            return sudo.waitFor() == 0 ? List.of("sudo", "-n") : null;
        } catch (IOException noSudo) {
            return null;
        }
    }

    /** chroot's path on this machine (in sbin, which the image's PATH, that env -i passes on, does not name). */
    private static String chroot() {
        return Stream.of("/usr/sbin/chroot", "/sbin/chroot", "/usr/bin/chroot").filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseThrow(() -> new AssertionError("no chroot in /usr/sbin, /sbin or /usr/bin"));
    }

    private static List<String> concat(List<String> prefix, List<String> cmd) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(cmd);
        return all;
    }

    private static String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("container.log"));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void run(Path dir, String... cmd) throws Exception {
        run(dir, List.of(), cmd);
    }

    private static void run(Path dir, List<String> prefix, String... cmd) throws Exception {
        Process p = new ProcessBuilder(concat(prefix, List.of(cmd))).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", cmd), out).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
