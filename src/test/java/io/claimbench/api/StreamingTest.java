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
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A streaming model: its answer arrives over a second, and the time to its first token is recorded apart. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class StreamingTest {

    private final WireMockServer wm = WireMockResource.server();

    @Test
    void should_record_time_to_first_token_for_a_streamed_answer() {
        wm.resetAll();
        String nonce = UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/streamer/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiStubs.stream("Streamed words arrive one after another " + nonce))
                .withChunkedDribbleDelay(10, 1200)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A=B")));

        String id = Runs.start(Map.of("evalSet", "single", "candidate", "streamer", "baseline", "base", "judge", "judge", "seed", 5));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(30)).getString("state")).isEqualTo("COMPLETED");
        JsonPath item = given().get("/api/runs/" + id + "/comparisons").then().extract().jsonPath();
        assertThat(item.getString("items[0].candidate.text")).isEqualTo("Streamed words arrive one after another " + nonce);
        long first = item.getLong("items[0].candidate.firstTokenMs");
        long total = item.getLong("items[0].candidate.latencyMs");
        assertThat(total).isGreaterThanOrEqualTo(1000);
        assertThat(first).isLessThan(total - 500);
        assertThat(item.getInt("items[0].candidate.tokensOut")).isEqualTo(50);
        assertThat(item.get("items[0].baseline.firstTokenMs") == null).isTrue();
        JsonPath results = given().get("/api/runs/" + id + "/results").then().extract().jsonPath();
        assertThat(results.getInt("models.candidate.firstTokenMs.n")).isEqualTo(1);
        assertThat(results.get("models.baseline.firstTokenMs") == null).isTrue();
    }
}
