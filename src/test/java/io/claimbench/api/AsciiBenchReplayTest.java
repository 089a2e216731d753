package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.AsciiArtScorer;
import io.claimbench.support.Runs;
import io.claimbench.support.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ascii-bench replay: the 20 prompts of the published file as an eval set (read from the file, not shipped),
 * its 9 model variants (8 models, claude-sonnet-4.5 with and without a thinking budget) as recorded models, each run
 * against gpt-5 through the ASCII-art scorer, then the leaderboard: ratings from the battles and each model's score
 * with the checks its answers failed.
 */
@QuarkusTest
@TestProfile(AsciiBenchReplayTest.Profile.class)
class AsciiBenchReplayTest {

    static final String FILE = "ascii-bench/ascii_generations.jsonl";
    static final String ANCHOR = "openai/gpt-5";

    /** A catalog holding only the ascii-bench eval set, whose source is the published file where it is installed. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Path.of("target/ascii-bench-catalog/eval-sets");
            Path data = SharedData.root().resolve(FILE);
            String source = Files.exists(data)
                    ? "source:\n  format: ascii-bench\n  path: \"" + data + "\"\n"
                    : "categories: [none]\nprompts:\n  - id: none-001\n    category: none\n    text: \"no data installed\"\n";
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("ascii-bench.yaml"), """
                        id: ascii-bench
                        title: "ascii-bench replay"
                        claim:
                          quote: "draws flawless ASCII art"
                          source: "test fixture"
                        hypothesis:
                          metric: win-rate
                          comparator: ">"
                          threshold: 0.5
                        scorer: ascii-art
                        """ + source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("claimbench.catalog.eval-sets-dir", dir.toString());
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Test
    void should_replay_every_model_score_it_and_rank_it_with_its_failed_checks() throws IOException {
        Path file = SharedData.require(FILE);
        // What the scorer gives each variant, computed here straight from the file.
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Double>> expected = new TreeMap<>();
        Map<String, Map<String, Long>> expectedFailed = new TreeMap<>();
        Map<String, Integer> configs = new TreeMap<>();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(json.readTree(line));
        }
        rows.forEach(r -> configs.merge(r.get("model").asText() + (r.path("reasoning_config").isObject() ? "@" : ""), 1, Integer::sum));
        for (JsonNode r : rows) {
            String model = r.get("model").asText();
            boolean variants = configs.containsKey(model) && configs.containsKey(model + "@");
            String name = variants && r.path("reasoning_config").isObject()
                    ? model + "@" + r.get("reasoning_config").fieldNames().next() + "=" + r.get("reasoning_config").elements().next().asText()
                    : model;
            AnswerScore.Scored s = (AnswerScore.Scored) new AsciiArtScorer().score(null, r.get("ascii_art").asText());
            expected.computeIfAbsent(name, k -> new ArrayList<>()).add(s.value());
            AsciiArtScorer.failed(s).forEach(c -> expectedFailed.computeIfAbsent(name, k -> new TreeMap<>()).merge(c, 1L, Long::sum));
        }
        assertThat(expected).hasSize(9).containsKey("anthropic/claude-sonnet-4.5@max_tokens=16000");

        String anchor = "recorded:" + file + "#" + ANCHOR;
        Map<String, String> runs = new TreeMap<>();
        for (String model : expected.keySet()) {
            if (!model.equals(ANCHOR)) {
                runs.put(model, Runs.start(Map.of("evalSet", "ascii-bench", "candidate", "recorded:" + file + "#" + model,
                        "baseline", anchor, "seed", 1, "concurrency", 8)));
            }
        }
        for (var run : runs.entrySet()) {
            assertThat(Runs.awaitFinal(run.getValue(), Duration.ofSeconds(120)).getString("state")).as(run.getKey()).isEqualTo("COMPLETED");
            JsonPath r = given().get("/api/runs/" + run.getValue() + "/results").then().statusCode(200).extract().jsonPath();
            assertThat(r.getInt("overall.counts.errors")).as(run.getKey()).isZero();
            assertThat(r.getInt("models.candidate.benchmarkScore.n")).isEqualTo(20);
            assertThat(r.getDouble("models.candidate.benchmarkScore.mean")).as(run.getKey())
                    .isCloseTo(mean(expected.get(run.getKey())), within(1e-6));
            Map<String, Object> failed = r.getMap("models.candidate.failedChecks");
            assertThat(failed.keySet()).as(run.getKey()).isEqualTo(expectedFailed.getOrDefault(run.getKey(), Map.of()).keySet());
        }

        JsonPath board = given().queryParam("evalSet", "ascii-bench").queryParam("anchor", anchor).queryParam("resamples", 200)
                .get("/api/leaderboard").then().statusCode(200).extract().jsonPath();
        assertThat(board.getList("ratings")).hasSize(9);
        assertThat(board.getList("scores")).hasSize(9);
        for (Map<String, Object> s : board.<Map<String, Object>>getList("scores")) {
            String model = ((String) s.get("model")).substring(("recorded:" + file + "#").length());
            assertThat(((Number) s.get("n")).intValue()).as(model).isEqualTo(20);
            assertThat(((Number) s.get("mean")).doubleValue()).as(model).isCloseTo(mean(expected.get(model)), within(1e-6));
            @SuppressWarnings("unchecked")
            Map<String, Object> failed = (Map<String, Object>) s.get("failedChecks");
            Map<String, Long> want = expectedFailed.getOrDefault(model, Map.of());
            assertThat(failed).as(model).hasSameSizeAs(want);
            want.forEach((check, n) -> assertThat(((Number) failed.get(check)).longValue()).as(model + " " + check).isEqualTo(n));
            System.out.printf("AsciiBenchReplayTest: %-46s score %.3f, failed %s%n", model, ((Number) s.get("mean")).doubleValue(), failed);
        }
        // The board is sorted by score; gpt-5 as anchor sits at 1000 in the ratings.
        List<Double> means = board.getList("scores.mean", Double.class);
        assertThat(means).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(board.getDouble("ratings.find { it.model == '" + anchor + "' }.rating")).isCloseTo(1000.0, within(1e-3));
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
