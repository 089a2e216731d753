package io.claimbench.web;

import io.claimbench.support.TestKeys;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Blind votes over HTTP as a browser sends them: forms, cookies and redirects. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class VotingTest {

    private static final Pattern COMPARISON = Pattern.compile("name=\"comparison\" value=\"(\\d+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A ballot page, as the admin (a voter too) sees it: its pair, CSRF token and cookie. */
    private record Ballot(String html, String comparison, String token, String cookie) {
    }

    private static Ballot ballot(String run) {
        Response r = given().get("/runs/" + run + "/vote?category=alpha");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.asString();
        Matcher c = COMPARISON.matcher(html);
        Matcher t = CSRF.matcher(html);
        assertThat(c.find()).as("a pair to vote on").isTrue();
        assertThat(t.find()).isTrue();
        String cookie = r.getCookie(CsrfToken.COOKIE);
        return new Ballot(html, c.group(1), t.group(1), cookie == null ? t.group(1) : cookie);
    }

    private static Response vote(String run, Ballot b, String choice, String token) {
        return given().redirects().follow(false).cookie(CsrfToken.COOKIE, b.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("comparison", b.comparison()).formParam("choice", choice).formParam("category", "alpha")
                .formParam("reason", "<b>clearer</b>").formParam("csrf", token).post("/runs/" + run + "/vote");
    }

    private static JsonPath humans(String run) {
        return given().get("/api/runs/" + run + "/results").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void should_store_a_vote_once_and_reveal_the_models_only_after_it() {
        String run = WebFixtures.hostileRun();
        Ballot b = ballot(run);
        assertThat(b.html()).doesNotContain("web-cand").doesNotContain("web-base");
        given().get("/runs/" + run + "/vote/" + b.comparison()).then().statusCode(403);
        Integer votes = humans(run).getObject("humans.votes", Integer.class);
        int before = votes == null ? 0 : votes;

        Response first = vote(run, b, "TIE", b.token());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).contains("/vote/" + b.comparison()).contains("repeated=false");
        Response second = vote(run, b, "LEFT", b.token());
        assertThat(second.header("Location")).contains("repeated=true");

        JsonPath after = humans(run);
        assertThat(after.getInt("humans.votes")).isEqualTo(before + 1);
        assertThat(after.getInt("humans.winRate.n")).isEqualTo(before + 1);
        assertThat(after.getDouble("humans.winRate.interval.lower")).isLessThanOrEqualTo(after.getDouble("humans.winRate.value"));
        String reveal = given().get("/runs/" + run + "/vote/" + b.comparison()).then().statusCode(200).extract().asString();
        assertThat(reveal).contains("web-cand").contains("web-base").contains("Your vote: tie");
        // The next ballot is another pair: one vote per voter per pair.
        assertThat(ballot(run).comparison()).isNotEqualTo(b.comparison());
    }

    @Test
    void should_refuse_a_vote_without_its_csrf_token() {
        String run = WebFixtures.hostileRun();
        Ballot b = ballot(run);
        assertThat(vote(run, b, "LEFT", "forged-token-forged-token-forged-token").statusCode()).isEqualTo(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("comparison", b.comparison())
                .formParam("choice", "LEFT").post("/runs/" + run + "/vote").then().statusCode(403);
    }

    @Test
    void should_send_a_reader_to_sign_in_as_a_voter() {
        String run = WebFixtures.hostileRun();
        given().redirects().follow(false).header("Authorization", "Bearer " + TestKeys.READER)
                .get("/runs/" + run + "/vote").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/sign-in?next=%2Fruns%2F" + run + "%2Fvote&role=voter"));
        given().header("Authorization", "Bearer " + TestKeys.READER).get("/runs/" + run).then().statusCode(200);
    }
}
