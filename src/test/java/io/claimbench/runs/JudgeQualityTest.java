package io.claimbench.runs;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A judge of the candidate's family that always prefers it, against a neutral judge on the same pairs: its
 * self-preference shows as the difference of the candidate's win rates.
 */
@QuarkusTest
@TestProfile(JudgeQualityTest.FamilyModels.class)
@QuarkusTestResource(WireMockResource.class)
class JudgeQualityTest {

    /** The same fake endpoints under family names: a GPT candidate, a Claude baseline, a GPT judge. */
    public static class FamilyModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            for (String[] m : new String[][]{{"gpt-candidate", "cand"}, {"claude-baseline", "base"},
                    {"gpt-judge", "judge"}, {"neutral-judge", "slow"}}) {
                c.put("claimbench.models." + m[0] + ".provider", "openai");
                c.put("claimbench.models." + m[0] + ".model", m[0]);
                c.put("claimbench.models." + m[0] + ".api-key", "sk-test");
                c.put("claimbench.models." + m[0] + ".base-url", "${claimbench.models." + m[1] + ".base-url}");
            }
            return c;
        }
    }

    @Test
    void should_measure_a_judges_preference_for_its_own_family() {
        WireMockServer wm = WireMockResource.server();
        wm.resetAll();
        String nonce = UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE " + nonce)));
        // The GPT judge always prefers the GPT candidate; the neutral judge calls every pair a tie.
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(".*ANSWER A [0-9a-f]{16}>>>\\\\nCANDIDATE.*"))
                .willReturn(verdict("A>B")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(".*ANSWER B [0-9a-f]{16}>>>\\\\nCANDIDATE.*"))
                .willReturn(verdict("B>A")));
        wm.stubFor(post(urlPathEqualTo("/slow/v1/chat/completions")).willReturn(verdict("A=B")));
        for (String judge : new String[]{"gpt-judge", "neutral-judge"}) {
            String id = Runs.start(Map.of("evalSet", "smoke", "candidate", "gpt-candidate", "baseline", "claude-baseline",
                    "judge", judge, "seed", 71));
            assertThat(Runs.awaitFinal(id, Duration.ofSeconds(30)).getString("state")).isEqualTo("COMPLETED");
            if (judge.equals("gpt-judge")) {
                assertThat(given().get("/api/runs/" + id + "/results").then().extract().jsonPath()
                        .getString("judging.sameFamilyAs")).isEqualTo("gpt-candidate");
            }
        }
        JsonPath judges = given().get("/api/judges").then().statusCode(200).extract().jsonPath();
        Map<String, Object> self = judges.getMap("find { it.judge == 'gpt-judge' }.selfPreference");
        assertThat(self.get("contestant")).isEqualTo("gpt-candidate");
        assertThat(((Number) self.get("winRate")).doubleValue()).isCloseTo(1.0, within(1e-9));
        assertThat(((Number) self.get("otherJudgesWinRate")).doubleValue()).isCloseTo(0.5, within(1e-9));
        assertThat(((Number) self.get("difference")).doubleValue()).isCloseTo(0.5, within(1e-9));
        assertThat(judges.getMap("find { it.judge == 'neutral-judge' }").get("selfPreference")).isNull();
    }
}
