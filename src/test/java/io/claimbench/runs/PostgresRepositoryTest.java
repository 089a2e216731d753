package io.claimbench.runs;

import io.claimbench.support.PostgresProfile;
import io.claimbench.support.Runs;
import io.claimbench.support.SchemaIndexes;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The repository on a real PostgreSQL: migrations, runs, results. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@QuarkusTestResource(WireMockResource.class)
class PostgresRepositoryTest {

    @Inject
    DataSource dataSource;

    @Test
    void should_run_on_postgresql() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        SchemaIndexes.assertQueriedColumnsIndexed(dataSource);
        // db/vendor/h2's identity caches are not applied here: PostgreSQL's would be per connection
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select min(cache_size), max(cache_size), count(*) from pg_sequences")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(5);
        }
        String id = Runs.start(Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview", "baseline", "gpt-4-0613"));
        assertThat(Runs.awaitFinal(id, Duration.ofSeconds(60)).getString("state")).isEqualTo("COMPLETED");
        JsonPath report = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("overall.counts.wins")).isEqualTo(88);
        assertThat(report.getInt("overall.counts.ties")).isEqualTo(20);
        assertThat(report.getInt("overall.counts.losses")).isEqualTo(63);
        assertThat(given().queryParam("outcome", "tie").queryParam("size", 5).get("/api/runs/" + id + "/comparisons")
                .then().statusCode(200).extract().jsonPath().getInt("total")).isEqualTo(20);
    }

    /** A dump of every table (each value as text, as pg_dump would write it) holds no key given over the API. */
    @Test
    void should_keep_no_model_key_a_dump_could_show() throws Exception {
        String secret = "sk-postgres-distinctive-4e1b7d0c9a";
        given().contentType("application/json").body(Map.of("provider", "openai", "model", "m",
                "baseUrl", "http://127.0.0.1:9/v1", "apiKey", secret)).put("/api/models/pg-sealed").then().statusCode(201);
        StringBuilder dump = new StringBuilder();
        try (Connection c = dataSource.getConnection();
             var tables = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).contains("model_config", "api_key");
            for (String t : names) {
                try (var rows = c.createStatement().executeQuery("select * from \"" + t + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            dump.append(rows.getString(i)).append('\t');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        assertThat(dump).contains("sealed:v1:").doesNotContain(secret);
        given().get("/api/models/pg-sealed").then().statusCode(200).body("hasApiKey", org.hamcrest.Matchers.equalTo(true));
    }
}
