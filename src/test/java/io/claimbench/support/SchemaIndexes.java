package io.claimbench.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the migrations must leave indexed, checked on whichever database a test runs on. */
public final class SchemaIndexes {

    private SchemaIndexes() {
    }

    /** Names and first columns ("name:column") of a table's indexes, lower-case. */
    public static List<String> of(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            boolean upper = md.storesUpperCaseIdentifiers();
            List<String> out = new ArrayList<>();
            try (ResultSet r = md.getIndexInfo(null, null, upper ? table.toUpperCase(Locale.ROOT) : table, false, false)) {
                while (r.next()) {
                    if (r.getShort("ORDINAL_POSITION") == 1 && r.getString("INDEX_NAME") != null) {
                        out.add((r.getString("INDEX_NAME") + ":" + r.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT));
                    }
                }
            }
            return out;
        }
    }

    /** The columns of one index of a table, in index order, lower-case. */
    public static List<String> columns(DataSource ds, String table, String index) throws SQLException {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            boolean upper = md.storesUpperCaseIdentifiers();
            java.util.TreeMap<Short, String> out = new java.util.TreeMap<>();
            try (ResultSet r = md.getIndexInfo(null, null, upper ? table.toUpperCase(Locale.ROOT) : table, false, false)) {
                while (r.next()) {
                    if (index.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
                        out.put(r.getShort("ORDINAL_POSITION"), r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return List.copyOf(out.values());
        }
    }

    public static void assertQueriedColumnsIndexed(DataSource ds) throws SQLException {
        // Claims read a run's pending items in id order straight from this index, past none of its finished items;
        // the (run_id, state) index it replaced is gone.
        assertThat(columns(ds, "work_item", "ix_work_item_run_state_id")).containsExactly("run_id", "state", "id");
        assertThat(of(ds, "work_item")).noneMatch(i -> i.startsWith("ix_work_item_run_state:"));
        assertThat(of(ds, "app_instance")).contains("ix_app_instance_heartbeat:heartbeat_at");
        assertThat(of(ds, "judgment")).contains("ix_judgment_run:run_id");
        assertThat(of(ds, "eval_run")).contains("ix_eval_run_eval_set:eval_set_id");
        // The unique constraint's index serves lookups by comparison; the duplicate index is gone.
        assertThat(of(ds, "human_vote")).noneMatch(i -> i.startsWith("ix_human_vote_comparison"))
                .anyMatch(i -> i.endsWith(":comparison_id"));
        // Idempotency keys: looked up by caller and key (the unique constraint), purged by age.
        assertThat(of(ds, "idempotency_key")).contains("ix_idempotency_key_created:created_at").anyMatch(i -> i.endsWith(":caller"));
    }
}
