package io.claimbench.runs;

import io.claimbench.support.SchemaIndexes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations index what the code queries by, on H2 (PostgresRepositoryTest checks the same on PostgreSQL). */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    DataSource dataSource;

    @Test
    void should_index_a_runs_judgments_and_an_eval_sets_runs_without_duplicate_vote_index() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        SchemaIndexes.assertQueriedColumnsIndexed(dataSource);
    }
}
