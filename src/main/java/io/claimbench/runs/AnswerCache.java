package io.claimbench.runs;

import io.agroal.api.AgroalDataSource;
import io.claimbench.models.Generation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Content-addressed answers of models and judges, shared by all runs. The first answer stored under a key stays:
 * a later (or concurrent) one for the same key is not stored, and never causes an error ({@link InsertIfAbsent}).
 * On the hot path a lookup is one indexed read on a connection of its own, outside any transaction, and a fresh
 * answer is stored with the work item that asked for it, in the transaction that records the item (see
 * {@link WorkItemStore#record}), or when the item is given back unfinished; so a call costs no transaction of its own.
 * On the embedded database a key the cache surely does not hold is not looked up at all ({@link CachedKeys}).
 */
@ApplicationScoped
public class AnswerCache {

    private static final String TABLE = "cache_entry";
    private static final List<String> KEY = List.of("cache_key");
    private static final String LOOKUP = "select text, coalesce(latency_ms, 0), first_token_ms, tokens_in, tokens_out, coalesce(structured, false) from cache_entry where cache_key = ?";

    /** A fresh answer to be stored under its key: what a call hands to the record of its work item. */
    public record Entry(String key, String kind, Generation generation) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(generation, "generation");
        }
    }

    private final Clock clock;
    private final InsertIfAbsent inserts;
    private final AgroalDataSource dataSource;
    private final CachedKeys storedKeys;

    public AnswerCache(Clock clock, InsertIfAbsent inserts, AgroalDataSource dataSource, CachedKeys storedKeys) {
        this.storedKeys = storedKeys;
        this.clock = clock;
        this.inserts = inserts;
        this.dataSource = dataSource;
    }

    public Optional<Generation> get(String key) {
        if (!storedKeys.mightHold(key)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long latency = rs.getLong(2);
                Long firstToken = nullable(rs.getLong(3), rs);
                Integer tokensIn = nullableInt(rs.getInt(4), rs);
                Integer tokensOut = nullableInt(rs.getInt(5), rs);
                return Optional.of(new Generation(rs.getString(1), latency, firstToken, tokensIn, tokensOut, rs.getBoolean(6)));
            }
        } catch (SQLException e) {
            throw new CacheException("reading the answer cache failed", e);
        }
    }

    /** Stores an answer in a transaction of its own unless one is stored under its key already; returns whether it was stored. */
    public boolean put(String key, String kind, Generation g) {
        return putAll(List.of(new Entry(key, kind, g))) == 1;
    }

    /** Stores answers in a transaction of their own (those whose key is taken are skipped); returns how many were stored. */
    public int putAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        return inserts.exclusive(keys(entries), () -> QuarkusTransaction.requiringNew().call(() -> insert(entries)));
    }

    /**
     * Stores answers in the current transaction, which must run inside {@link InsertIfAbsent#exclusive} for
     * {@link #keys} of them; returns how many were stored.
     */
    int insert(List<Entry> entries) {
        return inserts.insertAll(TABLE, KEY, rows(entries));
    }

    /** {@link #insert(List)} on a connection the caller holds, in its transaction. */
    int insert(Connection connection, List<Entry> entries) throws SQLException {
        return inserts.insertAll(connection, TABLE, KEY, rows(entries));
    }

    private List<List<InsertIfAbsent.Value>> rows(List<Entry> entries) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        Map<String, Entry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.putIfAbsent(e.key(), e));
        byKey.keySet().forEach(storedKeys::add); // before the transaction commits
        return byKey.values().stream().map(e -> row(e, now)).toList();
    }

    static List<String> keys(List<Entry> entries) {
        return entries.stream().map(Entry::key).toList();
    }

    private static List<InsertIfAbsent.Value> row(Entry e, OffsetDateTime now) {
        Generation g = e.generation();
        return List.of(
                new InsertIfAbsent.Value("cache_key", e.key(), Types.VARCHAR, "varchar(64)"),
                new InsertIfAbsent.Value("kind", e.kind(), Types.VARCHAR, "varchar(16)"),
                new InsertIfAbsent.Value("text", g.text(), Types.VARCHAR, "text"),
                new InsertIfAbsent.Value("latency_ms", g.latencyMillis(), Types.BIGINT, "bigint"),
                new InsertIfAbsent.Value("first_token_ms", g.firstTokenMillis(), Types.BIGINT, "bigint"),
                new InsertIfAbsent.Value("tokens_in", g.tokensIn(), Types.INTEGER, "integer"),
                new InsertIfAbsent.Value("tokens_out", g.tokensOut(), Types.INTEGER, "integer"),
                new InsertIfAbsent.Value("structured", g.structured(), Types.BOOLEAN, "boolean"),
                new InsertIfAbsent.Value("created_at", now, Types.TIMESTAMP_WITH_TIMEZONE, "timestamp with time zone"));
    }

    private static Long nullable(long v, ResultSet rs) throws SQLException {
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(int v, ResultSet rs) throws SQLException {
        return rs.wasNull() ? null : v;
    }

    /** A failed read of the cache; its cause says whether the database went away (see {@link DatabaseRetry}). */
    static final class CacheException extends RuntimeException {
        CacheException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
