package io.claimbench.runs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a run once per caller and Idempotency-Key: the first request with a key creates the run and records the key
 * with it, in one transaction; a later one with the same key and the same request gets that run back; one with the same
 * key and another request is refused. Two simultaneous requests with one key create one run: the key is inserted if
 * absent ({@link InsertIfAbsent}) after the run, and the request that finds it taken rolls its run back and answers
 * with the one that took it. Keys expire after {@code claimbench.api.idempotency-ttl}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** What a request with a key led to: the run, and whether an earlier request with the key had created it. */
    public record Outcome(RunEntity run, boolean replayed) {
        public Outcome {
            Objects.requireNonNull(run, "run");
        }
    }

    /** The key was used before with another request. */
    public static final class KeyReusedException extends RuntimeException {
        KeyReusedException() {
            super("this Idempotency-Key was used with a different request; use a new key for a new request");
        }
    }

    private record Stored(String requestHash, String runId) {
    }

    private final RunService runs;
    private final InsertIfAbsent inserts;
    private final EntityManager em;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong nextPurge = new AtomicLong(Long.MIN_VALUE);

    public IdempotencyKeys(RunService runs, InsertIfAbsent inserts, EntityManager em, Clock clock,
                           @ConfigProperty(name = "claimbench.api.idempotency-ttl", defaultValue = "24h") Duration ttl) {
        this.runs = runs;
        this.inserts = inserts;
        this.em = em;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The run of this caller's key: created now from {@code request}, or the one created by the first request with the
     * key if {@code requestHash} (the request's canonical hash) is that request's; else a {@link KeyReusedException}.
     * A request that fails validation records nothing: its key stays free.
     */
    public Outcome start(String caller, String key, String requestHash, RunRequest request) {
        purgeExpired();
        // A key found taken by a concurrent request (its run rolled back) is read again on the next attempt.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Outcome> outcome = inserts.exclusive(caller + '\u0000' + key, () -> {
                Optional<Stored> stored = find(caller, key);
                if (stored.isPresent()) {
                    return Optional.of(replay(stored.get(), requestHash));
                }
                Instant now = Instant.now(clock);
                return runs.startIf(request, caller, run -> claim(caller, key, requestHash, run.id, now))
                        .map(run -> new Outcome(run, false));
            });
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("Idempotency-Key neither free nor taken after three attempts");
    }

    private Outcome replay(Stored stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new KeyReusedException();
        }
        RunEntity run = runs.find(stored.runId()).orElseThrow(() ->
                new IllegalStateException("run " + stored.runId() + " of an Idempotency-Key is gone"));
        return new Outcome(run, true);
    }

    /** The key's row if it has not expired. */
    private Optional<Stored> find(String caller, String key) {
        Instant cutoff = Instant.now(clock).minus(ttl);
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyKeyEntity.<IdempotencyKeyEntity>find(
                        "caller = ?1 and keyValue = ?2 and createdAt >= ?3", caller, key, cutoff)
                .firstResultOptional().map(e -> new Stored(e.requestHash, e.runId)));
    }

    /** In the run's transaction: takes the key for the run unless it is taken (an expired row does not count). */
    private boolean claim(String caller, String key, String requestHash, String runId, Instant now) {
        em.createQuery("delete from IdempotencyKeyEntity k where k.caller = :caller and k.keyValue = :key and k.createdAt < :cutoff")
                .setParameter("caller", caller).setParameter("key", key).setParameter("cutoff", now.minus(ttl))
                .executeUpdate();
        return inserts.insert("idempotency_key", List.of("caller", "key_value"), List.of(
                new InsertIfAbsent.Value("caller", caller, Types.VARCHAR, "varchar(200)"),
                new InsertIfAbsent.Value("key_value", key, Types.VARCHAR, "varchar(200)"),
                new InsertIfAbsent.Value("request_hash", requestHash, Types.VARCHAR, "varchar(64)"),
                new InsertIfAbsent.Value("run_id", runId, Types.VARCHAR, "varchar(36)"),
                new InsertIfAbsent.Value("created_at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE, "timestamp with time zone")));
    }

    /** Deletes expired keys, at most once an hour per process; a failure only delays it. */
    private void purgeExpired() {
        long now = System.nanoTime();
        long due = nextPurge.get();
        if ((due != Long.MIN_VALUE && now - due < 0) || !nextPurge.compareAndSet(due, now + PURGE_EVERY.toNanos())) {
            return;
        }
        try {
            long deleted = QuarkusTransaction.requiringNew().call(() -> IdempotencyKeyEntity.delete("createdAt < ?1",
                    Instant.now(clock).minus(ttl)));
            if (deleted > 0) {
                LOG.debugf("deleted %d expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "expired idempotency keys not deleted this time");
        }
    }
}
