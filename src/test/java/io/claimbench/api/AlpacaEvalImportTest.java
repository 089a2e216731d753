package io.claimbench.api;

import io.claimbench.support.SharedData;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** AlpacaEval's published verdicts, imported over REST, reproduce AlpacaEval's figures and feed the leaderboard. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class AlpacaEvalImportTest {

    private static final Map<String, double[]> PUBLISHED = Map.of(
            // win_rate, standard_error, n_wins, n_draws, discrete_win_rate, avg_length (data/SOURCES.md)
            "gpt-3.5-turbo-1106", new double[]{9.177965, 0.890412, 64, 4, 8.198758, 796},
            "gpt4_0613_concise", new double[]{9.400321, 0.901021, 71, 5, 9.130435, 627});

    private static JsonPath post(Path annotations, int status) {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("format", "alpaca-eval", "path", annotations.toString()))
                .post("/api/imports").then().statusCode(status).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).setRootPath("runs[0]");
    }

    @Test
    void should_reproduce_published_alpaca_eval_figures_and_import_once() throws IOException {
        Path results = SharedData.require("alpaca_eval/results");
        List<Path> files;
        try (Stream<Path> s = Files.walk(results)) {
            files = s.filter(p -> p.getFileName().toString().equals("annotations.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            JsonPath r = post(file, 201);
            String model = r.getString("run.candidate");
            assertThat(r.getString("run.baseline")).isEqualTo("gpt4_1106_preview");
            assertThat(r.getString("run.state")).isEqualTo("COMPLETED");
            assertThat(r.getInt("overall.winRate.n")).isEqualTo(805);
            double[] p = PUBLISHED.get(model);
            if (p != null) {
                assertThat(100 * r.getDouble("overall.winRate.value")).as(model).isCloseTo(p[0], within(1e-6));
                assertThat(100 * r.getDouble("overall.winRate.standardError")).isCloseTo(p[1], within(1e-6));
                assertThat(r.getInt("overall.counts.wins")).isEqualTo((int) p[2]);
                assertThat(r.getInt("overall.counts.ties")).isEqualTo((int) p[3]);
                assertThat(100 * r.getDouble("overall.winRate.discrete")).isCloseTo(p[4], within(1e-6));
                assertThat((int) r.getDouble("models.candidate.lengthChars.mean")).isEqualTo((int) p[5]);
            }
            String runId = r.getString("run.id");
            // The same file again: the same run, nothing added.
            assertThat(post(file, 201).getString("run.id")).isEqualTo(runId);
            assertThat(given().queryParam("size", 1).get("/api/runs/" + runId + "/comparisons").then().extract()
                    .jsonPath().getInt("total")).isEqualTo(805);
        }

        JsonPath board = given().queryParam("evalSet", "alpaca-eval").queryParam("anchor", "gpt4_1106_preview")
                .queryParam("resamples", 100).get("/api/leaderboard").then().statusCode(200).extract().jsonPath();
        List<String> order = board.getList("ratings.model");
        assertThat(order).contains("gpt4_1106_preview", "alpaca-7b", "FuseChat-Llama-3.2-3B-Instruct");
        // FuseChat wins about half against the baseline, alpaca-7b about 2%: the baseline sits between them.
        assertThat(order.indexOf("FuseChat-Llama-3.2-3B-Instruct")).isLessThan(order.indexOf("alpaca-7b"));
        assertThat(order.indexOf("alpaca-7b")).isEqualTo(order.size() - 1);
    }

    @Test
    void should_refuse_files_outside_the_roots_and_unknown_formats() {
        given().contentType(ContentType.JSON).body(Map.of("format", "alpaca-eval", "path", "/etc/passwd"))
                .post("/api/imports").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("path"));
        given().contentType(ContentType.JSON).body(Map.of("format", "nope", "path", "eval-sets/public/eq-bench-v2/LICENSE"))
                .post("/api/imports").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
        given().contentType(ContentType.JSON).body(Map.of("format", "alpaca-eval", "path", "eval-sets/public/eq-bench-v2/LICENSE"))
                .post("/api/imports").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("path"));
    }
}
