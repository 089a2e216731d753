package io.claimbench.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server started as the README says, on an empty data folder: it makes an admin key of its own (an
 * owner-only file, whose path, not content, it logs), refuses anonymous writes, and seals a model's key so that
 * nothing it writes (database file, SQL dump, log, answers) holds the key, while the endpoint still receives it.
 */
class FirstStartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key no other text would contain. */
    private static final String SECRET = "sk-claimbench-distinctive-7f3a9c21e8b44d6f";

    private WireMockServer wm;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET)).willReturn(answer("CANDIDATE answer")));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE answer")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A>B")));
        dir = Files.createTempDirectory(Path.of("target"), "first-start-it");
    }

    @AfterEach
    void tearDown() {
        wm.stop();
    }

    private Map<String, String> config() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("data/claimbench") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "claimbench.catalog.eval-sets-dir", Path.of("src/test/resources/catalog/eval-sets").toAbsolutePath().toString());
    }

    private static String model(String url, String key) {
        return "{\"provider\":\"openai\",\"model\":\"m\",\"baseUrl\":\"" + url + "\",\"apiKey\":\"" + key + "\"}";
    }

    private static void problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(status);
    }

    @Test
    void should_make_its_own_admin_key_refuse_strangers_and_never_write_a_model_key_down() throws Exception {
        Path log = dir.resolve("first.log");
        String runId;
        String admin;
        StringBuilder answers = new StringBuilder();
        try (ServerProcess s = ServerProcess.start(config(), log)) {
            admin = s.adminKey();
            Path keyFile = s.dataDir().resolve("admin.key");
            assertThat(admin).as("admin key in " + keyFile).startsWith("cb_");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(Files.readString(log)).contains(keyFile.toAbsolutePath().normalize().toString()).doesNotContain(admin);

            // Strangers: 401 problem+json for the writes that spend money or change what runs do.
            String run = "{\"evalSet\":\"smoke\",\"candidate\":\"sealed-cand\",\"baseline\":\"plain-base\",\"judge\":\"the-judge\",\"seed\":9103}";
            problem(s.send("POST", "/api/runs", run, null), 401);
            problem(s.send("PUT", "/api/models/x", model(wm.baseUrl() + "/cand/v1", "sk-x"), null), 401);
            problem(s.send("POST", "/api/imports", "{\"format\":\"pandalm\",\"path\":\"x.json\"}", null), 401);
            assertThat(s.send("GET", "/q/health", null, null).statusCode()).isEqualTo(200);

            // The key it made: a runner's work, and an admin's.
            assertThat(s.send("PUT", "/api/models/sealed-cand", model(wm.baseUrl() + "/cand/v1", SECRET), admin).statusCode()).isEqualTo(201);
            assertThat(s.send("PUT", "/api/models/plain-base", model(wm.baseUrl() + "/base/v1", "sk-base-key"), admin).statusCode()).isEqualTo(201);
            assertThat(s.send("PUT", "/api/models/the-judge", model(wm.baseUrl() + "/judge/v1", "sk-judge-key"), admin).statusCode()).isEqualTo(201);
            HttpResponse<String> imported = s.send("POST", "/api/imports", "{\"format\":\"pandalm\",\"path\":\"nowhere.json\"}", admin);
            assertThat(imported.statusCode()).as(imported.body()).isBetween(400, 499).isNotIn(401, 403);
            HttpResponse<String> started = s.send("POST", "/api/runs", run, admin);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            runId = JSON.readTree(started.body()).get("id").asText();

            // Other roles.
            JsonNode reader = JSON.readTree(s.send("POST", "/api/keys", "{\"name\":\"viewer\",\"roles\":[\"reader\"]}", admin).body());
            JsonNode runner = JSON.readTree(s.send("POST", "/api/keys", "{\"name\":\"ci\",\"roles\":[\"runner\"]}", admin).body());
            problem(s.send("POST", "/api/runs", run, reader.get("key").asText()), 403);
            assertThat(s.send("GET", "/api/runs/" + runId, null, reader.get("key").asText()).statusCode()).isEqualTo(200);
            problem(s.send("PUT", "/api/models/gpt-4-0613", model(wm.baseUrl() + "/cand/v1", "sk-x"), runner.get("key").asText()), 409);

            JsonNode done = await(s, runId, admin);
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.get("startedBy").asText()).isEqualTo("key:admin");
            wm.verify(6, postRequestedFor(urlPathEqualTo("/cand/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + SECRET)));

            for (String path : List.of("/api/models", "/api/models/sealed-cand", "/api/runs", "/api/runs/" + runId,
                    "/api/runs/" + runId + "/results", "/api/runs/" + runId + "/comparisons?size=200", "/api/judges",
                    "/api/leaderboard?evalSet=smoke", "/api/keys", "/q/openapi", "/q/metrics")) {
                HttpResponse<String> r = s.send("GET", path, null, admin);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                answers.append(r.body());
            }
            s.stop();
        }
        assertThat(answers.toString()).doesNotContain(SECRET).doesNotContain(admin);

        Path data = dir.resolve("data");
        Path seal = data.resolve("seal.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(seal))).isEqualTo("rw-------");
        // Every byte the server wrote (its database file, its logs) but the admin key's own file.
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("admin.key")).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(SECRET).doesNotContain(admin);
            }
        }
        // A dump of the database, as a backup would be taken.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("claimbench"), "sa", "");
             ResultSet dump = c.createStatement().executeQuery("SCRIPT")) {
            StringBuilder sql = new StringBuilder();
            while (dump.next()) {
                sql.append(dump.getString(1)).append('\n');
            }
            assertThat(sql).contains("sealed:v1:").doesNotContain(SECRET).doesNotContain(admin).doesNotContain("sk-base-key");
        }

        // Started again on the same folder: the same admin key, no new one.
        try (ServerProcess s = ServerProcess.start(config(), dir.resolve("second.log"))) {
            assertThat(s.adminKey()).isEqualTo(admin);
            assertThat(s.send("GET", "/api/models/sealed-cand", null, admin).body()).contains("\"hasApiKey\":true");
            assertThat(Files.readString(dir.resolve("second.log"))).doesNotContain("created the admin key");
        }
    }

    private static JsonNode await(ServerProcess s, String runId, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode run;
        do {
            run = JSON.readTree(s.send("GET", "/api/runs/" + runId, null, key).body());
            if (List.of("COMPLETED", "FAILED", "CANCELLED").contains(run.get("state").asText())) {
                return run;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run did not end: " + run);
    }
}
