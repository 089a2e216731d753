package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.EqBenchV2Scorer;
import io.claimbench.support.Runs;
import io.claimbench.support.SharedData;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Import, replay and score, end to end through the service: every EQ-Bench v2 results file published beside the
 * project, as a {@code recorded:} candidate against the shipped gpt-4-0613.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class EqBenchReplayTest {

    @Test
    void should_reproduce_each_published_eq_bench_score_through_a_run() throws IOException {
        Path results = SharedData.require("eq-bench/results");
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(p -> p.toString().endsWith("_eqbench_v2_results.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            JsonNode raw = json.readTree(file.toFile());
            String id = Runs.start(Map.of("evalSet", "eq-bench-v2", "candidate", "recorded:" + file,
                    "baseline", "gpt-4-0613"));
            assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).as(file.toString()).isEqualTo("COMPLETED");
            JsonPath report = JsonPath.from(given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().asString())
                    .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
            double score = report.getDouble("models.candidate.benchmarkScore.mean");
            assertThat(report.getInt("models.candidate.benchmarkScore.n")).isEqualTo(171);
            assertThat(report.getDouble("models.candidate.benchmarkScore.interval.lower")).isLessThan(score);
            assertThat(report.getDouble("models.baseline.benchmarkScore.mean")).isCloseTo(84.79, within(0.01));
            if (raw.has("benchmark_score")) {
                assertThat(score).as(file.getFileName().toString()).isCloseTo(raw.get("benchmark_score").asDouble(), within(0.01));
            } else {
                assertThat(score).as(file.getFileName().toString()).isCloseTo(direct(json, raw), within(1e-9));
            }
            int wins = report.getInt("overall.counts.wins");
            int ties = report.getInt("overall.counts.ties");
            int losses = report.getInt("overall.counts.losses");
            assertThat(wins + ties + losses + report.getInt("overall.counts.unscored") + report.getInt("overall.counts.errors"))
                    .isEqualTo(171);
        }
    }

    /** The same score straight from the files, without the service: what the run must agree with. */
    private static double direct(ObjectMapper json, JsonNode raw) throws IOException {
        JsonNode questions = json.readTree(Path.of("eval-sets/public/eq-bench-v2/eq_bench_v2_questions_171.json").toFile());
        JsonNode inference = raw.get("raw_results").elements().next().get("raw_inference");
        EqBenchV2Scorer scorer = new EqBenchV2Scorer();
        List<AnswerScore> scores = new ArrayList<>();
        inference.fields().forEachRemaining(e -> {
            try {
                scores.add(scorer.score(json.writeValueAsString(questions.get(e.getKey()).get("reference_answer_fullscale")),
                        e.getValue().asText()));
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        return scorer.benchmark(scores).orElseThrow().mean();
    }
}
