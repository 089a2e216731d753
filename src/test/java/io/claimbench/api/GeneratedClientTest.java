package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.NodeTools;
import io.claimbench.support.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A client generated from the served contract, as a user would make one: openapi-typescript writes the types from
 * /q/openapi, tsc compiles src/test/resources/contract/client.ts against them (strict), and node runs it against this
 * server with a runner key. It starts a run (startRun) on the shipped EQ-Bench v2 recordings, follows it (getRun) and
 * reads its results (getRunResults); no model endpoint is needed.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Test
    void should_start_a_run_and_read_its_results_through_a_client_generated_from_the_contract() throws Exception {
        NodeTools tools = NodeTools.require("openapi-typescript", "tsc").withPackages("openapi-fetch");
        Path dir = clean(Path.of("target/contract/client"));
        Files.writeString(dir.resolve("openapi.json"),
                given().header("X-API-Key", TestKeys.READER).get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        // The tools' own modules, as if the client project had installed them.
        Files.createSymbolicLink(dir.resolve("node_modules"), tools.nodeModules());
        try (InputStream client = getClass().getResourceAsStream("/contract/client.ts")) {
            Files.copy(client, dir.resolve("client.ts"));
        }
        Files.writeString(dir.resolve("package.json"), "{\"type\": \"module\", \"private\": true}\n");
        Files.writeString(dir.resolve("tsconfig.json"), """
                {"compilerOptions": {"target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
                  "strict": true, "noUncheckedIndexedAccess": true, "skipLibCheck": true, "types": [], "outDir": "out"},
                 "files": ["client.ts"]}
                """);

        succeeds(tools.run(dir, Duration.ofMinutes(2), "openapi-typescript", "openapi.json", "-o", "claimbench.d.ts"));
        assertThat(Files.readString(dir.resolve("claimbench.d.ts"))).contains("startRun: {", "getRunResults: {");
        succeeds(tools.run(dir, Duration.ofMinutes(2), "tsc", "-p", "tsconfig.json"));
        String base = root.toString().replaceAll("/$", "");
        NodeTools.Result run = tools.node(dir, Duration.ofSeconds(90), "out/client.js", base, TestKeys.RUNNER,
                "eq-bench-v2", "gpt-4-1106-preview", "gpt-4-0613");
        succeeds(run);

        List<String> lines = run.stdout().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as(run.toString()).isNotEmpty();
        JsonNode out = JSON.readTree(lines.getLast());
        assertThat(out.get("startStatus").asInt()).isEqualTo(202);
        assertThat(out.get("location").asText()).isEqualTo(base + "/api/runs/" + out.get("id").asText());
        assertThat(out.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(out.get("evalSet").asText()).isEqualTo("eq-bench-v2");
        assertThat(out.get("verdict").asText()).isEqualTo("SUPPORTED");
        assertThat(out.get("n").asInt()).isEqualTo(171);
        assertThat(out.get("candidateScore").asDouble()).isCloseTo(86.05, within(0.01));
        assertThat(out.get("baselineScore").asDouble()).isCloseTo(84.79, within(0.01));
        assertThat(out.get("missingStatus").asInt()).isEqualTo(404);
        assertThat(out.get("missingTitle").asText()).isEqualTo("Not found");
    }

    private static void succeeds(NodeTools.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                // Deletes the link to the tools' modules, never what it points at (walk does not follow links).
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
