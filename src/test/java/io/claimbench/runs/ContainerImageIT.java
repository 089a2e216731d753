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
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image that {@code -Pimage} writes (target/claimbench-image.tar, by Jib, with no container engine): its
 * configuration, and the image itself started as a container runtime would (its layers unpacked, /proc mounted, its
 * entrypoint run as its user under chroot) against a real PostgreSQL, until it is ready. Runs only with the profile;
 * the start needs root, which CI has.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_write_an_image_that_starts_on_postgresql_as_a_non_root_user() throws Exception {
        String tar = System.getProperty("claimbench.image.tar");
        Assumptions.assumeTrue(tar != null, "the image is built with -Pimage (docs/scale-out.md); this build has none");
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

        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim());
        Assumptions.assumeTrue(root || "true".equals(System.getenv("CI")), "starting the image (chroot) needs root");
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            run(dir, "tar", "-xf", dir.resolve(layer.asText()).toString(), "-C", rootfs.toString());
        }
        Files.createDirectories(rootfs.resolve("proc"));
        run(dir, "mount", "-t", "proc", "proc", rootfs.resolve("proc").toString());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile()).start()) {
            int port = freePort();
            // The entrypoint, with a free port; chroot starts in /, the image in its working directory.
            List<String> cmd = new ArrayList<>(List.of("chroot", "--userspec=185:185", rootfs.toString()));
            cmd.addAll(entrypoint.subList(0, entrypoint.size() - 2));
            cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", workDir + "/" + entrypoint.getLast()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("container.log").toFile());
            pb.environment().clear();
            env.forEach(e -> pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
            pb.environment().put("CLAIMBENCH_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
            pb.environment().put("CLAIMBENCH_DB_USER", "postgres");
            pb.environment().put("CLAIMBENCH_DB_PASSWORD", "postgres");
            pb.environment().put("CLAIMBENCH_SEAL_KEY", "p1t0ZqfGWTuhrcVpBRhA0KJuuhHjM4tqNmTQr1P2YwU=");
            Process container = pb.start();
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
                container.destroyForcibly().waitFor();
                run(dir, "umount", rootfs.resolve("proc").toString());
            }
        }
    }

    private static String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("container.log"));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", cmd), out).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
