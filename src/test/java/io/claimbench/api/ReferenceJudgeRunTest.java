package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that overrides its eval set's scorer with {@code reference-judge} shows the judge each prompt's gold answer,
 * fenced; the same set judged with {@code pairwise-judge} shows none. The set is {@code facts} (exact-match by
 * default, a reference on every prompt).
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class ReferenceJudgeRunTest {

    private static final Map<String, String> GOLD = Map.of("f1", "W", "f2", "Paris", "f3", "42", "f4", "Jupiter");
    private static final Pattern TAG = Pattern.compile("\\[(f\\d)]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer wm = WireMockResource.server();

    @BeforeEach
    void stubs() {
        JudgeStubs.freshContestants(wm);
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A=B")));
    }

    private List<String> judgePrompts(String scorer, long seed) throws Exception {
        String id = Runs.start(Map.of("evalSet", "facts", "candidate", "cand", "baseline", "base", "judge", "judge",
                "scorer", scorer, "judgeTemplate", "everyday", "seed", seed, "cache", false));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getString("run.scorer")).isEqualTo(scorer);
        assertThat(results.getInt("overall.counts.ties")).isEqualTo(GOLD.size());
        List<String> prompts = new java.util.ArrayList<>();
        for (LoggedRequest r : wm.findAll(postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")))) {
            JsonNode messages = JSON.readTree(r.getBodyAsString()).get("messages");
            prompts.add(messages.get(messages.size() - 1).get("content").asText());
        }
        assertThat(prompts).hasSize(2 * GOLD.size());
        return prompts;
    }

    @Test
    void should_show_the_judge_the_gold_answer_when_the_request_chooses_reference_judge() throws Exception {
        for (String prompt : judgePrompts("reference-judge", 91)) {
            Matcher m = TAG.matcher(prompt);
            assertThat(m.find()).as(prompt).isTrue();
            String gold = GOLD.get(m.group(1));
            assertThat(prompt).contains("[Reference answer]");
            assertThat(prompt).containsPattern("<<<REFERENCE [0-9a-f]{16}>>>\n" + Pattern.quote(gold) + "\n<<<END REFERENCE [0-9a-f]{16}>>>");
        }
    }

    @Test
    void should_show_no_reference_to_a_pairwise_judge_of_the_same_set() throws Exception {
        for (String prompt : judgePrompts("pairwise-judge", 92)) {
            assertThat(prompt).doesNotContain("[Reference answer]").doesNotContain("<<<REFERENCE");
        }
    }
}
