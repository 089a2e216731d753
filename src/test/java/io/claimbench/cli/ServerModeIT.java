package io.claimbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged launcher's {@code check} against a running packaged server ({@code --server}) and in-process, on the
 * same spec: the same verdicts, win rates and intervals, the same exit code and the same JUnit test cases. The spec's
 * models are defined on the server with PUT; its judged claim runs on the test catalog's smoke set through fake
 * endpoints whose verdicts depend only on the prompt, so both runs see the same data; its second claim replays the
 * shipped EQ-Bench v2 recordings.
 */
class ServerModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per prompt tag: the verdict with the candidate in position A, then in position B. */
    private static final String[][] VERDICTS = {{"p1", "A>B", "B>A"}, {"p2", "A>B", "B>A"}, {"p3", "A>B", "A=B"},
            {"p4", "B>A", "A>B"}, {"p5", "A>B", "B>A"}, {"p6", "A=B", "A=B"}};

    private WireMockServer wm;
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE answer")));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE answer")));
        for (String[] v : VERDICTS) {
            wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(containing("[" + v[0] + "]"))
                    .withRequestBody(matching(CANDIDATE_IN_A)).willReturn(verdict(v[1])));
            wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(containing("[" + v[0] + "]"))
                    .withRequestBody(matching(CANDIDATE_IN_B)).willReturn(verdict(v[2])));
        }
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "server-mode-it");
        Files.writeString(dir.resolve("claimbench.yaml"), """
                models:
                  next: {provider: openai, model: next, base-url: "%1$s/cand/v1"}
                  prod: {provider: openai, model: prod, base-url: "%1$s/base/v1"}
                  grader: {provider: openai, model: grader, base-url: "%1$s/judge/v1"}
                claims:
                  - {name: next beats prod, eval-set: smoke, candidate: next, baseline: prod, judge: grader, seed: 7,
                     hypothesis: {comparator: ">", threshold: 0.5}}
                  - {name: eq-bench, eval-set: eq-bench-v2, candidate: gpt-4-1106-preview, baseline: gpt-4-0613}
                inconclusive: pass
                """.formatted(wm.baseUrl()));
    }

    @AfterEach
    void tearDown() {
        wm.stop();
    }

    @Test
    void should_give_the_same_verdicts_intervals_and_exit_code_over_rest_as_in_process() throws Exception {
        Map<String, String> server = Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("server/db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "claimbench.catalog.eval-sets-dir", Path.of("src/test/resources/catalog/eval-sets").toAbsolutePath().toString(),
                "claimbench.security.key-base-urls", wm.baseUrl());
        Run remote;
        try (ServerProcess s = ServerProcess.start(server, dir.resolve("server.log"))) {
            remote = check(dir.resolve("remote"), "--server", s.url(""), "--api-key", s.adminKey());
        }
        Run local = check(dir.resolve("local"), "--eval-sets", Path.of("src/test/resources/catalog/eval-sets/smoke.yaml").toAbsolutePath().toString());

        assertThat(remote.exitCode).as(remote.stderr).isEqualTo(local.exitCode).isZero();
        assertThat(remote.documents).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode r = remote.documents.get(i);
            JsonNode l = local.documents.get(i);
            assertThat(r.at("/run/evalSet")).isEqualTo(l.at("/run/evalSet"));
            assertThat(r.at("/overall/verdict")).isEqualTo(l.at("/overall/verdict"));
            assertThat(r.at("/overall/winRate")).as("win rate and interval").isEqualTo(l.at("/overall/winRate"));
            assertThat(r.at("/overall/counts")).isEqualTo(l.at("/overall/counts"));
            assertThat(r.at("/categories")).hasSize(l.at("/categories").size());
        }
        assertThat(remote.documents.get(0).at("/overall/winRate/n").asLong()).isEqualTo(6);
        assertThat(remote.documents.get(1).at("/models/candidate/benchmarkScore/mean").asDouble()).isEqualTo(86.05392151301743);
        assertThat(testCases(remote.junit)).isEqualTo(testCases(local.junit)).hasSize(3 + 2);
    }

    private record Run(int exitCode, List<JsonNode> documents, String junit, String stderr) {
    }

    private Run check(Path folder, String... mode) throws Exception {
        Files.createDirectories(folder);
        Path out = folder.resolve("results.json");
        Path junit = folder.resolve("junit.xml");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of("target/quarkus-app/claimbench").toAbsolutePath().toString(),
                "check", "--spec", dir.resolve("claimbench.yaml").toAbsolutePath().toString(),
                "--output", out.toString(), "--junit", junit.toString(), "--format", "json"));
        cmd.addAll(List.of(mode));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile()).redirectOutput(folder.resolve("stdout").toFile())
                .redirectError(folder.resolve("stderr").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(folder.resolve("stderr"), StandardCharsets.UTF_8);
        List<JsonNode> docs = new java.util.ArrayList<>();
        if (Files.exists(out)) {
            JSON.readTree(out.toFile()).forEach(docs::add);
        }
        return new Run(p.exitValue(), docs, Files.exists(junit) ? Files.readString(junit) : "", stderr);
    }

    /** Each test case's class, name and outcome (passed, failure, error, skipped), in order. */
    private static List<String> testCases(String junit) throws Exception {
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.NodeList cases = doc.getElementsByTagName("testcase");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
            String outcome = "passed";
            for (String kind : List.of("failure", "error", "skipped")) {
                if (c.getElementsByTagName(kind).getLength() > 0) {
                    outcome = kind;
                }
            }
            out.add(c.getAttribute("classname") + " / " + c.getAttribute("name") + ": " + outcome);
        }
        return out;
    }
}
