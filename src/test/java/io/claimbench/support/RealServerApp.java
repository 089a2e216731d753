package io.claimbench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application with {@code openai} models pointing at real model servers (llama-server, nginx before it),
 * and the REST calls of the real-server tier: start a run, wait for it, read its results and every answer.
 */
public final class RealServerApp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerProcess server;

    private RealServerApp(ServerProcess server) {
        this.server = server;
    }

    /** A model's settings, as {@code claimbench.models.<name>.*} properties. */
    public static Map<String, String> model(String name, String baseUrl, String key, boolean stream, int maxTokens,
                                            Double temperature) {
        Map<String, String> p = new LinkedHashMap<>();
        String prefix = "claimbench.models." + name + ".";
        p.put(prefix + "provider", "openai");
        p.put(prefix + "model", "tiny-chat");
        p.put(prefix + "base-url", baseUrl);
        p.put(prefix + "api-key", key);
        p.put(prefix + "stream", String.valueOf(stream));
        p.put(prefix + "max-tokens", String.valueOf(maxTokens));
        p.put(prefix + "max-concurrency", "4");
        p.put(prefix + "timeout", "60s");
        if (temperature != null) {
            p.put(prefix + "temperature", String.valueOf(temperature));
        }
        return p;
    }

    public static RealServerApp start(Map<String, String> models, Path extraEvalSets, Path dir) throws IOException {
        Map<String, String> props = new LinkedHashMap<>(models);
        props.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        props.put("claimbench.catalog.extra-eval-sets", extraEvalSets.toAbsolutePath().toString());
        // Rate-limited calls compete for the proxy's slots: allow them more attempts than the default 6.
        props.put("claimbench.runs.max-attempts", "12");
        // Each retry is logged with its wait, which the rate-limit test reads.
        props.put("quarkus.log.category.\"io.claimbench.runs.ModelCaller\".level", "INFO");
        return new RealServerApp(ServerProcess.start(props, dir.resolve("app.log")));
    }

    /** Starts a run; its id. */
    public String startRun(Map<String, Object> body) throws IOException, InterruptedException {
        HttpResponse<String> r = server.post("/api/runs", JSON.writeValueAsString(body));
        if (r.statusCode() != 202) {
            throw new AssertionError("POST /api/runs answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** The run once it is final. */
    public JsonNode awaitFinal(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = get("/api/runs/" + id);
            String state = run.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " still " + state + " after " + timeout + ": " + run.get("progress"));
            }
            Thread.sleep(200);
        }
    }

    public JsonNode results(String id) throws IOException, InterruptedException {
        return get("/api/runs/" + id + "/results");
    }

    /** Every comparison of the run, with both answers and the games. */
    public List<JsonNode> comparisons(String id) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = get("/api/runs/" + id + "/comparisons?size=200&page=" + page);
            p.get("items").forEach(out::add);
            if (out.size() >= p.get("total").asLong() || p.get("items").isEmpty()) {
                return out;
            }
        }
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = server.get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** What the application logged so far. */
    public String log() {
        return LlamaServer.read(server.dataDir().getParent().resolve("app.log"));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
