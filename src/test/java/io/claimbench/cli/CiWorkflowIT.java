package io.claimbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Actions workflow of {@code examples/github-actions}, its commands run in order by bash as the runner
 * would (not the runner itself), twice, from folders outside the project, with the packaged app and the example's
 * own spec: the models behind {@code OPENAI_BASE_URL} are a fake endpoint, EQ-Bench's are the shipped recordings.
 * The {@code uses:} steps are played by the test: checkout copies the example into a fresh folder, the build is the
 * one Maven just ran, and the cache restores and saves the data folder. The second run, restored from the first's
 * cache, makes no model call at all and gives the same verdicts.
 */
class CiWorkflowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("examples/github-actions");

    private WireMockServer wm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        String path = "/v1/chat/completions";
        wm.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.model", equalTo("support-bot-2025-03")))
                .willReturn(answer("CANDIDATE: here is what to do, step by step.")));
        wm.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.model", equalTo("support-bot-2025-01")))
                .willReturn(answer("BASELINE: please contact support.")));
        wm.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1")))
                .withRequestBody(matching(CANDIDATE_IN_A)).willReturn(verdict("A>B")));
        wm.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1")))
                .withRequestBody(matching(CANDIDATE_IN_B)).willReturn(verdict("B>A")));
        // Outside the project (the Failsafe temporary folder is inside it): a user's repository.
        Path outside = Path.of("/tmp");
        work = Files.createTempDirectory(Files.isDirectory(outside) ? outside : Path.of(System.getProperty("java.io.tmpdir")), "ci-workflow");
    }

    @AfterEach
    void tearDown() throws IOException {
        wm.stop();
        deleteTree(work);
    }

    @Test
    void should_pay_nothing_twice_when_the_workflow_runs_again_on_its_cached_data() throws Exception {
        Path cache = work.resolve("actions-cache");
        Result first = runWorkflow(work.resolve("run-1"), cache);
        int calls = wm.getAllServeEvents().size();
        // 6 prompts: 6 candidate and 6 baseline answers, 2 judge games each.
        assertThat(calls).as(first.log).isEqualTo(6 + 6 + 12);
        assertThat(first.exitCodes).as(first.log).containsOnly(0);
        assertThat(first.runs).hasSize(2);

        Result second = runWorkflow(work.resolve("run-2"), cache);
        assertThat(wm.getAllServeEvents()).as("model calls of the second run").hasSize(calls);
        assertThat(second.exitCodes).as(second.log).containsOnly(0);
        JsonNode support = second.runs.get(0);
        assertThat(support.at("/run/evalSet").asText()).isEqualTo("support");
        assertThat(support.at("/models/candidate/fromCache").asLong()).isEqualTo(6);
        assertThat(support.at("/models/baseline/fromCache").asLong()).isEqualTo(6);
        assertThat(support.at("/judging/fromCache").asLong()).isEqualTo(12);
        for (int i = 0; i < 2; i++) {
            assertThat(second.runs.get(i).at("/overall/verdict").asText()).isEqualTo("SUPPORTED");
            assertThat(second.runs.get(i).at("/overall/winRate")).isEqualTo(first.runs.get(i).at("/overall/winRate"));
        }
        assertThat(second.runs.get(1).at("/models/candidate/benchmarkScore/mean").asDouble()).isEqualTo(86.05392151301743);

        assertThat(Files.readString(second.repo.resolve("claimbench-junit.xml"))).contains("<testsuites").contains("testcase");
        assertThat(Files.readString(second.summary)).contains("| claim | category | n | win rate [95% CI] |");
    }

    private record Result(Path repo, Path summary, List<Integer> exitCodes, List<JsonNode> runs, String log) {
    }

    /** One workflow run in a fresh checkout; the cache folder outlives it, as the Actions cache does. */
    private Result runWorkflow(Path repo, Path cache) throws Exception {
        Files.createDirectories(repo);
        Path pathFile = Files.createFile(repo.resolve(".github-path"));
        Path summary = Files.createFile(repo.resolve(".github-step-summary"));
        List<String> path = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        Map<String, Object> workflow = new Yaml().load(Files.readString(EXAMPLE.resolve("claimbench.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("check");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        boolean checkedOut = false;
        for (Map<String, Object> step : steps) {
            String uses = (String) step.get("uses");
            String name = String.valueOf(step.get("name"));
            if (uses != null) {
                if (uses.startsWith("actions/checkout") && !checkedOut) {
                    copy(EXAMPLE, repo); // the user's repository: the spec and its eval sets
                    Files.deleteIfExists(repo.resolve("claimbench.yml"));
                    checkedOut = true;
                } else if (uses.startsWith("actions/checkout")) {
                    // Fetch ClaimBench: the app Maven just packaged stands for the fetched and built one.
                    Path app = repo.resolve(".claimbench-app/target");
                    Files.createDirectories(app);
                    Files.createSymbolicLink(app.resolve("quarkus-app"), Path.of("target/quarkus-app").toAbsolutePath());
                } else if (uses.startsWith("actions/cache/restore") && Files.isDirectory(cache)) {
                    copy(cache, repo.resolve(".claimbench"));
                } else if (uses.startsWith("actions/cache/save")) {
                    deleteTree(cache);
                    copy(repo.resolve(".claimbench"), cache);
                }
                continue;
            }
            if (name.startsWith("Build ClaimBench")) {
                continue; // what Maven did before this test
            }
            int code = bash((String) step.get("run"), repo, env(job, pathFile, summary, path), log);
            codes.add(code);
            path.addAll(Files.readAllLines(pathFile));
            Files.writeString(pathFile, "");
        }
        JsonNode results = JSON.readTree(repo.resolve("claimbench-results.json").toFile());
        List<JsonNode> runs = new ArrayList<>();
        results.forEach(runs::add);
        return new Result(repo, summary, codes, runs, log.toString());
    }

    private Map<String, String> env(Map<String, Object> job, Path pathFile, Path summary, List<String> path) {
        Map<String, String> env = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, String> declared = (Map<String, String>) job.get("env");
        declared.forEach((k, v) -> env.put(k, v.contains("${{") ? "" : v));
        env.put("OPENAI_API_KEY", "sk-ci-secret");
        env.put("OPENAI_BASE_URL", wm.baseUrl() + "/v1");
        env.put("GITHUB_PATH", pathFile.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", String.join(":", path) + (path.isEmpty() ? "" : ":") + System.getenv("PATH"));
        return env;
    }

    private static int bash(String script, Path dir, Map<String, String> env, StringBuilder log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        log.append("$ ").append(script).append('\n').append(out.length() > 4000 ? out.substring(out.length() - 4000) : out);
        return p.exitValue();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
