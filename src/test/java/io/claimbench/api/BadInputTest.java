package io.claimbench.api;

import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Every bad request gets a 4xx problem+json naming the field, never a 500. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class BadInputTest {

    private static void expectProblem(Object body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/runs")
                .then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    @Test
    void should_reject_malformed_json_with_where_it_broke() {
        given().contentType(ContentType.JSON).body("{\"evalSet\": \"smoke\", \"candidate\": ").when().post("/api/runs")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Malformed request body"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void should_ask_for_a_body_when_there_is_none() {
        given().contentType(ContentType.JSON).body("").when().post("/api/runs")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void should_name_a_field_of_the_wrong_type() {
        given().contentType(ContentType.JSON).body("{\"evalSet\":\"smoke\",\"candidate\":\"cand\",\"baseline\":\"base\",\"concurrency\":\"many\"}")
                .when().post("/api/runs").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("concurrency"));
    }

    @Test
    void should_name_an_unknown_eval_set() {
        expectProblem(Map.of("evalSet", "no-such-set", "candidate", "cand", "baseline", "base", "judge", "judge"), 404, "evalSet");
    }

    @Test
    void should_name_an_unknown_model() {
        expectProblem(Map.of("evalSet", "smoke", "candidate", "no-such-model", "baseline", "base", "judge", "judge"), 404, "candidate");
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "nope:thing", "judge", "judge"), 404, "baseline");
    }

    @Test
    void should_reject_negative_concurrency_and_missing_fields() {
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "concurrency", -3), 400, "concurrency");
        expectProblem(Map.of("evalSet", "smoke", "baseline", "base", "judge", "judge"), 400, "candidate");
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "samples", 0), 400, "samples");
    }

    @Test
    void should_check_a_runs_own_threshold_and_comparator() {
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "threshold", 1.5), 400, "threshold");
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge", "comparator", "=>"), 400, "comparator");
    }

    @Test
    void should_require_a_judge_for_a_judged_scorer_and_refuse_one_otherwise() {
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base"), 400, "judge");
        expectProblem(Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-0613", "baseline", "gpt-4-1106-preview",
                "judge", "judge"), 400, "judge");
        expectProblem(Map.of("evalSet", "smoke", "candidate", "cand", "baseline", "base", "judge", "judge",
                "scorer", "eq-bench-v2"), 400, "scorer");
    }

    @Test
    void should_answer_unknown_resources_with_problem_json() {
        given().get("/api/runs/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("unknown run"));
        given().get("/api/eval-sets/nope").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get("/api/models/nope").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get("/api/nothing-here").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void should_not_let_api_callers_send_server_secrets_or_read_server_files() {
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", "m", "baseUrl", "http://attacker.invalid/v1",
                        "apiKeyEnv", "OPENAI_API_KEY")).put("/api/models/exfil")
                .then().statusCode(400).body("errors.field", hasItem("baseUrl"));
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", "m", "apiKeyEnv", "CLAIMBENCH_DB_PASSWORD"))
                .put("/api/models/exfil").then().statusCode(400).body("errors.field", hasItem("apiKeyEnv"));
        given().contentType(ContentType.JSON).body(Map.of("provider", "recorded", "recording", "/etc/passwd")).put("/api/models/exfil")
                .then().statusCode(400).body("errors.field", hasItem("recording"))
                .body("detail", org.hamcrest.Matchers.not(containsString("root:x:0")));
        // A custom endpoint with no key of its own gets no key from the environment.
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", "m", "baseUrl", "http://127.0.0.1:1/v1"))
                .put("/api/models/local").then().statusCode(201).body("apiKeyEnv", org.hamcrest.Matchers.nullValue());
        given().delete("/api/models/local").then().statusCode(204);
        expectProblem(Map.of("evalSet", "eq-bench-v2", "candidate", "recorded:/etc/hostname", "baseline", "gpt-4-0613"), 400, "candidate");
        expectProblem(Map.of("evalSet", "eq-bench-v2", "candidate", "recorded:eval-sets/public/eq-bench-v2/../../../pom.xml",
                "baseline", "gpt-4-0613"), 400, "candidate");
    }

    @Test
    void should_validate_a_model_definition() {
        given().contentType(ContentType.JSON).body(Map.of("provider", "skynet", "model", "x")).put("/api/models/bad")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem("provider"));
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai")).put("/api/models/bad")
                .then().statusCode(400).body("errors.field", hasItem("model"));
        given().contentType(ContentType.JSON).body(Map.of("provider", "openai", "model", "m", "maxConcurrency", 0)).put("/api/models/bad")
                .then().statusCode(400).body("errors.field", hasItem("maxConcurrency"));
        given().contentType(ContentType.JSON).body(Map.of("provider", "recorded", "recording", "no/such.json")).put("/api/models/bad")
                .then().statusCode(400).body("errors.field", hasItem("recording"));
    }
}
