package io.claimbench.support;

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
import java.util.Map;

/** The packaged application started as its own process, as a user starts it. */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String key;

    private ServerProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static ServerProcess start(Map<String, String> properties, Path log) throws IOException {
        return start(properties, Map.of(), log);
    }

    /** With these environment variables set, beside the test's own (an empty value removes one). */
    public static ServerProcess start(Map<String, String> properties, Map<String, String> environment, Path log) throws IOException {
        return start(Path.of(System.getProperty("claimbench.app.jar", "target/quarkus-app/quarkus-run.jar")), properties, environment, log);
    }

    /** The application built for PostgreSQL (the {@code postgresql} build in pom.xml). */
    public static Path postgresqlJar() {
        return Path.of(System.getProperty("claimbench.app.postgresql.jar", "target/quarkus-app-postgresql/quarkus-run.jar"));
    }

    /** This packaged application (e.g. {@link #postgresqlJar()}), with these properties and environment variables. */
    public static ServerProcess start(Path jarFile, Map<String, String> properties, Map<String, String> environment, Path log) throws IOException {
        return start(jarFile, properties, environment, log, Duration.ofSeconds(60));
    }

    /** ... waiting up to {@code ready} for it to be ready (several at once on a busy machine take longer). */
    public static ServerProcess start(Path jarFile, Map<String, String> properties, Map<String, String> environment, Path log,
                                      Duration ready) throws IOException {
        String jar = jarFile.toString();
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Dquarkus.http.port=" + port);
        // Its own data folder (beside the log) unless told otherwise: where a first start writes its admin key.
        Path dataDir = Path.of(properties.getOrDefault("claimbench.data-dir", log.getParent().resolve("data").toString()));
        cmd.add("-Dclaimbench.data-dir=" + dataDir);
        properties.forEach((k, v) -> {
            if (!k.equals("claimbench.data-dir")) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        cmd.add("-jar");
        cmd.add(jar);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment.forEach((k, v) -> {
            if (v.isEmpty()) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        ServerProcess server = new ServerProcess(p, port, dataDir);
        server.awaitHealthy(ready);
        Path keyFile = dataDir.resolve("admin.key");
        if (Files.exists(keyFile)) {
            server.key = Files.readString(keyFile).trim();
        }
        return server;
    }

    /** The admin key the server wrote on its first start (null when it was configured with keys of its own). */
    public String adminKey() {
        return key;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Sends this key from now on (null: none). */
    public ServerProcess withKey(String key) {
        this.key = key;
        return this;
    }

    public HttpResponse<String> send(String method, String path, String json, String withKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (withKey != null) {
            b.header("Authorization", "Bearer " + withKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** GET with the server's key, if it has one. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, key);
    }

    /** POST with the server's key, if it has one. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, key);
    }

    /** SIGTERM, as a service manager stops a service; waits for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL: the process gets no chance to record anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
