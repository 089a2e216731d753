package io.claimbench.auth;

import io.claimbench.support.Anonymous;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** claimbench.auth.anonymous-read=true opens reads (and the OpenAPI document) to anyone; writes still need a key. */
@QuarkusTest
@TestProfile(AnonymousReadTest.OpenReads.class)
@Anonymous
class AnonymousReadTest {

    public static class OpenReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimbench.auth.anonymous-read", "true");
        }
    }

    @Test
    void should_let_anyone_read_and_nobody_write_without_a_key() {
        given().get("/api/runs").then().statusCode(200);
        given().get("/api/eval-sets").then().statusCode(200);
        given().get("/api/models").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().contentType("application/json").body(Map.of("evalSet", "eq-bench-v2")).post("/api/runs").then()
                .statusCode(401).contentType("application/problem+json");
        given().delete("/api/runs/x").then().statusCode(401);
        given().get("/api/keys").then().statusCode(401);
    }
}
