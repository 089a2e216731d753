package io.claimbench.web;

import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as HTML, without a browser: every figure is in the markup (the chart included), the headers keep
 * scripts to this server's own, and bad input gets an error page.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class PagesTest {

    private String run;

    @BeforeEach
    void recordedRun() {
        run = WebFixtures.eqBenchRun();
    }

    @Test
    void should_list_the_run_on_the_dashboard_with_its_verdict_and_win_rate() {
        String html = page("/");
        assertThat(html).contains("href=\"/runs/" + run + "\"").contains("eq-bench-v2").contains("0.573");
        assertThat(page("/dashboard")).contains(run);
    }

    @Test
    void should_show_the_win_rate_its_interval_the_threshold_and_the_eq_bench_scores_on_the_run_page() {
        Response r = given().get("/runs/" + run);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        String html = r.asString();
        assertThat(html).contains("id=\"win-rate\">0.573<").contains("[0.506, 0.643]").contains("n=171");
        assertThat(html).contains("<svg class=\"chart\" id=\"win-rate-chart\"").contains("class=\"interval\"")
                .contains("id=\"threshold-line\"").contains("threshold &gt; 0.500");
        // The published EQ-Bench v2 scores beside ours, and both models' benchmark scores with intervals.
        assertThat(html).contains("86.05").contains("84.79").contains("EQ-Bench v2 gpt-4-1106-preview");
        assertThat(html).containsPattern("id=\"verdict\">(SUPPORTED|INCONCLUSIVE|REFUTED)<");
        assertThat(html).contains("id=\"humans\"").contains("id=\"human-n\">0<");
        assertThat(html).doesNotContain("<script>").contains("<script src=\"/web/live.js\"></script>");
    }

    @Test
    void should_browse_comparisons_by_category_and_outcome_page_by_page_and_open_one_side_by_side() {
        String all = page("/runs/" + run + "/comparisons");
        assertThat(all).contains("171 comparisons").contains("page 1 of 9").contains("id=\"next-page\"");
        String wins = page("/runs/" + run + "/comparisons?outcome=win");
        assertThat(wins).containsPattern("\\d+ comparisons").contains("class=\"outcome win\"").doesNotContain("class=\"outcome loss\"");
        String second = page("/runs/" + run + "/comparisons?page=1");
        assertThat(second).contains("page 2 of 9");
        String viewer = page("/runs/" + run + "/comparisons/0");
        assertThat(viewer).contains("id=\"prompt\"").contains("id=\"candidate\"").contains("id=\"baseline\"")
                .contains("gpt-4-1106-preview").contains("gpt-4-0613");
    }

    @Test
    void should_show_the_leaderboard_with_rating_intervals_and_reference_scores() {
        String html = page("/leaderboard?evalSet=eq-bench-v2");
        assertThat(html).contains("id=\"ratings\"").contains("gpt-4-1106-preview").contains("gpt-4-0613")
                .contains("95% CI").contains("id=\"scores\"");
        assertThat(page("/leaderboard")).contains("<option value=\"eq-bench-v2\"");
        given().get("/leaderboard?evalSet=nope").then().statusCode(404);
    }

    @Test
    void should_answer_bad_input_with_an_error_page() {
        given().get("/runs/nope").then().statusCode(404).contentType("text/html");
        given().get("/runs/" + run + "/comparisons?outcome=maybe").then().statusCode(400);
        given().get("/runs/" + run + "/comparisons?page=-1").then().statusCode(400);
        given().get("/runs/" + run + "/comparisons/99999").then().statusCode(404);
    }

    private static String page(String path) {
        return given().get(path).then().statusCode(200).contentType("text/html").extract().asString();
    }
}
