package io.claimbench.api;

import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict input (issue 10, point 3): a corpus of bad requests, each answered 4xx problem+json naming the field, with a
 * short body however long the bad value was; never a 5xx, never silently accepted.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class StrictInputTest {

    private static final String RUN = "{\"evalSet\":\"smoke\",\"candidate\":\"cand\",\"baseline\":\"base\",\"judge\":\"judge\"";
    private static final String LONG = "m".repeat(200_000);

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("an unknown field in a run", "POST", "/api/runs", RUN + ",\"judgez\":\"x\"}", 400, "judgez"),
                Arguments.of("a fraction as the seed", "POST", "/api/runs", RUN + ",\"seed\":1.5}", 400, "seed"),
                Arguments.of("a number written as text", "POST", "/api/runs", RUN + ",\"samples\":\"3\"}", 400, "samples"),
                Arguments.of("a number as a flag", "POST", "/api/runs", RUN + ",\"cache\":1}", 400, "cache"),
                Arguments.of("a number as a name", "POST", "/api/runs", "{\"evalSet\":7,\"candidate\":\"cand\",\"baseline\":\"base\"}", 400, "evalSet"),
                Arguments.of("an unknown field inside regression", "POST", "/api/runs", RUN + ",\"regression\":{\"margin\":0.1,\"x\":1}}", 400, "regression.x"),
                Arguments.of("a long model name", "POST", "/api/runs", "{\"evalSet\":\"smoke\",\"candidate\":\"" + LONG + "\",\"baseline\":\"base\",\"judge\":\"judge\"}", 400, "candidate"),
                Arguments.of("a long unknown model", "POST", "/api/runs", "{\"evalSet\":\"smoke\",\"candidate\":\"" + "m".repeat(500) + "\",\"baseline\":\"base\",\"judge\":\"judge\"}", 404, "candidate"),
                Arguments.of("a long eval set name", "POST", "/api/runs", "{\"evalSet\":\"" + LONG + "\",\"candidate\":\"cand\",\"baseline\":\"base\"}", 400, "evalSet"),
                Arguments.of("a control character in a name", "POST", "/api/runs", RUN.replace("\"judge\":\"judge\"", "\"judge\":\"ju\\u0000dge\"") + "}", 400, "judge"),
                Arguments.of("a judge name too long in a panel", "POST", "/api/runs", "{\"evalSet\":\"smoke\",\"candidate\":\"cand\",\"baseline\":\"base\",\"judges\":[\"" + LONG + "\"]}", 400, "judges[0]"),
                Arguments.of("a panel of 17 judges", "POST", "/api/runs", "{\"evalSet\":\"smoke\",\"candidate\":\"cand\",\"baseline\":\"base\",\"judges\":[" + "\"judge\",".repeat(16) + "\"judge\"]}", 400, "judges"),
                Arguments.of("a model name with a slash", "PUT", "/api/models/a%2Fb", "{\"provider\":\"openai\",\"model\":\"m\",\"baseUrl\":\"http://127.0.0.1:9/v1\"}", 400, "name"),
                Arguments.of("a key name too long", "POST", "/api/keys", "{\"name\":\"" + "k".repeat(65) + "\",\"roles\":[\"reader\"]}", 400, "name"),
                Arguments.of("an unknown field in a key", "POST", "/api/keys", "{\"name\":\"k\",\"roles\":[\"reader\"],\"role\":\"admin\"}", 400, "role"),
                Arguments.of("a base URL that is not one", "PUT", "/api/models/strict-a", "{\"provider\":\"openai\",\"model\":\"m\",\"baseUrl\":\"not a url\"}", 400, "baseUrl"),
                Arguments.of("a base URL of another scheme", "PUT", "/api/models/strict-b", "{\"provider\":\"openai\",\"model\":\"m\",\"baseUrl\":\"ftp://host/v1\"}", 400, "baseUrl"),
                Arguments.of("a long base URL", "PUT", "/api/models/strict-c", "{\"provider\":\"openai\",\"model\":\"m\",\"baseUrl\":\"x" + LONG + "\"}", 400, "baseUrl"),
                Arguments.of("an unknown field in a model", "PUT", "/api/models/strict-d", "{\"provider\":\"openai\",\"model\":\"m\",\"apikey\":\"sk\"}", 400, "apikey"),
                Arguments.of("a configured model replaced", "PUT", "/api/models/judge", "{\"provider\":\"openai\",\"model\":\"elsewhere\",\"baseUrl\":\"http://127.0.0.1:9/v1\"}", 409, "name"),
                Arguments.of("an unknown field in a plan", "POST", "/api/plans", "{\"evalSet\":\"smoke\",\"expectedWinRate\":0.6,\"power\":0.8,\"powr\":1}", 400, "powr"),
                Arguments.of("a fraction of a page", "GET", "/api/runs?size=2.5", null, 400, "size"),
                Arguments.of("a page too large", "GET", "/api/runs?size=100000", null, 400, "size"),
                Arguments.of("a page of comparisons in words", "GET", "/api/runs/none/comparisons?page=two", null, 400, "page"),
                Arguments.of("a fractional leaderboard seed", "GET", "/api/leaderboard?evalSet=smoke&seed=0.5", null, 400, "seed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void should_answer_each_bad_request_with_a_short_problem_naming_the_field(String what, String method, String path,
                                                                             String body, int status, String field) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        Response r = request.when().request(method, path);
        assertThat(r.statusCode()).as(what + ": " + r.asString().substring(0, Math.min(300, r.asString().length()))).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getList("errors.field", String.class)).as(what).contains(field);
        assertThat(r.asString().length()).as(what + ": the answer's length").isLessThan(2_000);
    }

    @Test
    void should_refuse_a_body_past_the_limit_with_problem_json() {
        String body = RUN + ",\"judgeTemplate\":\"" + "x".repeat(1_200_000) + "\"}";
        Response r = given().contentType(ContentType.JSON).body(body).when().post("/api/runs");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("at most 1048576");
    }
}
