package io.claimbench.api;

import io.claimbench.support.SharedData;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * PandaLM's human labels, imported as votes, reproduce the published inter-annotator kappas; each imported judge's
 * report shows its agreement with the human majority.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class PandaLmImportTest {

    @Test
    void should_import_human_votes_and_both_judges() {
        Path testset = SharedData.require("pandalm/data/testset-v1.json");
        String body = given().contentType(ContentType.JSON).body(Map.of("format", "pandalm", "path", testset.toString()))
                .post("/api/imports").then().statusCode(201).extract().asString();
        JsonPath r = JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<String> judges = r.getList("runs.run.judge");
        assertThat(judges).containsExactlyInAnyOrder("gpt-3.5-turbo", "pandalm-7b");
        for (int i = 0; i < judges.size(); i++) {
            String root = "runs[" + i + "].humans.";
            assertThat(r.getInt(root + "votes")).isEqualTo(3 * 999);
            assertThat(r.getInt(root + "majorities")).isEqualTo(999);
            assertThat(kappa(r, root, "pandalm-annotator-1", "pandalm-annotator-2")).isCloseTo(0.85, within(0.005));
            assertThat(kappa(r, root, "pandalm-annotator-1", "pandalm-annotator-3")).isCloseTo(0.88, within(0.005));
            assertThat(kappa(r, root, "pandalm-annotator-2", "pandalm-annotator-3")).isCloseTo(0.86, within(0.005));
            String judge = judges.get(i);
            // Agreement with the human majority, computed independently from the files (see the closing note).
            if (judge.equals("gpt-3.5-turbo")) {
                assertThat(r.getInt(root + "judgeWithMajority.n")).isEqualTo(974); // 25 verdicts unreadable ('garbage')
                assertThat(r.getDouble(root + "judgeWithMajority.raw")).isCloseTo(0.7156, within(1e-4));
                assertThat(r.getDouble(root + "judgeWithMajority.kappa")).isCloseTo(0.4929, within(1e-4));
                assertThat(r.getInt(root + "judgeWithMajority.nWithoutTies")).isEqualTo(849);
                assertThat(r.getDouble(root + "judgeWithMajority.rawWithoutTies")).isCloseTo(0.8151, within(1e-4));
                assertThat(r.getInt("runs[" + i + "].overall.counts.unscored")).isEqualTo(25);
            } else {
                assertThat(r.getInt(root + "judgeWithMajority.n")).isEqualTo(999);
                assertThat(r.getDouble(root + "judgeWithMajority.raw")).isCloseTo(0.6677, within(1e-4));
                assertThat(r.getDouble(root + "judgeWithMajority.kappa")).isCloseTo(0.4354, within(1e-4));
                assertThat(r.getDouble(root + "judgeWithMajority.rawWithoutTies")).isCloseTo(0.7753, within(1e-4));
            }
        }
        // The judges over all runs: the same agreement, pooled.
        JsonPath judgesView = given().get("/api/judges").then().statusCode(200).extract().jsonPath();
        Map<String, Object> panda = judgesView.getMap("find { it.judge == 'pandalm-7b' }");
        assertThat(((Number) ((Map<?, ?>) panda.get("withHumanMajority")).get("n")).intValue()).isEqualTo(999);
        assertThat(((Number) panda.get("games")).intValue()).isEqualTo(999);

        // Importing again changes nothing.
        String again = given().contentType(ContentType.JSON).body(Map.of("format", "pandalm", "path", testset.toString()))
                .post("/api/imports").then().statusCode(201).extract().asString();
        assertThat(JsonPath.from(again).getList("runs.run.id")).isEqualTo(r.getList("runs.run.id"));
        assertThat(JsonPath.from(again).getInt("runs[0].humans.votes")).isEqualTo(3 * 999);
    }

    private static double kappa(JsonPath r, String root, String a, String b) {
        List<Map<String, Object>> pairs = r.getList(root + "betweenVoters");
        return pairs.stream().filter(p -> a.equals(p.get("a")) && b.equals(p.get("b")))
                .map(p -> ((Number) ((Map<?, ?>) p.get("agreement")).get("kappa")).doubleValue()).findFirst().orElseThrow();
    }
}
