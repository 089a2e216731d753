package io.claimbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.LlamaServer;
import io.claimbench.support.RealServerApp;
import io.claimbench.support.RealServerEvalSets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged launcher's {@code compare} against llama.cpp's llama-server (the tiny model of {@code src/test/llm}):
 * candidate, baseline and judge are {@code openai} models on the real server, on a shipped eval set, and the results JSON it writes counts every item once, with every answer timed to its first
 * token and the judge's verdicts all read from structured output.
 */
class CompareRealServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_compare_two_models_on_the_real_server_with_a_structured_judge() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "compare-real-server-it");
        String key = "real-cli-" + System.nanoTime();
        try (LlamaServer llama = LlamaServer.start(key, dir.resolve("llama.log"))) {
            List<String> options = new ArrayList<>();
            for (Map<String, String> m : List.of(RealServerApp.model("real-cli-cand", llama.baseUrl(), key, true, 12, 1.0),
                    RealServerApp.model("real-cli-base", llama.baseUrl(), key, true, 12, 0.6),
                    RealServerApp.model("real-cli-judge", llama.baseUrl(), key, true, 24, null))) {
                m.forEach((k, v) -> options.add("-D" + k + "=" + v));
            }
            options.add("-Dclaimbench.data-dir=" + dir.resolve("data"));
            Path out = dir.resolve("results.json");
            List<String> cmd = List.of(Path.of("target/quarkus-app/claimbench").toAbsolutePath().toString(), "compare",
                    "--eval-set", RealServerEvalSets.SHIPPED, "--candidate", "real-cli-cand", "--baseline", "real-cli-base",
                    "--judge", "real-cli-judge", "--seed", "12101", "--inconclusive", "pass", "--output", out.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("CLAIMBENCH_JAVA_OPTS", String.join(" ", options));
            Process p = pb.start();
            assertThat(p.waitFor(8, TimeUnit.MINUTES)).as("compare ended").isTrue();
            String stderr = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
            assertThat(stderr).doesNotContain(key);
            assertThat(p.exitValue()).as(stderr).isIn(0, 1);
            JsonNode results = JSON.readTree(out.toFile());
            JsonNode doc = results.isArray() ? results.get(0) : results;
            JsonNode counts = doc.at("/overall/counts");
            long items = counts.get("wins").asLong() + counts.get("ties").asLong() + counts.get("losses").asLong()
                    + counts.get("unscored").asLong() + counts.get("errors").asLong();
            long prompts = RealServerEvalSets.shippedPrompts();
            assertThat(items).as(counts.toString()).isEqualTo(prompts);
            assertThat(counts.get("errors").asLong()).isZero();
            JsonNode judging = doc.get("judging");
            assertThat(judging.get("unscored").asLong()).as(judging.toString()).isZero();
            assertThat(judging.at("/structuredOutput/structured").asLong()).isEqualTo(judging.get("games").asLong()).isPositive();
            assertThat(doc.at("/models/candidate/firstTokenMs/n").asLong()).as("streamed answers timed").isEqualTo(prompts);
            assertThat(llama.tasks()).isEqualTo(2 * prompts + judging.get("games").asLong());
        }
    }
}
