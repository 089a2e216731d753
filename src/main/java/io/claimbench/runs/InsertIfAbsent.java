package io.claimbench.runs;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Inserts a row unless one with the same key is there, in SQL, without ever raising (or logging) a unique violation,
 * however many transactions insert the same key at once. PostgreSQL: {@code INSERT ... ON CONFLICT (key) DO NOTHING},
 * which waits for a concurrent insert of the key and then does nothing. H2: the standard {@code MERGE ... WHEN NOT
 * MATCHED THEN INSERT}, which on its own can still collide with a concurrent insert of the same key; as the embedded
 * H2 is used by one process only (it holds the database file), {@link #exclusive} serialises the transactions that
 * insert one key in this process, which closes that gap.
 */
@ApplicationScoped
public class InsertIfAbsent {

    /** A column's value: its JDBC type for nulls, and its SQL type for H2's typed source row. */
    public record Value(String column, Object value, int jdbcType, String sqlType) {
        public Value {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(sqlType, "sqlType");
        }
    }

    private static final int STRIPES = 64;

    private final EntityManager em;
    private final boolean postgres;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public InsertIfAbsent(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.postgres = DatabaseKind.isPostgreSQL(dbKind);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Runs a transaction that inserts {@code key} (it must begin and commit inside {@code work}): on H2 one at a
     * time per key in this process, on PostgreSQL as it comes (the database itself orders them).
     */
    public <T> T exclusive(Object key, Supplier<T> work) {
        return exclusive(List.of(key), work);
    }

    /** {@link #exclusive(Object, Supplier)} for a transaction that inserts several keys (locked in one order, so no deadlock). */
    public <T> T exclusive(Collection<?> keys, Supplier<T> work) {
        if (postgres || keys.isEmpty()) {
            return work.get();
        }
        int[] stripes = keys.stream().mapToInt(k -> Math.floorMod(k.hashCode(), STRIPES)).distinct().sorted().toArray();
        int locked = 0;
        try {
            for (int stripe : stripes) {
                locks[stripe].lock();
                locked++;
            }
            return work.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        }
    }

    /**
     * Inserts the row in the current transaction (flushing what the transaction persisted before, so that the row may
     * refer to it) unless a row with the same {@code keyColumns} exists; returns whether it inserted it.
     */
    public boolean insert(String table, List<String> keyColumns, List<Value> values) {
        return insertAll(table, keyColumns, List.of(values)) == 1;
    }

    /**
     * {@link #insert} for rows of the same columns, sent to the database as one batch; returns how many were inserted
     * (a row whose key was taken, before or earlier in the batch, is not).
     */
    public int insertAll(String table, List<String> keyColumns, List<List<Value>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> insertAll(connection, table, keyColumns, rows));
    }

    /** {@link #insertAll(String, List, List)} on a connection the caller holds, in its transaction. */
    public int insertAll(Connection connection, String table, List<String> keyColumns, List<List<Value>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Value> first = rows.getFirst();
        String sql = postgres ? postgres(table, keyColumns, first) : h2(table, keyColumns, first);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (List<Value> values : rows) {
                bind(ps, values);
                if (rows.size() > 1) {
                    ps.addBatch();
                }
            }
            if (rows.size() == 1) {
                return ps.executeUpdate();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                inserted += n == Statement.SUCCESS_NO_INFO ? 1 : n;
            }
            return inserted;
        }
    }

    private static void bind(PreparedStatement ps, List<Value> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            if (v.value() == null) {
                ps.setNull(i + 1, v.jdbcType());
            } else {
                ps.setObject(i + 1, v.value(), v.jdbcType());
            }
        }
    }

    private static String postgres(String table, List<String> keyColumns, List<Value> values) {
        return "insert into " + table + " (" + columns(values, "") + ") values ("
                + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ") on conflict ("
                + String.join(", ", keyColumns) + ") do nothing";
    }

    private static String h2(String table, List<String> keyColumns, List<Value> values) {
        return "merge into " + table + " t using (values ("
                + values.stream().map(v -> "cast(? as " + v.sqlType() + ")").collect(Collectors.joining(", "))
                + ")) s (" + columns(values, "") + ") on "
                + keyColumns.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "))
                + " when not matched then insert (" + columns(values, "") + ") values (" + columns(values, "s.") + ")";
    }

    private static String columns(List<Value> values, String prefix) {
        return values.stream().map(v -> prefix + v.column()).collect(Collectors.joining(", "));
    }
}
