package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Comparator;
import io.claimbench.stats.ConfidenceSequence;
import io.claimbench.stats.Interval;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_A;
import static io.claimbench.support.JudgeStubs.CANDIDATE_IN_B;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Under a {@code mean} panel, early stopping observes what the report does: the panel's mean win share. On the
 * 40-prompt {@code many} set, one judge always prefers the candidate decisively and the other always ties, so every
 * pair is a WIN with a mean share of 0.75. On 0.75 per prompt the anytime-valid sequence clears 0.5 only after 37
 * prompts; on the outcomes' 1.0 it would after 11.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class MeanPanelEarlyStopTest {

    private static final int PROMPTS = 40;

    private final WireMockServer wm = WireMockResource.server();

    /** The first number of prompts at which the sequence settles on this share per prompt. */
    private static long settlesAfter(double share) {
        ConfidenceSequence cs = new ConfidenceSequence(0.05, PROMPTS);
        for (long n = 1; n <= PROMPTS; n++) {
            if (cs.verdict(Comparator.GREATER, 0.5, n, share * n) == ClaimVerdict.SUPPORTED) {
                return n;
            }
        }
        return -1;
    }

    @Test
    void should_stop_on_the_panels_mean_share_as_the_report_measures_it() {
        long onShares = settlesAfter(0.75);
        assertThat(onShares).isEqualTo(37);
        assertThat(settlesAfter(1.0)).as("what the outcomes alone would have settled on").isEqualTo(11);

        wm.resetAll();
        String nonce = UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE: specific. " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE: generic. " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_A)).willReturn(verdict("A>>B")));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(matching(CANDIDATE_IN_B)).willReturn(verdict("B>>A")));
        wm.stubFor(post(urlPathEqualTo("/judge2/v1/chat/completions")).willReturn(verdict("A=B")));

        String id = Runs.start(Map.of("evalSet", "many", "candidate", "cand", "baseline", "base",
                "judges", List.of("judge", "judge2"), "judgeAggregate", "mean", "concurrency", 1, "seed", 71,
                "earlyStop", true));
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(120));
        assertThat(run.getString("state")).isEqualTo("COMPLETED");
        Interval at = new ConfidenceSequence(0.05, PROMPTS).at(onShares, 0.75 * onShares);
        assertThat(run.getString("reason")).isEqualTo(String.format(Locale.ROOT,
                "settled early: SUPPORTED after %d prompts (anytime-valid 95%% confidence sequence [%.3f, %.3f]); %d of %d items not run",
                onShares, at.lower(), at.upper(), PROMPTS - onShares, PROMPTS));

        JsonPath results = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getInt("overall.counts.wins")).isEqualTo((int) onShares);
        assertThat(results.getDouble("overall.winRate.value")).isCloseTo(0.75, within(1e-9));
        assertThat(results.getInt("savings.itemsNotRun")).isEqualTo((int) (PROMPTS - onShares));
    }
}
