package io.claimbench.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's {@code llama-server} on a loopback port, serving the tiny model of {@code src/test/llm}: the real
 * model server of the {@code *RealServerIT} tier. {@code src/test/llm/real-server.sh prepare} builds it into the tools
 * folder ({@code CLAIMBENCH_TOOLS}, as for {@link NodeTools}) and writes {@code llama-server.ready}; .ci/run does that
 * in the background while Maven runs, and a test waits for it while {@code llama-server.building} names a live
 * process. Without it a test skips, saying how to prepare it; with {@code CI=true} it fails instead.
 */
public final class LlamaServer implements AutoCloseable {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);
    private static final Pattern METRIC = Pattern.compile("^llamacpp:(\\w+)\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);

    private final Process process;
    private final int port;
    private final String key;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private LlamaServer(Process process, int port, String key, Path log) {
        this.process = process;
        this.port = port;
        this.key = key;
        this.log = log;
    }

    /** What {@code real-server.sh prepare} made: the server binary and the model file. */
    public record Prepared(Path server, Path model) {
    }

    /** The prepared server and model, waiting for a build in progress; otherwise skips, or fails in CI. */
    public static Prepared prepared() {
        Path tools = tools();
        Path ready = tools.resolve("llama-server.ready");
        Path building = tools.resolve("llama-server.building");
        Path failed = tools.resolve("llama-server.failed");
        Duration wait = Duration.parse(System.getProperty("claimbench.real-server.wait", "PT20M"));
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.exists(ready) && !Files.exists(failed) && building(building) && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(2));
        }
        if (Files.exists(failed)) {
            Assertions.fail("llama-server could not be prepared: " + read(failed).strip());
        }
        if (!Files.exists(ready)) {
            String why = building(building) ? "still building after " + wait + " (" + building + ")"
                    : "not prepared in " + tools;
            String message = "llama-server " + why + ": run src/test/llm/real-server.sh prepare (about 5 minutes once; "
                    + "set CLAIMBENCH_TOOLS to use another folder)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true: " + message);
            }
            Assumptions.abort(message);
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(ready)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + ready, e);
        }
        return new Prepared(Path.of(p.getProperty("server")), Path.of(p.getProperty("model")));
    }

    /** Starts a server on a free port and waits until it is healthy (model loaded). */
    public static LlamaServer start(String key, Path log) throws IOException {
        LlamaServer s = launch(prepared(), freePort(), key, log);
        s.awaitHealthy();
        return s;
    }

    /** Starts a server on this port without waiting for it: a caller may be asking it already. */
    public static LlamaServer launch(Prepared prepared, int port, String key, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = List.of(prepared.server().toString(), "-m", prepared.model().toString(), "--host", "127.0.0.1",
                "--port", String.valueOf(port), "-t", "2", "-c", "4096", "-np", "2", "--api-key", key, "--metrics");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LlamaServer server = new LlamaServer(p, port, key, log);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return server;
    }

    public void awaitHealthy() {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("llama-server exited with " + process.exitValue() + ": " + tail());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("llama-server not healthy within " + HEALTHY_WITHIN + ": " + tail());
    }

    /** The OpenAI-compatible base URL, {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The server's own counters ({@code /metrics}, without the {@code llamacpp:} prefix). */
    public Map<String, Double> metrics() throws IOException {
        HttpResponse<String> r = get("/metrics");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, Double> out = new HashMap<>();
        Matcher m = METRIC.matcher(r.body());
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    /**
     * Completions the server worked on so far, from its log: one "processing task" line per request that reached a
     * slot (a request it refused at once, such as one with a wrong key, has none).
     */
    public long tasks() {
        return read(log).lines().filter(l -> l.contains("processing task")).count();
    }

    private HttpResponse<String> get(String path) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String tail() {
        String all = read(log);
        return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The tools folder: {@code -Dclaimbench.tools}, {@code CLAIMBENCH_TOOLS} or {@code ~/.cache/claimbench-tools}. */
    static Path tools() {
        String configured = System.getProperty("claimbench.tools", System.getenv("CLAIMBENCH_TOOLS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "claimbench-tools");
    }

    /** Whether the marker names a process that is still alive (the background build of .ci/run). */
    private static boolean building(Path marker) {
        if (!Files.exists(marker)) {
            return false;
        }
        try {
            long pid = Long.parseLong(read(marker).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
