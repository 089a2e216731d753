package io.claimbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimbench.models.ModelSpec;
import io.claimbench.runs.InvalidRunException;
import io.claimbench.runs.RunProgress;
import io.claimbench.runs.RunRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running ClaimBench over its REST API, for {@code --server}: models defined with PUT, runs started with POST,
 * followed over server-sent events, results read as the REST document. A refused request (4xx) is the caller's
 * configuration (exit 3, with the server's problem detail and field); an unreachable server or a 5xx, infrastructure.
 */
final class ServerClient {

    /** The server refused a request: its problem detail, the field at fault when it names one. */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** The server could not be reached or failed. */
    static final class Unreachable extends IllegalStateException {
        Unreachable(String message) {
            super(message);
        }
    }

    private final URI base;
    private final String apiKey;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Map<String, RunProgress> latest = new ConcurrentHashMap<>();
    /** Events are read leniently: a newer server may say more than this client knows. */
    private final ObjectMapper lenient = ServerResults.mapper();

    ServerClient(String url, String apiKey, ObjectMapper json) {
        URI u;
        try {
            u = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException("server", "not a URL: '" + shorten(url) + "'", false);
        }
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
            throw new InvalidRunException("server", "an http or https URL is needed, such as http://localhost:8080", false);
        }
        this.base = u;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Defines (or replaces) a model the spec names, as a REST caller may: the server applies its own trust rules. */
    void defineModel(ModelSpec m) {
        ObjectNode body = json.createObjectNode();
        body.put("provider", m.provider().id());
        putIfSet(body, "baseUrl", m.baseUrl());
        putIfSet(body, "model", m.model());
        putIfSet(body, "apiKeyEnv", m.apiKeyEnv());
        if (m.temperature() != null) {
            body.put("temperature", m.temperature());
        }
        if (m.maxTokens() != null) {
            body.put("maxTokens", m.maxTokens());
        }
        body.put("timeoutMillis", m.timeout().toMillis());
        body.put("maxConcurrency", m.maxConcurrency());
        if (m.requestsPerMinute() != null) {
            body.put("requestsPerMinute", m.requestsPerMinute());
        }
        if (m.priceInputPerMillion() != null) {
            body.put("priceInputPerMillion", m.priceInputPerMillion());
        }
        if (m.priceOutputPerMillion() != null) {
            body.put("priceOutputPerMillion", m.priceOutputPerMillion());
        }
        putIfSet(body, "recording", m.recording());
        body.put("stream", m.stream());
        send(request("api/models/" + m.name()).PUT(HttpRequest.BodyPublishers.ofString(body.toString())), "model '" + m.name() + "'");
    }

    /** Starts a run; returns its id. */
    String start(RunRequest r) {
        JsonNode created = send(request("api/runs").POST(HttpRequest.BodyPublishers.ofString(startBody(r).toString())),
                "run");
        return created.path("id").asText();
    }

    /** Follows the run's progress over its events until it ends; the latest is {@link #progress}. */
    void await(String runId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/runs/" + runId + "/events"))
                .header("Accept", "text/event-stream").GET();
        authorize(b);
        try {
            HttpResponse<java.io.InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw failure(response.statusCode(), text, "run " + runId + "'s events");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        latest.put(runId, lenient.readValue(line.substring(5).trim(), RunProgress.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new Unreachable("lost the ClaimBench server at " + base + " while following run " + runId + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while following run " + runId);
        }
    }

    /** The run's latest progress event, for the progress line. */
    Optional<RunProgress> progress(String runId) {
        return Optional.ofNullable(latest.get(runId));
    }

    /** The run's results document, as text (so that it is printed and written exactly as the server sent it). */
    String results(String runId) {
        return sendText(request("api/runs/" + runId + "/results").GET(), "run " + runId + "'s results");
    }

    private ObjectNode startBody(RunRequest r) {
        ObjectNode b = json.createObjectNode();
        b.put("evalSet", r.evalSet());
        b.put("candidate", r.contestants().candidate());
        b.put("baseline", r.contestants().baseline());
        RunRequest.Judging j = r.judging();
        putIfSet(b, "judge", j.judge());
        if (j.judges() != null) {
            j.judges().forEach(b.putArray("judges")::add);
        }
        putIfSet(b, "scorer", j.scorer() == null ? null : j.scorer().label());
        putIfSet(b, "judgeTemplate", j.judgeTemplate());
        putIfSet(b, "judgeAggregate", j.aggregate() == null ? null : j.aggregate().label());
        putIfSet(b, "swap", j.swap() == null ? null : j.swap().label());
        if (j.swapAudit() != null) {
            b.put("swapAudit", j.swapAudit());
        }
        RunRequest.Sampling s = r.sampling();
        if (s.samples() != null) {
            b.put("samples", s.samples());
        }
        if (s.seed() != null) {
            b.put("seed", s.seed());
        }
        if (s.temperature() != null) {
            b.put("temperature", s.temperature());
        }
        RunRequest.Limits l = r.limits();
        if (l.concurrency() != null) {
            b.put("concurrency", l.concurrency());
        }
        if (l.costCap() != null) {
            b.put("costCap", l.costCap());
        }
        if (l.cache() != null) {
            b.put("cache", l.cache());
        }
        if (l.earlyStop() != null) {
            b.put("earlyStop", l.earlyStop());
        }
        putIfSet(b, "comparator", r.claim().comparator());
        if (r.claim().threshold() != null) {
            b.put("threshold", r.claim().threshold());
        }
        if (r.claim().regression() != null && r.claim().regression().margin() != null) {
            b.putObject("regression").put("margin", r.claim().regression().margin());
        }
        return b;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        authorize(b);
        return b;
    }

    private void authorize(HttpRequest.Builder b) {
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
    }

    private JsonNode send(HttpRequest.Builder b, String what) {
        String text = sendText(b, what);
        try {
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw new Unreachable("the server's answer for " + what + " is not JSON");
        }
    }

    private String sendText(HttpRequest.Builder b, String what) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw failure(r.statusCode(), r.body(), what);
            }
            return r.body();
        } catch (IOException e) {
            throw new Unreachable("cannot reach the ClaimBench server at " + base + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while calling the ClaimBench server");
        }
    }

    /** A problem+json answer in one line: its detail and the fields at fault. */
    private RuntimeException failure(int status, String body, String what) {
        String detail = "HTTP " + status;
        try {
            JsonNode p = json.readTree(body);
            StringBuilder sb = new StringBuilder(p.path("detail").asText(p.path("title").asText(detail)));
            for (JsonNode e : p.path("errors")) {
                if (e.hasNonNull("field")) {
                    sb.append(" [").append(e.path("field").asText()).append(": ").append(e.path("message").asText()).append(']');
                }
            }
            detail = sb.toString();
        } catch (IOException | RuntimeException ignored) {
            // not problem+json: the status says enough
        }
        String message = "the server refused " + what + ": " + shorten(detail);
        return status / 100 == 4 && status != 408 && status != 429 ? new Refused(message) : new Unreachable(message);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String shorten(String v) {
        return v.length() <= 300 ? v : v.substring(0, 300) + "...";
    }
}
