package io.claimbench.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Starting runs over REST and waiting for them. */
public final class Runs {

    private Runs() {
    }

    public static String start(Map<String, Object> body) {
        String location = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/runs")
                .then().statusCode(202).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static JsonPath awaitFinal(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath run = given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
            String state = run.getString("state");
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " still " + state + " after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
