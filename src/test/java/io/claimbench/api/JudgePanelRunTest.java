package io.claimbench.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.judging.JudgePanel;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.Runs;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;

/**
 * A panel of two fake judges over the smoke set (p1-p6). Verdicts, game 1 (candidate as A) / game 2 (candidate as B):
 * <pre>
 *        judge                 judge2
 *   p1   A>>B / B>>A  win      A>B / B>A   win
 *   p2   A>B  / B>A   win      B>A / A>B   loss
 *   p3   A>>B / A>>B  always A A>>B / B>>A win
 *   p4   A=B  / A=B   tie      A>B / B>A   win
 *   p5   B>>A / A>>B  loss     B>A / A>B   loss
 *   p6   unreadable            A=B / A=B   tie
 * </pre>
 * Under adaptive swap judge's p3 is a win when only its decisive first order is judged, and a tie (its position
 * bias caught) when the pair is audited.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class JudgePanelRunTest {

    private static final String[][] JUDGE = {{"p1", "A>>B", "B>>A"}, {"p2", "A>B", "B>A"}, {"p3", "A>>B", "A>>B"},
            {"p4", "A=B", "A=B"}, {"p5", "B>>A", "A>>B"}};
    private static final String[][] JUDGE2 = {{"p1", "A>B", "B>A"}, {"p2", "B>A", "A>B"}, {"p3", "A>>B", "B>>A"},
            {"p4", "A>B", "B>A"}, {"p5", "B>A", "A>B"}, {"p6", "A=B", "A=B"}};

    private final WireMockServer wm = WireMockResource.server();

    @BeforeEach
    void stubs() {
        wm.resetAll();
        String nonce = java.util.UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE: a specific answer. " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE: a generic answer. " + nonce)));
        JudgeStubs.byPosition(wm, "judge", JUDGE);
        JudgeStubs.byPosition(wm, "judge2", JUDGE2);
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).withRequestBody(containing("[p6]"))
                .willReturn(answer("Both have merit; no decision.")));
    }


    private static Map<String, Object> panelRun(long seed, String aggregate, String swap, Double audit) {
        Map<String, Object> body = new HashMap<>(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base",
                "judges", List.of("judge", "judge2"), "judgeAggregate", aggregate, "swap", swap, "seed", seed, "concurrency", 4));
        if (audit != null) {
            body.put("swapAudit", audit);
        }
        return body;
    }

    @Test
    void should_report_each_judge_their_agreement_the_audit_share_and_position_bias_under_adaptive_swap() {
        long seed = 5;
        String id = Runs.start(panelRun(seed, "majority", "adaptive", 0.5));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        List<Map<String, Object>> items = given().queryParam("size", 50).get("/api/runs/" + id + "/comparisons").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Boolean> audited = new HashMap<>();
        Map<String, String> outcome = new HashMap<>();
        Map<String, Long> games = new HashMap<>();
        for (Map<String, Object> i : items) {
            String p = ((String) i.get("prompt")).substring(1, 3);
            // the audit draw is reproducible from the run's seed and the pair's identity
            boolean drawn = JudgePanel.audited(seed, i.get("promptHash") + "#0", 0.5);
            assertThat(i.get("swapAudited")).as(p).isEqualTo(drawn);
            audited.put(p, drawn);
            outcome.put(p, (String) i.get("outcome"));
            for (Object g : (List<?>) i.get("games")) {
                games.merge(p + "/" + ((Map<?, ?>) g).get("judge"), 1L, Long::sum);
            }
        }
        assertThat(audited).as("seed 5 audits some pairs and not others").containsValue(true).containsValue(false);
        // the second order is judged after a non-decisive first verdict, or when audited
        for (String p : List.of("p1", "p3", "p5")) {
            assertThat(games.get(p + "/judge")).as(p).isEqualTo(audited.get(p) ? 2L : 1L);
        }
        assertThat(games.get("p3/judge2")).isEqualTo(audited.get("p3") ? 2L : 1L);
        for (String key : List.of("p2/judge", "p4/judge", "p6/judge", "p1/judge2", "p2/judge2", "p4/judge2", "p5/judge2", "p6/judge2")) {
            assertThat(games.get(key)).as(key).isEqualTo(2L);
        }
        long judgeCalls = games.values().stream().mapToLong(Long::longValue).sum();
        wm.verify((int) games.entrySet().stream().filter(e -> e.getKey().endsWith("/judge")).mapToLong(Map.Entry::getValue).sum(),
                postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")));
        // majority of two: agreement decides, disagreement is a split (tie); p6 rests on judge2 alone
        assertThat(outcome).containsEntry("p1", "WIN").containsEntry("p2", "TIE").containsEntry("p4", "TIE")
                .containsEntry("p5", "LOSS").containsEntry("p6", "TIE")
                .containsEntry("p3", audited.get("p3") ? "TIE" : "WIN");

        JsonPath r = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("judging.judges")).containsExactly("judge", "judge2");
        assertThat(r.getString("judging.aggregate")).isEqualTo("majority");
        assertThat(r.getInt("judging.games")).isEqualTo((int) judgeCalls);
        assertThat(r.getString("judging.swap.mode")).isEqualTo("adaptive");
        assertThat(r.getDouble("judging.swap.auditShareSet")).isEqualTo(0.5);
        long auditedPairs = audited.values().stream().filter(b -> b).count();
        assertThat(r.getLong("judging.swap.auditedPairs")).isEqualTo(auditedPairs);
        assertThat(r.getDouble("judging.swap.auditedShare")).isCloseTo(auditedPairs / 6.0, within(1e-6));
        assertThat(r.getLong("judging.swap.pairs")).isEqualTo(12);
        assertThat(r.getLong("judging.swap.secondOrderJudged")).isEqualTo(judgeCalls - 12);
        assertThat(r.getString("judging.swap.positionBiasFrom")).isEqualTo("audited pairs");
        // position bias from the audited pairs only: both games scored, per judge
        long judgeBiasPairs = audited.entrySet().stream().filter(e -> e.getValue() && !e.getKey().equals("p6")).count();
        assertThat(r.getLong("judging.perJudge[0].positionBias.pairs")).isEqualTo(judgeBiasPairs);
        assertThat(r.getLong("judging.perJudge[1].positionBias.pairs")).isEqualTo(auditedPairs);
        assertThat(r.getLong("judging.positionBias.pairs")).isEqualTo(judgeBiasPairs + auditedPairs);
        // each judge alone: judge wins p1 p2 (p3), ties p4 (p3), loses p5; judge2 wins p1 p3 p4, ties p6, loses p2 p5
        assertThat(r.getInt("judging.perJudge[0].verdicts.wins")).isEqualTo(audited.get("p3") ? 2 : 3);
        assertThat(r.getInt("judging.perJudge[0].verdicts.unscored")).isEqualTo(1);
        assertThat(r.getInt("judging.perJudge[1].verdicts.wins")).isEqualTo(3);
        assertThat(r.getDouble("judging.perJudge[1].winRate")).isCloseTo(3.5 / 6, within(1e-6));
        assertThat(r.getDouble("judging.perJudge[1].wilson.lower")).isLessThan(3.5 / 6);
        // they agree on p1 and p5, and on p3 unless judge's bias was audited; p6 is not decided by both
        assertThat(r.getString("judging.agreement[0].a")).isEqualTo("judge");
        assertThat(r.getLong("judging.agreement[0].agreement.n")).isEqualTo(5);
        assertThat(r.getDouble("judging.agreement[0].agreement.raw")).isCloseTo((audited.get("p3") ? 2 : 3) / 5.0, within(1e-6));
        JsonPath run = given().get("/api/runs/" + id).then().extract().jsonPath();
        assertThat(run.getList("judges")).containsExactly("judge", "judge2");
        assertThat(run.getString("swap")).isEqualTo("adaptive");
    }

    @Test
    void should_average_the_panel_under_the_mean_with_both_orders_always() {
        String id = Runs.start(panelRun(6, "mean", "always", null));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        wm.verify(12, postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")));
        wm.verify(12, postRequestedFor(urlPathEqualTo("/judge2/v1/chat/completions")));
        JsonPath r = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        // shares p1 1, p2 1/2, p3 (tie, win) 3/4, p4 (tie, win) 3/4, p5 0, p6 (judge2 alone, tie) 1/2
        assertThat(r.getDouble("overall.winRate.value")).isCloseTo(3.5 / 6, within(1e-6));
        assertThat(r.getInt("overall.counts.wins")).isEqualTo(3);
        assertThat(r.getInt("overall.counts.ties")).isEqualTo(2);
        assertThat(r.getInt("overall.counts.losses")).isEqualTo(1);
        assertThat(r.getString("judging.aggregate")).isEqualTo("mean");
        assertThat(r.getString("judging.swap.positionBiasFrom")).isEqualTo("all pairs");
        assertThat(r.getDouble("judging.swap.secondOrderShare")).isEqualTo(1.0);
        // judge always prefers position A on p3: one of its five scored pairs does not survive the swap
        assertThat(r.getDouble("judging.perJudge[0].positionBias.consistency")).isCloseTo(4 / 5.0, within(1e-6));
        assertThat(r.getDouble("judging.perJudge[1].positionBias.consistency")).isEqualTo(1.0);
    }

    @Test
    void should_reject_a_panel_that_does_not_add_up() {
        problem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "judges", List.of("judge2")), "judges");
        problem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judges", List.of("judge", "judge")), "judges[1]");
        problem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "swapAudit", 0.3), "swapAudit");
        problem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "swap", "sometimes"), "swap");
        problem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judges", List.of("judge", "judge2"),
                "judgeAggregate", "median"), "judgeAggregate");
        problem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "swap", "adaptive",
                "swapAudit", 1.5), "swapAudit");
    }

    private static void problem(Map<String, Object> body, String field) {
        given().contentType("application/json").body(body).post("/api/runs").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }
}
