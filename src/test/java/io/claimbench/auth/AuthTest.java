package io.claimbench.auth;

import io.claimbench.support.Anonymous;
import io.claimbench.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Who may call what: no key is a 401, a key without the role a 403, each as problem+json. */
@QuarkusTest
@Anonymous
class AuthTest {

    private static final Map<String, Object> RUN = Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview",
            "baseline", "gpt-4-0613", "seed", 9101);
    private static final String MODEL = "{\"provider\":\"openai\",\"model\":\"m\",\"baseUrl\":\"http://127.0.0.1:9/v1\",\"apiKey\":\"sk-auth-test\"}";

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    private static void problem(ValidatableResponse r, int status) {
        r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", notNullValue());
    }

    @Test
    void should_refuse_writes_and_reads_without_a_key_with_401_problem_json() {
        problem(given().contentType("application/json").body(RUN).post("/api/runs").then()
                .header("WWW-Authenticate", startsWith("Bearer")), 401);
        problem(given().contentType("application/json").body(MODEL).put("/api/models/auth-anon").then(), 401);
        problem(given().contentType("application/json").body(Map.of("format", "pandalm", "path", "x.json"))
                .post("/api/imports").then(), 401);
        problem(given().get("/api/runs").then(), 401);
        problem(given().delete("/api/models/auth-anon").then(), 401);
        problem(given().get("/api/keys").then(), 401);
    }

    @Test
    void should_refuse_a_key_nobody_knows() {
        problem(as("cb_not-a-key-anyone-was-ever-given-0000").get("/api/runs").then(), 401);
        problem(given().header("X-API-Key", "not even the shape of a key").get("/api/runs").then(), 401);
    }

    @Test
    void should_accept_the_admin_key_in_either_header_and_record_who_started_the_run() {
        String id = as(TestKeys.ADMIN).contentType("application/json").body(RUN).post("/api/runs").then()
                .statusCode(202).body("startedBy", equalTo("key:test-admin")).extract().path("id");
        given().header("X-API-Key", TestKeys.ADMIN).get("/api/runs/" + id).then().statusCode(200)
                .body("startedBy", equalTo("key:test-admin"));
        as(TestKeys.RUNNER).contentType("application/json").body(MODEL).put("/api/models/auth-runner").then()
                .statusCode(201).body("hasApiKey", equalTo(true)).body("$", not(org.hamcrest.Matchers.hasKey("apiKey")));
        as(TestKeys.RUNNER).delete("/api/models/auth-runner").then().statusCode(204);
    }

    @Test
    void should_refuse_writes_to_a_reader_with_403_and_let_it_read() {
        problem(as(TestKeys.READER).contentType("application/json").body(RUN).post("/api/runs").then(), 403);
        problem(as(TestKeys.READER).contentType("application/json").body(MODEL).put("/api/models/auth-reader").then(), 403);
        problem(as(TestKeys.READER).contentType("application/json").body(Map.of("format", "pandalm", "path", "x.json"))
                .post("/api/imports").then(), 403);
        problem(as(TestKeys.VOTER).contentType("application/json").body(RUN).post("/api/runs").then(), 403);
        as(TestKeys.READER).get("/api/runs").then().statusCode(200);
        as(TestKeys.READER).get("/api/models").then().statusCode(200);
        as(TestKeys.VOTER).get("/api/eval-sets").then().statusCode(200);
        problem(as(TestKeys.RUNNER).get("/api/keys").then(), 403);
    }

    @Test
    void should_refuse_to_replace_a_configured_model_even_for_a_runner() {
        problem(as(TestKeys.RUNNER).contentType("application/json").body(MODEL).put("/api/models/gpt-4-0613").then(), 409);
        problem(as(TestKeys.ADMIN).delete("/api/models/gpt-4-0613").then(), 409);
    }

    @Test
    void should_show_a_created_key_once_and_stop_it_when_revoked() {
        var created = as(TestKeys.ADMIN).contentType("application/json")
                .body(Map.of("name", "ci-bot", "roles", java.util.List.of("runner"))).post("/api/keys").then()
                .statusCode(201).header("Cache-Control", "no-store").body("key", startsWith("cb_"))
                .body("roles", equalTo(java.util.List.of("runner"))).body("createdBy", equalTo("key:test-admin"))
                .extract();
        String key = created.path("key");
        String id = created.path("id");
        as(key).contentType("application/json").body(RUN).post("/api/runs").then().statusCode(202)
                .body("startedBy", equalTo("key:ci-bot"));
        String listed = as(TestKeys.ADMIN).get("/api/keys").then().statusCode(200)
                .body("name", hasItem("ci-bot")).body("find { it.id == '" + id + "' }.key", nullValue())
                .body("find { it.id == '" + id + "' }.prefix", equalTo(key.substring(0, 7)))
                .extract().asString();
        assertThat(listed).doesNotContain(key).doesNotContain(TestKeys.ADMIN);
        problem(as(key).get("/api/keys").then(), 403);
        as(TestKeys.ADMIN).delete("/api/keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        problem(as(key).get("/api/runs").then(), 401);
        problem(as(TestKeys.ADMIN).delete("/api/keys/config:test-admin").then(), 409);
        problem(as(TestKeys.ADMIN).delete("/api/keys/no-such-key").then(), 404);
    }

    @Test
    void should_refuse_bad_key_requests_naming_the_field() {
        problem(as(TestKeys.ADMIN).contentType("application/json").body(Map.of("name", "x", "roles", java.util.List.of("boss")))
                .post("/api/keys").then().body("errors[0].field", equalTo("roles[0]")), 400);
        problem(as(TestKeys.ADMIN).contentType("application/json").body(Map.of("name", "bad name!", "roles", java.util.List.of("reader")))
                .post("/api/keys").then().body("errors[0].field", equalTo("name")), 400);
        problem(as(TestKeys.ADMIN).contentType("application/json").body(Map.of("name", "x", "roles", java.util.List.of()))
                .post("/api/keys").then().body("errors[0].field", equalTo("roles")), 400);
    }

    @Test
    void should_keep_health_open_and_openapi_and_metrics_behind_reads() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(401);
        as(TestKeys.READER).get("/q/openapi").then().statusCode(200).body(containsString("/api/runs"));
        as(TestKeys.READER).get("/q/metrics").then().statusCode(200);
    }
}
