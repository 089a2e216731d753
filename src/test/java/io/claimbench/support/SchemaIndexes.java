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

    public static void assertQueriedColumnsIndexed(DataSource ds) throws SQLException {
        assertThat(of(ds, "judgment")).contains("ix_judgment_run:run_id");
        assertThat(of(ds, "eval_run")).contains("ix_eval_run_eval_set:eval_set_id");
        // The unique constraint's index serves lookups by comparison; the duplicate index is gone.
        assertThat(of(ds, "human_vote")).noneMatch(i -> i.startsWith("ix_human_vote_comparison"))
                .anyMatch(i -> i.endsWith(":comparison_id"));
        // Idempotency keys: looked up by caller and key (the unique constraint), purged by age.
        assertThat(of(ds, "idempotency_key")).contains("ix_idempotency_key_created:created_at").anyMatch(i -> i.endsWith(":caller"));
    }
}
