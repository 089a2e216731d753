package io.claimbench.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.DocumentFixtures;
import io.claimbench.support.OpenAiStubs;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON documents of the API, field for field and in order, as recorded from the code before the API had
 * types of its own ({@code src/test/resources/documents}): an EQ-Bench v2 replay, a two-judge panel under
 * adaptive swap (run, results, comparisons, progress events), an exact-match and a rubric-judge run, speed and
 * price claims, epochs, an early stop, the leaderboard, the judges, two plans, the run list, and AlpacaEval and
 * PandaLM imports (human votes). Every run is sequential (concurrency 1, fixed seeds) against WireMock answers
 * without a nonce, on a database of its own, so that the documents depend on the code alone. Record anew with {@code -Ddocuments.record=true}: only when a change of a document is
 * meant.
 */
@QuarkusTest
@TestProfile(DocumentCompatibilityTest.OwnDatabase.class)
@QuarkusTestResource(WireMockResource.class)
class DocumentCompatibilityTest {

    static final Path IMPORTS = Path.of("target/documents-import");

    /** A fresh database, so that the leaderboard and the judges see this test's runs only; imports from target/. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:documents;DB_CLOSE_DELAY=-1",
                    "%test.claimbench.security.recording-roots", "eval-sets/public," + IMPORTS);
        }
    }

    /** The verdicts of JudgePanelRunTest: game 1 (candidate as A), game 2 (candidate as B). */
    private static final String[][] JUDGE = {{"p1", "A>>B", "B>>A"}, {"p2", "A>B", "B>A"}, {"p3", "A>>B", "A>>B"},
            {"p4", "A=B", "A=B"}, {"p5", "B>>A", "A>>B"}};
    private static final String[][] JUDGE2 = {{"p1", "A>B", "B>A"}, {"p2", "B>A", "A>B"}, {"p3", "A>>B", "B>>A"},
            {"p4", "A>B", "B>A"}, {"p5", "B>A", "A>B"}, {"p6", "A=B", "A=B"}};

    private final WireMockServer wm = WireMockResource.server();
    private final DocumentFixtures documents = DocumentFixtures.in(Path.of("src/test/resources/documents"));

    @Test
    void should_answer_the_same_documents_as_before_the_api_had_types_of_its_own() throws IOException {
        String eq = run("eq-bench", Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview",
                "baseline", "gpt-4-0613", "concurrency", 1));
        documents.check("eq-bench-v2-results", get("/api/runs/" + eq + "/results"));

        panelStubs();
        String panel = run("panel", Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base",
                "judges", List.of("judge", "judge2"), "judgeAggregate", "majority", "swap", "adaptive",
                "swapAudit", 0.5, "seed", 5, "concurrency", 1));
        documents.check("panel-run", get("/api/runs/" + panel));
        documents.check("panel-results", get("/api/runs/" + panel + "/results"));
        documents.check("panel-comparisons", get("/api/runs/" + panel + "/comparisons?size=50"));
        documents.check("panel-events", events(panel));

        factsStubs();
        String facts = run("facts", Map.of("evalSet", "facts", "candidate", "cand", "baseline", "base", "seed", 7,
                "concurrency", 1));
        documents.check("facts-results", get("/api/runs/" + facts + "/results"));
        documents.check("facts-comparisons", get("/api/runs/" + facts + "/comparisons?size=50"));

        rubricStubs();
        String rubric = run("rubric", Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base",
                "judge", "judge", "scorer", "rubric-judge", "seed", 9, "concurrency", 1));
        documents.check("rubric-results", get("/api/runs/" + rubric + "/results"));
        documents.check("rubric-comparisons", get("/api/runs/" + rubric + "/comparisons?size=50"));

        speedStubs();
        String speed = run("speed", Map.of("evalSet", "speed", "candidate", "cand", "baseline", "base", "judge", "judge",
                "seed", 3, "concurrency", 1));
        documents.check("speed-results", get("/api/runs/" + speed + "/results"));

        factsStubs();
        String epochs = run("epochs", Map.of("evalSet", "facts", "candidate", "cand", "baseline", "base", "samples", 2,
                "seed", 13, "concurrency", 1));
        documents.check("epochs-results", get("/api/runs/" + epochs + "/results"));

        earlyStopStubs();
        String early = run("early-stop", Map.of("evalSet", "many", "candidate", "cand", "baseline", "base",
                "judge", "judge", "earlyStop", true, "seed", 61, "concurrency", 1));
        documents.check("early-stop-run", get("/api/runs/" + early));
        documents.check("early-stop-results", get("/api/runs/" + early + "/results"));

        documents.check("leaderboard-smoke", get("/api/leaderboard?evalSet=smoke&resamples=50&seed=1"));
        documents.check("judges", get("/api/judges"));
        documents.check("plan-judge", plan(Map.of("evalSet", "smoke", "threshold", 0.5, "expectedWinRate", 0.6,
                "lostShare", 0.1, "candidate", "cand", "baseline", "base", "judge", "judge")));
        documents.check("plan-panel", plan(Map.of("evalSet", "smoke", "threshold", 0.5, "expectedWinRate", 0.6,
                "lostShare", 0.1, "candidate", "cand", "baseline", "base", "judges", List.of("judge", "judge2"),
                "swap", "adaptive", "swapAudit", 0.2)));
        documents.check("runs", get("/api/runs?size=50"));
        documents.check("import-alpaca-eval", importAlpacaEval());
        documents.check("import-pandalm", importPandaLm());

        if (documents.recording()) {
            System.out.println("documents recorded: " + documents.written());
        }
        assertThat(documents.differences()).as("documents that differ from their fixtures").isEmpty();
    }

    private String run(String name, Map<String, Object> body) {
        String id = Runs.start(body);
        documents.nameRun(id, name);
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(120)).getString("state")).as(name).isEqualTo("COMPLETED");
        return id;
    }

    private static String get(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    private static String plan(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/plans").then().statusCode(200).extract().asString();
    }

    /** The progress stream of a finished run: its final state, as a list of the events' data. */
    private static ArrayNode events(String id) throws IOException {
        String stream = given().accept("text/event-stream").get("/api/runs/" + id + "/events").then().statusCode(200)
                .extract().asString();
        ObjectMapper json = new ObjectMapper();
        ArrayNode out = json.createArrayNode();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data:")) {
                out.add(json.readTree(line.substring("data:".length())));
            }
        }
        return out;
    }

    /** Six AlpacaEval annotations: wins, a loss, a tie and one without a preference (unscored). */
    private static String importAlpacaEval() throws IOException {
        Files.createDirectories(IMPORTS);
        Path file = IMPORTS.resolve("annotations.json");
        StringBuilder json = new StringBuilder("[");
        String[][] rows = {{"helpful_base", "2.0"}, {"helpful_base", "1.8"}, {"koala", "1.0"}, {"koala", "1.5"},
                {"oasst", "1.9"}, {"oasst", ""}};
        for (int i = 0; i < rows.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"dataset\":\"").append(rows[i][0])
                    .append("\",\"instruction\":\"Instruction ").append(i + 1)
                    .append("\",\"output_1\":\"Baseline answer ").append(i + 1)
                    .append("\",\"output_2\":\"Candidate answer number ").append(i + 1)
                    .append("\",\"generator_1\":\"base-reference\",\"generator_2\":\"cand-imported\"")
                    .append(",\"annotator\":\"alpaca-test-annotator\",\"preference\":")
                    .append(rows[i][1].isEmpty() ? "null" : rows[i][1]).append("}");
        }
        Files.writeString(file, json.append("]").toString());
        return given().contentType(ContentType.JSON).body(Map.of("format", "alpaca-eval", "path", file.toString()))
                .post("/api/imports").then().statusCode(201).extract().asString();
    }

    /**
     * Three judge files beside a six-item PandaLM test set: two runs, each with the three annotators' votes, so that
     * the humans section (agreement between voters, the judge with their majority) is filled.
     */
    private static String importPandaLm() throws IOException {
        Path dir = IMPORTS.resolve("pandalm");
        Files.createDirectories(dir);
        String[][] votes = {{"1", "1", "1"}, {"2", "2", "1"}, {"0", "0", "0"}, {"1", "2", "2"}, {"1", "1", "0"}, {"2", "2", "2"}};
        StringBuilder set = new StringBuilder("[");
        for (int i = 0; i < votes.length; i++) {
            set.append(i == 0 ? "" : ",").append("{\"idx\":").append(i + 1)
                    .append(",\"motivation_app\":\"").append(i < 3 ? "writing" : "coding")
                    .append("\",\"instruction\":\"Task ").append(i + 1).append("\",\"input\":\"").append(i % 2 == 0 ? "" : "context")
                    .append("\",\"cmp_key\":\"model-x_model-y\",\"response1\":\"First response ").append(i + 1)
                    .append("\",\"response2\":\"Second response ").append(i + 1).append("\"");
            for (int a = 0; a < 3; a++) {
                set.append(",\"annotator").append(a + 1).append("\":\"").append(votes[i][a]).append("\"");
            }
            set.append("}");
        }
        Files.writeString(dir.resolve("testset-v1.json"), set.append("]").toString());
        String[][] judges = {{"judge-a", "1", "2", "0", "2", "1", "2"}, {"judge-b", "1", "1", "Tie", "2", "0", "none"}};
        for (String[] j : judges) {
            StringBuilder verdicts = new StringBuilder("[");
            for (int i = 1; i < j.length; i++) {
                verdicts.append(i == 1 ? "" : ",").append("{\"idx\":").append(i).append(",\"").append(j[0])
                        .append("_result\":\"").append(j[i]).append("\"}");
            }
            Files.writeString(dir.resolve(j[0] + "-testset-v1.json"), verdicts.append("]").toString());
        }
        return given().contentType(ContentType.JSON).body(Map.of("format", "pandalm", "path", dir.resolve("testset-v1.json").toString()))
                .post("/api/imports").then().statusCode(201).extract().asString();
    }

    /**
     * The candidate answers at once with few tokens, the baseline 200 ms later with more: the latency claim holds
     * whatever the machine's speed, and the price claims rest on token counts alone.
     */
    private void speedStubs() {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenAiStubs.completion("CANDIDATE: 28.35 g.", 100, 10))));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE: about 28 grams.")
                .withFixedDelay(200)));
        for (String q : List.of("q1", "q2", "q3", "q4")) {
            JudgeStubs.byPosition(wm, "judge", new String[][]{{q, "A>B", "B>A"}});
        }
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).atPriority(1).withRequestBody(containing("[q4]"))
                .willReturn(verdict("A=B")));
    }

    /** A judge that always prefers the candidate strongly, in both orders: the claim settles before the 40 prompts. */
    private void earlyStopStubs() {
        contestantStubs();
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_A))
                .willReturn(verdict("A>>B")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_B))
                .willReturn(verdict("B>>A")));
    }

    private void contestantStubs() {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE: a specific answer.")));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE: a generic answer.")));
    }

    private void panelStubs() {
        contestantStubs();
        JudgeStubs.byPosition(wm, "judge", JUDGE);
        JudgeStubs.byPosition(wm, "judge2", JUDGE2);
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(containing("[p6]"))
                .willReturn(answer("Both have merit; no decision.")));
    }


    /** Gold answers W, Paris, 42, Jupiter: the candidate misses f3, the baseline f1 and f4. */
    private void factsStubs() {
        wm.resetAll();
        String[][] answers = {{"f1", "W", "I am not sure."}, {"f2", "Paris", "Paris"}, {"f3", "41", "42"},
                {"f4", "Jupiter", "Saturn"}};
        for (String[] a : answers) {
            wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).withRequestBody(containing("[" + a[0] + "]"))
                    .willReturn(answer("The answer is " + a[1] + ".")));
            wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).withRequestBody(containing("[" + a[0] + "]"))
                    .willReturn(answer("The answer is " + a[2] + ".")));
        }
    }

    /** The rubric judge grades the candidate's answers 8 and the baseline's 6, except p6's, which it cannot read. */
    private void rubricStubs() {
        contestantStubs();
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions"))
                .withRequestBody(matching(".*ANSWER [0-9a-f]{16}>>>\\\\nCANDIDATE.*")).willReturn(answer("{\"rating\": 8}")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions"))
                .withRequestBody(matching(".*ANSWER [0-9a-f]{16}>>>\\\\nBASELINE.*")).willReturn(answer("Rating: [[6]]")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).atPriority(1).withRequestBody(containing("[p6]"))
                .withRequestBody(matching(".*ANSWER [0-9a-f]{16}>>>\\\\nBASELINE.*")).willReturn(answer("No grade today.")));
    }
}
