package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.Runs;
import io.claimbench.support.SharedData;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two of the 19 Judgemark test models replay their published creative writing against each other on the 19
 * Judgemark prompts, judged by a fake judge that recognises the candidate's piece by a phrase of it. Runs go
 * without the cache: the recorded answers are the same in every run, so cached judgments would be served instead.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class JudgemarkReplayTest {

    private static final String CANDIDATE = "gpt-4-0125-preview";
    private static final String BASELINE = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z ]{30}");

    private final WireMockServer wm = WireMockResource.server();
    private Path testSet;
    private JsonNode outputs;
    private String prompts;

    @BeforeEach
    void load() throws IOException {
        testSet = SharedData.require("eq-bench/data/judgemark_test_set.json");
        outputs = new ObjectMapper().readTree(testSet.toFile());
        prompts = java.nio.file.Files.readString(Path.of("eval-sets/public/eq-bench/creative_writing_prompts.json"));
        wm.resetAll();
    }

    private Map<String, Object> run(String scorer) {
        return Map.of("evalSet", "judgemark", "candidate", "recorded:" + testSet + "#" + CANDIDATE,
                "baseline", "recorded:" + testSet + "#" + BASELINE, "judge", "judge", "scorer", scorer,
                "cache", false, "concurrency", 4);
    }

    @Test
    void should_judge_both_recorded_pieces_of_every_judgemark_prompt_in_both_orders() {
        for (String key : keys()) {
            String mark = Pattern.quote(marker(key));
            wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions"))
                    .withRequestBody(matching("(?s).*" + mark + ".*<<<ANSWER B [0-9a-f]{16}>>>.*")).willReturn(verdict("A>B")));
            wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions"))
                    .withRequestBody(matching("(?s).*<<<ANSWER B [0-9a-f]{16}>>>.*" + mark + ".*")).willReturn(verdict("B>>A")));
        }
        given().get("/api/eval-sets/judgemark").then().statusCode(200)
                .body("rubricTemplate", org.hamcrest.Matchers.equalTo("creative-writing-rubric"))
                .body("prompts.sourceId", org.hamcrest.Matchers.equalTo(keys()));
        String id = Runs.start(run("pairwise-judge"));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(120)).getString("state")).isEqualTo("COMPLETED");

        wm.verify(38, postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")));
        wm.findAll(postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions"))).forEach(r ->
                assertThat(r.getBodyAsString()).contains("vivid and specific imagery").doesNotContain("Mixtral-8x7B", "gpt-4-0125"));
        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getString("run.judgeTemplate")).isEqualTo("creative-writing");
        assertThat(results.getInt("overall.counts.wins")).isEqualTo(19);
        assertThat(results.getInt("judging.games")).isEqualTo(38);
        assertEveryPromptHasBothRecordedAnswersAndAVerdict(id, 2);
    }

    @Test
    void should_grade_both_recorded_pieces_of_every_judgemark_prompt_with_the_creative_writing_rubric() {
        for (String key : keys()) {
            wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).atPriority(1)
                    .withRequestBody(containing(marker(key))).willReturn(answer("Vivid.\n{\"rationale\": \"fresh\", \"rating\": 8}")));
        }
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).atPriority(5).willReturn(answer("Stock phrasing. Rating: [[5]]")));
        String id = Runs.start(run("rubric-judge"));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(120)).getString("state")).isEqualTo("COMPLETED");

        wm.verify(38, postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")));
        wm.findAll(postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions"))).forEach(r ->
                assertThat(r.getBodyAsString()).contains("Purple prose").contains("<<<ANSWER ").doesNotContain("<<<ANSWER A"));
        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getString("run.judgeTemplate")).isEqualTo("creative-writing-rubric");
        assertThat(results.getString("run.judgeTemplateHash")).hasSize(64);
        assertThat(results.getInt("overall.counts.wins")).isEqualTo(19);
        assertThat(results.getDouble("overall.candidateMeanScore.mean")).isCloseTo(8.0, within(1e-9));
        assertThat(results.getDouble("overall.baselineMeanScore.mean")).isCloseTo(5.0, within(1e-9));
        assertEveryPromptHasBothRecordedAnswersAndAVerdict(id, 2);
    }

    private void assertEveryPromptHasBothRecordedAnswersAndAVerdict(String runId, int games) {
        JsonPath page = given().queryParam("size", 50).get("/api/runs/" + runId + "/comparisons").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(19);
        List<Map<String, Object>> items = page.getList("items");
        assertThat(items).extracting(i -> ((String) i.get("promptId")).substring("judgemark-".length()))
                .containsExactlyInAnyOrderElementsOf(keys());
        for (Map<String, Object> item : items) {
            String key = ((String) item.get("promptId")).substring("judgemark-".length());
            assertThat(text(item, "candidate")).as(key).isEqualTo(outputs.get(CANDIDATE).get(key).asText());
            assertThat(text(item, "baseline")).as(key).isEqualTo(outputs.get(BASELINE).get(key).asText());
            assertThat((List<?>) item.get("games")).as(key).hasSize(games);
            assertThat(item.get("outcome")).as(key).isEqualTo("WIN");
        }
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> item, String side) {
        return (String) ((Map<String, Object>) item.get(side)).get("text");
    }

    private List<String> keys() {
        List<String> keys = new java.util.ArrayList<>();
        outputs.get(CANDIDATE).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).hasSize(19);
        return keys;
    }

    /** A phrase of the candidate's piece that neither the prompts nor the baseline's piece contain, and JSON leaves as it is. */
    private String marker(String key) {
        String candidate = outputs.get(CANDIDATE).get(key).asText();
        String baseline = outputs.get(BASELINE).get(key).asText();
        Matcher m = PLAIN.matcher(candidate);
        while (m.find()) {
            if (!baseline.contains(m.group()) && !prompts.contains(m.group()) && m.group().contains(" ")) {
                return m.group();
            }
        }
        throw new AssertionError("no plain phrase unique to " + CANDIDATE + " on prompt " + key);
    }
}
