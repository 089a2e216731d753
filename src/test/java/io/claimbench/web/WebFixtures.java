package io.claimbench.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the page tests share: made once per test JVM, over REST, as a user would. */
final class WebFixtures {

    /** The candidate's answer tries to run script two ways; the pages must show it as text. */
    static final String HOSTILE = "CANDIDATE <script>window.__xss = 'script ran'</script>"
            + "<img src=x onerror=\"window.__xss = 'onerror ran'\"> Boil it for six minutes.";
    static final String CAT = "BASELINE  /\\_/\\\n ( o.o )\n  > ^ <";

    private static String eqBench;
    private static String hostile;

    private WebFixtures() {
    }

    /** The README's main job: EQ-Bench v2, recorded answers of gpt-4-1106-preview against gpt-4-0613. */
    static synchronized String eqBenchRun() {
        if (eqBench == null) {
            eqBench = await(Runs.start(Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview",
                    "baseline", "gpt-4-0613")));
        }
        return eqBench;
    }

    /**
     * A judged run of the smoke set (six prompts, two categories) between models defined over REST against WireMock:
     * the candidate answers with markup that would run script if it were not escaped, the baseline with ASCII art;
     * the judge prefers the candidate in both orders.
     */
    static synchronized String hostileRun() {
        if (hostile == null) {
            WireMockServer wm = WireMockResource.server();
            for (String m : new String[] {"web-cand", "web-base", "web-judge"}) {
                given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", m + "-model",
                                "baseUrl", wm.baseUrl() + "/" + m + "/v1", "apiKey", "sk-test-" + m))
                        .put("/api/models/" + m).then().statusCode(org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
            }
            wm.stubFor(post(urlPathEqualTo("/web-cand/v1/chat/completions")).willReturn(answer(HOSTILE)));
            wm.stubFor(post(urlPathEqualTo("/web-base/v1/chat/completions")).willReturn(answer(CAT)));
            wm.stubFor(post(urlPathEqualTo("/web-judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_A))
                    .willReturn(verdict("A>B")));
            wm.stubFor(post(urlPathEqualTo("/web-judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_B))
                    .willReturn(verdict("B>A")));
            hostile = await(Runs.start(Map.of("evalSet", "smoke", "candidate", "web-cand", "baseline", "web-base",
                    "judge", "web-judge", "seed", 11001, "concurrency", 4)));
        }
        return hostile;
    }

    private static String await(String id) {
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(120)).getString("state")).isEqualTo("COMPLETED");
        return id;
    }
}
