package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.OpenAiStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The speed and price claims ("answers immediately", "much lower cost") on two streaming fakes: the candidate starts
 * at once and writes 10 tokens, the baseline thinks for 2 s first and writes 200. Every model costs 1.0 per
 * million input and 2.0 per million output tokens, so an answer costs 100e-6 + 10 x 2e-6 = 1.2e-4 against
 * 100e-6 + 200 x 2e-6 = 5e-4: a cost ratio of exactly 0.24. The judge calls every pair a tie.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class EfficiencyRunTest {

    private final WireMockServer wm = WireMockResource.server();

    @Test
    void should_compare_first_token_latency_and_cost_with_intervals_and_judge_each_efficiency_claim() {
        wm.resetAll();
        String nonce = UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/streamer/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiStubs.stream("CANDIDATE quick answer " + nonce, 100, 10))));
        wm.stubFor(post(urlPathEqualTo("/streamer2/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiStubs.stream("BASELINE considered answer " + nonce, 100, 200)).withFixedDelay(2000)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A=B")));

        String id = Runs.start(Map.of("evalSet", "speed", "candidate", "streamer", "baseline", "streamer2", "judge", "judge",
                "seed", 3, "concurrency", 8));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        JsonPath r = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();

        assertThat(r.getInt("efficiency.firstTokenMs.n")).isEqualTo(4);
        assertThat(r.getDouble("efficiency.firstTokenMs.baselineMean")).isGreaterThanOrEqualTo(2000);
        assertThat(r.getDouble("efficiency.firstTokenMs.difference")).isNegative();
        assertThat(r.getDouble("efficiency.firstTokenMs.ratio")).isLessThan(0.5);
        assertThat(r.getDouble("efficiency.firstTokenMs.ratioInterval.upper")).isLessThan(0.5);
        assertThat(r.getDouble("efficiency.latencyMs.differenceInterval.upper")).isLessThan(0);
        assertThat(r.getDouble("efficiency.costPerAnswer.ratio")).isCloseTo(0.24, within(1e-6));
        assertThat(r.getDouble("efficiency.costPerAnswer.ratioInterval.lower")).isCloseTo(0.24, within(1e-6));
        assertThat(r.getDouble("efficiency.costPerAnswer.candidateMean")).isCloseTo(1.2e-4, within(1e-9));
        // all ties: each side has half a win per pair, 4 pairs -> cost per win 1.2e-4 * 4 / 2
        assertThat(r.getDouble("efficiency.costPerWin.candidateCostPerWin")).isCloseTo(2.4e-4, within(1e-9));
        assertThat(r.getDouble("efficiency.costPerWin.ratio")).isCloseTo(0.24, within(1e-6));

        assertThat(r.getList("efficiency.claims.metric")).containsExactly("first-token-ratio", "latency-ratio", "cost-ratio",
                "cost-per-win-ratio");
        assertThat(r.getList("efficiency.claims.verdict")).containsExactly("SUPPORTED", "SUPPORTED", "REFUTED", "SUPPORTED");
        assertThat(r.getString("efficiency.claims[2].statement")).isEqualTo("candidate/baseline cost-ratio < 0.2");
        assertThat(r.getInt("efficiency.claims[2].n")).isEqualTo(4);
    }
}
