package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparisons paged by keyset ({@code after=<next>}) while items are being recorded: no pair comes twice, every pair
 * recorded before the walk began is in it, and once the run has ended a walk gives each of its 120 pairs once.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class ComparisonKeysetTest {

    private final WireMockServer wm = WireMockResource.server();

    @Inject
    EntityManager em;

    @Test
    void should_neither_repeat_nor_lose_a_pair_across_pages_while_the_run_records() {
        JudgeStubs.freshContestants(wm);
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A>B").withFixedDelay(15)));
        String id = Runs.start(Map.of("evalSet", "many", "candidate", "cand", "baseline", "base", "judge", "judge",
                "samples", 3, "concurrency", 4, "seed", 14021));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (committed(id).size() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        Set<String> before = committed(id);
        List<String> walked = walk(id, 7);
        assertThat(new HashSet<>(walked)).as("no pair twice").hasSize(walked.size());
        assertThat(walked).as("every pair recorded before the walk").containsAll(before);

        JsonPath run = Runs.awaitFinal(id, Duration.ofSeconds(120));
        assertThat(run.getString("state")).isEqualTo("COMPLETED");
        List<String> all = walk(id, 13);
        assertThat(all).hasSize(120).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed(id));

        assertThat(given().get("/api/runs/" + id + "/comparisons?page=1&after=5").then().statusCode(400)
                .extract().jsonPath().getList("errors.field", String.class)).contains("after");
    }

    /** Every page from the first by its cursor; each pair as "prompt#sample". */
    private List<String> walk(String id, int size) {
        List<String> out = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = given().get("/api/runs/" + id + "/comparisons?size=" + size + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract().jsonPath();
            List<String> prompts = page.getList("items.promptId");
            List<Integer> samples = page.getList("items.sample");
            for (int i = 0; i < prompts.size(); i++) {
                out.add(prompts.get(i) + "#" + samples.get(i));
            }
            after = page.getString("next");
        } while (after != null);
        return out;
    }

    private Set<String> committed(String id) {
        return QuarkusTransaction.requiringNew().call(() -> new HashSet<>(em.createQuery(
                        "select p.promptId || '#' || c.sampleIndex from ComparisonEntity c, PromptVersionEntity p "
                                + "where c.promptVersionId = p.id and c.runId = :run", String.class)
                .setParameter("run", id).getResultList()));
    }
}
