package io.claimbench.runs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which keys the answer cache may hold, so that a call whose key it surely does not hold skips the lookup: a Bloom
 * filter of the keys stored, read once from the database in the background on first use and kept up as answers are
 * stored. Most calls of a fresh run miss the cache, and on the embedded database a lookup was a tenth of a call's CPU.
 * <p>
 * Only on the embedded database, which one process holds: every key stored there is stored by this process, so
 * "surely not" is exact. On PostgreSQL other instances store answers this one would not hear of, and it always
 * looks up. A key is added before the transaction that stores it commits; a rolled-back one, or one deleted, only
 * makes a lookup that finds nothing, as a false positive of the filter does (about 1% at ten bits per key, more
 * past the size chosen at load, never a wrong answer). Until the keys are read, every key may be there.
 */
@ApplicationScoped
public class CachedKeys {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CachedKeys.class);

    private static final int HASHES = 7;
    /** At least 8 Mi bits (1 MiB), for about 800,000 keys at 1%; at most 128 Mi bits (16 MiB). */
    private static final int MIN_BITS_LOG2 = 23;
    private static final int MAX_BITS_LOG2 = 27;
    /** Bits per key at load, for the keys there and as many again to come. */
    private static final int BITS_PER_KEY = 10;
    private static final int PAGE = 10_000;
    private static final long RETRY_NANOS = 30_000_000_000L;

    private enum State { IDLE, LOADING, LOADED, DISABLED }

    /** Keys noted before the filter is loaded: whether they were committed when it read past them is not known. */
    private static final int MAX_PENDING = 1_000_000;

    private final Object lock = new Object();
    private final AtomicReference<State> state;
    private final AgroalDataSource dataSource;
    /** Set once, with {@link State#LOADED}. */
    private volatile AtomicLongArray bits;
    /** Keys noted before the filter is loaded; guarded by {@link #lock}. */
    private Set<String> pending = new HashSet<>();
    private boolean overflowed;
    private volatile long retryAt;

    public CachedKeys(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.state = new AtomicReference<>(DatabaseKind.isH2(dbKind) ? State.IDLE : State.DISABLED);
    }

    /** False only if the cache surely does not hold {@code key}; the first call starts reading the keys stored. */
    public boolean mightHold(String key) {
        State s = state.get();
        if (s == State.LOADED) {
            return contains(bits, key);
        }
        if (s == State.IDLE && System.nanoTime() - retryAt >= 0 && state.compareAndSet(State.IDLE, State.LOADING)) {
            Thread.ofPlatform().daemon().name("claimbench-cache-keys").start(this::load);
        }
        return true;
    }

    /** Notes a key about to be stored: called before the transaction that stores it commits. */
    public void add(String key) {
        State s = state.get();
        if (s == State.DISABLED) {
            return;
        }
        if (s != State.LOADED) {
            synchronized (lock) {
                if (state.get() != State.LOADED) {
                    if (pending.size() < MAX_PENDING) {
                        pending.add(key);
                    } else {
                        overflowed = true;
                    }
                    return;
                }
            }
        }
        set(bits, key);
    }

    /** Whether lookups are being skipped (the keys are read); for tests and logs. */
    boolean loaded() {
        return state.get() == State.LOADED;
    }

    /** Reads the stored keys (on its own thread after the first {@link #mightHold}; tests call it directly). */
    void load() {
        if (state.get() == State.DISABLED) {
            return;
        }
        long started = System.nanoTime();
        try {
            AtomicLongArray b = new AtomicLongArray(1 << (sizeLog2(count()) - 6));
            long read = readInto(b);
            synchronized (lock) {
                if (overflowed) {
                    // more keys noted than kept while the keys were read: read them again later
                    overflowed = false;
                    pending = new HashSet<>();
                    retryAt = System.nanoTime();
                    state.set(State.IDLE);
                    return;
                }
                pending.forEach(k -> set(b, k));
                pending = new HashSet<>();
                bits = b;
                state.set(State.LOADED);
            }
            LOG.debugf("answer cache: %d keys read in %d ms", read, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            retryAt = System.nanoTime() + RETRY_NANOS;
            state.set(State.IDLE);
            LOG.debugf("answer cache: reading its keys failed (every call looks up for now): %s", e.getMessage());
        }
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from cache_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads the stored keys in pages along the primary key, each on a short read of its own. */
    private long readInto(AtomicLongArray b) throws SQLException {
        long read = 0;
        String after = "";
        while (true) {
            int n = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select cache_key from cache_entry where cache_key > ? order by cache_key fetch first " + PAGE + " rows only")) {
                ps.setString(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getString(1);
                        set(b, after);
                        n++;
                    }
                }
            }
            read += n;
            if (n < PAGE) {
                return read;
            }
        }
    }

    static int sizeLog2(long keys) {
        long wanted = Math.max(1, 2 * keys * BITS_PER_KEY);
        int log2 = 64 - Long.numberOfLeadingZeros(wanted - 1);
        return Math.clamp(log2, MIN_BITS_LOG2, MAX_BITS_LOG2);
    }

    private static void set(AtomicLongArray b, String key) {
        probe(b, key, true);
    }

    private static boolean contains(AtomicLongArray b, String key) {
        return probe(b, key, false);
    }

    /** The key's bits: sets them, or tells whether all are set. */
    private static boolean probe(AtomicLongArray b, String key, boolean set) {
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL) | 1;
        long mask = ((long) b.length() << 6) - 1;
        boolean all = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            int word = (int) (bit >>> 6);
            long m = 1L << (bit & 63);
            if ((b.get(word) & m) == 0) {
                if (!set) {
                    return false;
                }
                b.getAndUpdate(word, w -> w | m);
                all = false;
            }
        }
        return all;
    }

    /** FNV-1a over the chars from a seed, then a 64-bit finaliser (splitmix64's). */
    private static long hash(String key, long seed) {
        long h = 0xCBF29CE484222325L ^ seed;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001B3L;
        }
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
