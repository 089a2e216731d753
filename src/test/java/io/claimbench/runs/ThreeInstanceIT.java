package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.claimbench.support.ServerProcess;
import io.claimbench.support.TestKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of the packaged application (built for PostgreSQL) on one real PostgreSQL share a 1,000-item run
 * that one of them was asked for; one is killed (SIGKILL) in the middle. The run completes, every item is recorded
 * once, no prompt is generated again but those the killed instance had in flight, and each instance recorded items.
 */
class ThreeInstanceIT {

    private static final int PROMPTS = 40;
    private static final int SAMPLES = 25;
    private static final int ITEMS = PROMPTS * SAMPLES;
    private static final int INSTANCES = 3;
    private static final int CONCURRENCY = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedPostgres pg;
    private WireMockServer wm;
    private Path dir;
    private final List<ServerProcess> servers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile()).start();
        wm = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(200));
        wm.start();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE answer").withFixedDelay(20)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE answer").withFixedDelay(20)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A>B").withFixedDelay(20)));
        dir = Files.createTempDirectory(Path.of("target"), "three-instance-it");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ServerProcess s : servers) {
            s.close();
        }
        wm.stop();
        pg.close();
    }

    private Map<String, String> config(int instance) {
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", "postgres"));
        c.put("quarkus.datasource.username", "postgres");
        c.put("quarkus.datasource.password", "postgres");
        c.put("quarkus.datasource.jdbc.max-size", "16");
        c.put("claimbench.data-dir", dir.resolve("instance-" + instance).toAbsolutePath().toString());
        c.put("claimbench.instance.name", "instance-" + instance);
        c.put("claimbench.instance.heartbeat-interval", "1s");
        c.put("claimbench.instance.heartbeat-expiry", "5s");
        // One admin key for all, configured, so that none writes a key of its own.
        c.put("claimbench.auth.keys.multi-admin.hash", "sha256:" + sha256(TestKeys.ADMIN));
        c.put("claimbench.auth.keys.multi-admin.roles", "admin");
        if (instance == INSTANCES) { // an old configuration: still starts, and says the setting is gone
            c.put("claimbench.runs.single-instance", "true");
        }
        for (String m : List.of("cand", "base", "judge")) {
            c.put("claimbench.models.multi-" + m + ".provider", "openai");
            c.put("claimbench.models.multi-" + m + ".base-url", wm.baseUrl() + "/" + m + "/v1");
            c.put("claimbench.models.multi-" + m + ".model", m + "-model");
            c.put("claimbench.models.multi-" + m + ".api-key", "sk-it-" + m);
            c.put("claimbench.models.multi-" + m + ".max-concurrency", "60");
        }
        return c;
    }

    private ServerProcess start(int instance) {
        try {
            ServerProcess s = ServerProcess.start(ServerProcess.postgresqlJar(), config(instance), Map.of(),
                    dir.resolve("instance-" + instance + ".log"), Duration.ofSeconds(180));
            synchronized (servers) {
                servers.add(s);
            }
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void should_share_a_run_between_three_instances_and_finish_it_when_one_is_killed() throws Exception {
        // The first on the empty database alone (it migrates it and indexes the catalog, which two instances starting
        // together on an empty database cannot yet both do), then the other two together.
        ServerProcess first = start(1).withKey(TestKeys.ADMIN);
        CompletableFuture<ServerProcess> second = CompletableFuture.supplyAsync(() -> start(2));
        CompletableFuture<ServerProcess> third = CompletableFuture.supplyAsync(() -> start(3));
        ServerProcess victim = second.join().withKey(TestKeys.ADMIN);
        third.join().withKey(TestKeys.ADMIN);
        assertThat(Files.readString(dir.resolve("instance-3.log"))).contains("claimbench.runs.single-instance is no longer read");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            ids.add(Files.readString(dir.resolve("instance-" + i).resolve("instance.id")).trim());
        }

        var created = first.post("/api/runs", "{\"evalSet\":\"everyday\",\"candidate\":\"multi-cand\",\"baseline\":\"multi-base\","
                + "\"judge\":\"multi-judge\",\"concurrency\":" + CONCURRENCY + ",\"samples\":" + SAMPLES + ",\"seed\":13001}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String runId = JSON.readTree(created.body()).get("id").asText();

        // In the middle: every instance has recorded items of the run that only the first was asked for.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Long> byOwner = recordedByOwner(runId);
        while (!(byOwner.keySet().containsAll(ids) && byOwner.values().stream().allMatch(n -> n >= 5) && total(byOwner) >= ITEMS / 5)) {
            assertThat(System.nanoTime()).as("the instances did not all work on the run: %s", byOwner).isLessThan(deadline);
            Thread.sleep(50);
            byOwner = recordedByOwner(runId);
        }
        victim.kill();
        Map<String, Long> atKill = recordedByOwner(runId);
        System.out.printf("ThreeInstanceIT: killed %s with %d of %d items recorded (%s)%n", ids.get(1), total(atKill), ITEMS, atKill);
        assertThat(total(atKill)).as("killed in the middle").isLessThan(ITEMS);

        deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String state;
        while ((state = JSON.readTree(first.get("/api/runs/" + runId).body()).get("state").asText()).equals("RUNNING")
                || state.equals("QUEUED")) {
            assertThat(System.nanoTime()).as("the run did not finish after the kill").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(state).isEqualTo("COMPLETED");

        // Every item recorded once, by one of the instances; each of them recorded some.
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            assertThat(single(c, "select count(*) from comparison where run_id = '" + runId + "'")).isEqualTo(ITEMS);
            assertThat(single(c, "select count(distinct work_item_id) from comparison where run_id = '" + runId + "'")).isEqualTo(ITEMS);
            assertThat(single(c, "select count(*) from (select work_item_id, role from generation where run_id = '" + runId
                    + "' group by work_item_id, role having count(*) > 1) twice")).isZero();
            assertThat(single(c, "select count(*) from work_item where run_id = '" + runId + "' and state <> 'DONE'")).isZero();
        }
        Map<String, Long> finalOwners = recordedByOwner(runId);
        assertThat(finalOwners.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(finalOwners.get(ids.get(1))).as("the killed instance keeps what it recorded").isEqualTo(atKill.get(ids.get(1)));
        System.out.printf("ThreeInstanceIT: items recorded per instance %s%n", finalOwners);

        // No prompt generated twice but those the killed instance had in flight (its share of the run's concurrency).
        for (String model : List.of("/cand/", "/base/")) {
            Map<String, Long> perPrompt = requestsPerPrompt(model);
            assertThat(perPrompt).hasSize(ITEMS);
            long repeated = perPrompt.values().stream().filter(n -> n > 1).count();
            System.out.printf("ThreeInstanceIT: %s generated again for %d prompts (in flight at the kill)%n", model, repeated);
            assertThat(perPrompt.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
            assertThat(repeated).isLessThanOrEqualTo((CONCURRENCY + INSTANCES - 1) / INSTANCES);
        }
        JsonNode results = JSON.readTree(first.get("/api/runs/" + runId + "/results").body());
        assertThat(results.at("/overall/counts/wins").asInt() + results.at("/overall/counts/ties").asInt()
                + results.at("/overall/counts/losses").asInt()).isEqualTo(ITEMS);
    }

    /** Recorded (done) items of the run by the instance that recorded them. */
    private Map<String, Long> recordedByOwner(String runId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("select owner, count(*) from work_item where run_id = '" + runId
                     + "' and state = 'DONE' group by owner")) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** How many times each distinct request body (one per prompt and sample) reached a model. */
    private Map<String, Long> requestsPerPrompt(String prefix) {
        return wm.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith(prefix))
                .collect(Collectors.groupingBy(r -> r.getBodyAsString(), Collectors.counting()));
    }
}
