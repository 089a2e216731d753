package io.claimbench.runs;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 the tables written on the hot path hand out ids from a cache of 4,096 (db/vendor/h2), so that H2 does not
 * store the whole database to move a sequence on every 32 rows; the ids still follow insertion order.
 */
@QuarkusTest
class IdentityCacheTest {

    private static final List<String> HOT = List.of("WORK_ITEM", "GENERATION", "JUDGMENT", "COMPARISON", "PROMPT_VERSION");

    @Inject
    DataSource dataSource;

    @Test
    void should_cache_4096_ids_of_each_table_written_on_the_hot_path() throws Exception {
        Map<String, Long> caches = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name, identity_cache from information_schema.columns "
                     + "where table_schema = 'PUBLIC' and column_name = 'ID' and is_identity = 'YES'")) {
            while (rs.next()) {
                caches.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (String table : HOT) {
            assertThat(caches).as("identity cache of " + table).containsEntry(table, 4096L);
        }
        // the others keep H2's default
        assertThat(caches).containsEntry("HUMAN_VOTE", 32L);
    }

    @Test
    void should_hand_out_ids_in_insertion_order_from_several_connections() throws Exception {
        String evalSet = "identity-cache-" + System.nanoTime();
        List<Long> ids = new ArrayList<>();
        try (Connection setup = dataSource.getConnection(); Statement s = setup.createStatement()) {
            s.executeUpdate("insert into eval_set (id, title, file, scorer, content_hash, definition, indexed_at) values ('"
                    + evalSet + "', 't', 'f', 'exact-match', 'h', '{}', current_timestamp)");
        }
        // 100 rows, each on a connection of its own, more than the 32 H2 caches by default
        for (int i = 0; i < 100; i++) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into prompt_version (eval_set_id, prompt_id, content_hash, category, text, current_version, "
                            + "created_at) values (?, ?, ?, 'c', 't', true, current_timestamp)", new String[] {"ID"})) {
                ps.setString(1, evalSet);
                ps.setString(2, "p" + i);
                ps.setString(3, "h" + i);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids.getLast() - ids.getFirst()).isEqualTo(99);
    }
}
