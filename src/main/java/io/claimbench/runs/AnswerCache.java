package io.claimbench.runs;

import io.claimbench.models.Generation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed answers of models and judges, shared by all runs. The first answer stored under a key stays:
 * a later (or concurrent) one for the same key is not stored, and never causes an error ({@link InsertIfAbsent}).
 */
@ApplicationScoped
public class AnswerCache {

    private final Clock clock;
    private final InsertIfAbsent inserts;

    public AnswerCache(Clock clock, InsertIfAbsent inserts) {
        this.clock = clock;
        this.inserts = inserts;
    }

    public Optional<Generation> get(String key) {
        CacheEntry e = QuarkusTransaction.requiringNew().call(() -> CacheEntry.findById(key));
        return Optional.ofNullable(e).map(c -> new Generation(c.text, c.latencyMs == null ? 0 : c.latencyMs,
                c.firstTokenMs, c.tokensIn, c.tokensOut, Boolean.TRUE.equals(c.structured)));
    }

    /** Stores an answer unless one is stored under its key already; returns whether this one was stored. */
    public boolean put(String key, String kind, Generation g) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        List<InsertIfAbsent.Value> row = List.of(
                new InsertIfAbsent.Value("cache_key", key, Types.VARCHAR, "varchar(64)"),
                new InsertIfAbsent.Value("kind", kind, Types.VARCHAR, "varchar(16)"),
                new InsertIfAbsent.Value("text", g.text(), Types.VARCHAR, "text"),
                new InsertIfAbsent.Value("latency_ms", g.latencyMillis(), Types.BIGINT, "bigint"),
                new InsertIfAbsent.Value("first_token_ms", g.firstTokenMillis(), Types.BIGINT, "bigint"),
                new InsertIfAbsent.Value("tokens_in", g.tokensIn(), Types.INTEGER, "integer"),
                new InsertIfAbsent.Value("tokens_out", g.tokensOut(), Types.INTEGER, "integer"),
                new InsertIfAbsent.Value("structured", g.structured(), Types.BOOLEAN, "boolean"),
                new InsertIfAbsent.Value("created_at", now, Types.TIMESTAMP_WITH_TIMEZONE, "timestamp with time zone"));
        return inserts.exclusive(key, () -> QuarkusTransaction.requiringNew().call(() ->
                inserts.insert("cache_entry", List.of("cache_key"), row)));
    }
}
