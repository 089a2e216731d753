package io.claimbench.runs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.OpenAiStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's concurrency is the number of its calls at the endpoint at once: never more, and, with work waiting, that
 * many. Seen from the endpoint: WireMock's journal gives each request's arrival and how long it was served.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class CallSlotsTest {

    private final WireMockServer wm = WireMockResource.server();

    @Test
    void should_keep_as_many_calls_at_the_endpoint_as_the_run_allows_and_never_more() {
        JudgeStubs.freshContestants(wm);
        for (String model : List.of("cand", "base")) {
            wm.stubFor(post(urlPathEqualTo("/" + model + "/v1/chat/completions"))
                    .willReturn(OpenAiStubs.answer(model.toUpperCase(java.util.Locale.ROOT) + " answer " + java.util.UUID.randomUUID())
                            .withFixedDelay(120)));
        }
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions"))
                .willReturn(OpenAiStubs.verdict("A>B").withFixedDelay(120)));

        String id = Runs.start(Map.of("evalSet", "many", "candidate", "cand", "baseline", "base", "judge", "judge",
                "seed", 7101, "concurrency", 5));
        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(120));
        assertThat(run.getString("state")).isEqualTo("COMPLETED");

        List<ServeEvent> events = wm.getAllServeEvents();
        assertThat(events).hasSize(40 * 4);
        // Each request's time at the endpoint, from its arrival until its answer was written.
        List<long[]> edges = new ArrayList<>();
        for (ServeEvent e : events) {
            long in = e.getRequest().getLoggedDate().getTime();
            edges.add(new long[] {in, 1});
            edges.add(new long[] {in + e.getTiming().getTotalTime(), -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1])); // ends first
        int now = 0;
        int most = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            most = Math.max(most, now);
        }
        assertThat(most).as("calls at the endpoint at once, for a run of concurrency 5").isEqualTo(5);
    }

    /** With one slot, each model's answer waits for the other's; what it waited is not its latency. */
    @Test
    void should_leave_the_wait_for_a_slot_out_of_a_calls_latency() {
        JudgeStubs.freshContestants(wm);
        String nonce = java.util.UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(OpenAiStubs.answer("CANDIDATE " + nonce).withFixedDelay(400)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(OpenAiStubs.answer("BASELINE " + nonce).withFixedDelay(400)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(OpenAiStubs.verdict("A=B")));

        String id = Runs.start(Map.of("evalSet", "single", "candidate", "cand", "baseline", "base", "judge", "judge",
                "seed", 7102, "concurrency", 1));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(30)).getString("state")).isEqualTo("COMPLETED");
        JsonPath item = io.restassured.RestAssured.given().get("/api/runs/" + id + "/comparisons").then().statusCode(200)
                .extract().jsonPath();
        // The two answers were asked for at once and answered one after the other: 800 ms from the first request to
        // the second answer.
        List<ServeEvent> answers = wm.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getUrl().startsWith("/judge")).toList();
        long firstIn = answers.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).min().orElseThrow();
        long lastIn = answers.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max().orElseThrow();
        assertThat(lastIn - firstIn).as("the second answer's request waited for the first's slot").isGreaterThanOrEqualTo(390);
        for (String side : List.of("candidate", "baseline")) {
            assertThat(item.getLong("items[0]." + side + ".latencyMs")).as(side + " latency")
                    .isBetween(400L, 700L);
        }
    }
}
