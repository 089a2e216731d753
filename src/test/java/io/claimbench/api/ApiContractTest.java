package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.Anonymous;
import io.claimbench.support.NodeTools;
import io.claimbench.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract served at /q/openapi (issue 10, point 8): stable operationIds, the roles each operation needs under both
 * schemes, the problem+json answers operations really give, and no error or warning from redocly's recommended rules.
 */
@QuarkusTest
@Anonymous
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each operation and the role it needs: clients call them by these names, so a rename breaks them. */
    private static final Map<String, String> ROLES = new TreeMap<>(Map.ofEntries(
            Map.entry("listEvalSets", "reader"), Map.entry("getEvalSet", "reader"),
            Map.entry("listEvalSetPrompts", "reader"), Map.entry("getEvalSetPrompt", "reader"),
            Map.entry("listModels", "reader"), Map.entry("getModel", "reader"),
            Map.entry("putModel", "runner"), Map.entry("deleteModel", "runner"),
            Map.entry("startRun", "runner"), Map.entry("listRuns", "reader"), Map.entry("getRun", "reader"),
            Map.entry("cancelRun", "runner"), Map.entry("getRunResults", "reader"),
            Map.entry("listRunComparisons", "reader"), Map.entry("getRunEvents", "reader"),
            Map.entry("importVerdicts", "runner"), Map.entry("planRun", "reader"), Map.entry("listJudges", "reader"),
            Map.entry("getLeaderboard", "reader"),
            Map.entry("createApiKey", "admin"), Map.entry("listApiKeys", "admin"), Map.entry("revokeApiKey", "admin")));

    private static RequestSpecification as(String key) {
        return given().header("X-API-Key", key);
    }

    private static JsonNode document() throws IOException {
        String body = as(TestKeys.READER).get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    /** operationId to its operation. */
    private static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String id = op.getValue().path("operationId").asText(path.getKey() + " " + op.getKey() + " (no operationId)");
            assertThat(ops.put(id, op.getValue())).as("operationId " + id + " is used twice").isNull();
        }));
        return ops;
    }

    @Test
    void should_name_every_operation_with_its_stable_camel_case_operation_id() throws IOException {
        Map<String, JsonNode> ops = operations(document());
        assertThat(ops.keySet()).allMatch(id -> id.matches("[a-z][a-zA-Z]+"), "camelCase")
                .containsExactlyInAnyOrderElementsOf(ROLES.keySet());
    }

    @Test
    void should_require_each_operations_role_under_either_scheme_and_answer_401_and_403_as_problems() throws IOException {
        JsonNode doc = document();
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/apiKeyHeader/name").asText()).isEqualTo("X-API-Key");
        assertThat(doc.at("/components/securitySchemes").size()).as("no scheme besides the two").isEqualTo(2);
        operations(doc).forEach((id, op) -> {
            String role = ROLES.get(id);
            assertThat(op.get("security").toString()).as(id)
                    .isEqualTo("[{\"bearerAuth\":[\"" + role + "\"]},{\"apiKeyHeader\":[\"" + role + "\"]}]");
            assertThat(op.at("/responses/401/$ref").asText()).as(id).isEqualTo("#/components/responses/Unauthorized");
            assertThat(op.at("/responses/403/$ref").asText()).as(id).isEqualTo("#/components/responses/Forbidden");
        });
    }

    @Test
    void should_describe_the_api_its_licence_and_a_relative_server() throws IOException {
        JsonNode doc = document();
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
        assertThat(doc.at("/info/license/identifier").asText()).isNotBlank();
        assertThat(doc.at("/info/contact/name").asText()).isNotBlank();
        assertThat(doc.at("/info/description").asText()).contains("startRun", "getRunResults", "reader", "runner", "admin");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(doc.at("/components/schemas/Problem/properties").size()).isEqualTo(6);
    }

    /** Real requests, each answered with a problem the operation documents, in the documented shape. */
    @Test
    void should_answer_problems_the_operation_documents_with_the_problem_schema() throws IOException {
        JsonNode doc = document();
        Map<String, JsonNode> ops = operations(doc);
        Set<String> problemFields = new java.util.HashSet<>();
        doc.at("/components/schemas/Problem/properties").fieldNames().forEachRemaining(problemFields::add);
        String run = "{\"evalSet\":\"eq-bench-v2\",\"candidate\":\"gpt-4-1106-preview\",\"baseline\":\"gpt-4-0613\"";
        record Case(String operation, Response response) {
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case("startRun", as(TestKeys.RUNNER).contentType("application/json").body(run + ",\"sample\":2}").post("/api/runs")),
                new Case("startRun", as(TestKeys.RUNNER).contentType("application/json").body("{\"evalSet\":\"no-such-set\",\"candidate\":\"a\",\"baseline\":\"b\"}").post("/api/runs")),
                new Case("startRun", as(TestKeys.RUNNER).contentType("application/json").body(run + ",\"judgeTemplate\":\"" + "x".repeat(1_100_000) + "\"}").post("/api/runs")),
                new Case("startRun", as(TestKeys.RUNNER).contentType("text/plain").body("run it").post("/api/runs")),
                new Case("startRun", as(TestKeys.READER).contentType("application/json").body(run + "}").post("/api/runs")),
                new Case("startRun", given().contentType("application/json").body(run + "}").post("/api/runs")),
                new Case("getRun", as(TestKeys.READER).get("/api/runs/no-such-run")),
                new Case("listRuns", as(TestKeys.READER).get("/api/runs?size=0")),
                new Case("putModel", as(TestKeys.RUNNER).contentType("application/json").body("{\"provider\":\"recorded\"}").put("/api/models/gpt-4-0613")),
                new Case("deleteModel", as(TestKeys.RUNNER).delete("/api/models/no-such-model")),
                new Case("getLeaderboard", as(TestKeys.READER).get("/api/leaderboard")),
                new Case("revokeApiKey", as(TestKeys.RUNNER).delete("/api/keys/some-key"))));
        // The same Idempotency-Key with another body: the first request starts a (recorded, free) run.
        String key = "contract-" + java.util.UUID.randomUUID();
        as(TestKeys.RUNNER).header("Idempotency-Key", key).contentType("application/json").body(run + ",\"seed\":11}")
                .post("/api/runs").then().statusCode(202);
        cases.add(new Case("startRun", as(TestKeys.RUNNER).header("Idempotency-Key", key).contentType("application/json")
                .body(run + ",\"seed\":12}").post("/api/runs")));
        Set<Integer> seen = new java.util.TreeSet<>();
        for (Case c : cases) {
            int status = c.response().statusCode();
            String what = c.operation() + " answered " + status + ": " + c.response().asString();
            assertThat(ops.get(c.operation()).path("responses").has(String.valueOf(status))).as(what).isTrue();
            assertThat(c.response().contentType()).as(what).startsWith("application/problem+json");
            JsonNode body = JSON.readTree(c.response().asString());
            body.fieldNames().forEachRemaining(f -> assertThat(problemFields).as(what).contains(f));
            assertThat(body.get("status").asInt()).as(what).isEqualTo(status);
            seen.add(status);
        }
        assertThat(seen).containsExactly(400, 401, 403, 404, 409, 413, 415, 422);
    }

    @Test
    void should_pass_redocly_recommended_rules_with_no_error_and_no_warning() throws Exception {
        NodeTools tools = NodeTools.require("redocly");
        Path dir = Files.createDirectories(Path.of("target/contract"));
        Path file = dir.resolve("openapi.json");
        Files.writeString(file, as(TestKeys.READER).get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        NodeTools.Result lint = tools.run(dir, Duration.ofMinutes(2), "redocly", "lint", "--extends=recommended",
                "--format=json", file.getFileName().toString());
        JsonNode totals = lint.stdout().isBlank() ? null : JSON.readTree(lint.stdout()).get("totals");
        if (totals == null || totals.get("errors").asInt() != 0 || totals.get("warnings").asInt() != 0 || lint.exitCode() != 0) {
            NodeTools.Result readable = tools.run(dir, Duration.ofMinutes(2), "redocly", "lint", "--extends=recommended",
                    "--format=stylish", file.getFileName().toString());
            throw new AssertionError("redocly lint of " + file + ": " + totals + "\n" + readable);
        }
        System.out.println("redocly " + JSON.readTree(lint.stdout()).get("version").asText() + " lint --extends=recommended "
                + file + ": " + totals);
    }
}
