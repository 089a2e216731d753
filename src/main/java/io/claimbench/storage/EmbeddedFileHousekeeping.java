package io.claimbench.storage;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Keeps the embedded H2 file proportional to its data while the server runs. The file is opened with
 * {@code WRITE_DELAY=0}, so that a commit is in the file when it returns (nothing recorded is lost if the process is
 * killed); H2 then runs no background writer, and with it none of its store's housekeeping: a chunk (what one commit
 * writes) that still holds a few live pages is never rewritten, so it is never freed, and the file grows by what every
 * commit writes (gigabytes in a long run). This does what that writer would, every {@code housekeeping-interval}:
 * <ul>
 *   <li>it forces what was written to the disk ({@link MVStore#sync}), so that a crash of the machine loses at most
 *       the last interval;</li>
 *   <li>it rewrites the live pages of sparse chunks, a bounded amount at a time, so that those chunks are freed, and
 *       their space reused by the commits made once H2's retention time has passed (45 s).</li>
 * </ul>
 * Freed space is reused, but the file does not get shorter while writes go on: its length is the most it ever held
 * (live pages and the garbage of the last seconds). Once nothing has been committed for {@link #IDLE_ROUNDS} rounds
 * (a run has ended) and less than {@link #SHRINK_BELOW}% of the file is in use, a round also moves the last chunks
 * into the free space before them and cuts the file ({@link MVStore#compactFile}, under the store's lock, as H2 does
 * when it closes; commits wait for at most {@link #SHRINK_MS} ms meanwhile), round after round until it is tight.
 * In memory, on PostgreSQL, or with H2 in server mode, it does nothing.
 * <p>
 * H2's retention time is left as it is. It is not only for the disk's buffers: a file opened after a crash (or a
 * SIGKILL) is read from the newest chunk whose chunks are all intact, and the file's header, which says where to
 * start looking, is written only every few commits. With old chunks kept 5 s instead of 45 (as this once did, after
 * each forced sync), their space could be written over while the header still led to them, and H2 opened the file as it
 * was seconds earlier: after a SIGKILL, {@code RestartIT} found 0, 0, 0, 4 and 4 of the 8 items recorded before it.
 */
@ApplicationScoped
public class EmbeddedFileHousekeeping {

    private static final Logger LOG = Logger.getLogger(EmbeddedFileHousekeeping.class);
    /** Chunks less full than this (per cent of their bytes live) are rewritten. */
    static final int CHUNK_FILL = 80;
    /** The most one round rewrites, so that it holds commits up for a few milliseconds at most. */
    static final int ROUND_BYTES = 8 << 20;
    /** Rounds without a commit after which the file is shortened. */
    static final int IDLE_ROUNDS = 3;
    /** The file is shortened while less than this share (per cent) of it holds chunks. */
    static final int SHRINK_BELOW = 85;
    /** The longest one round moves chunks. */
    static final int SHRINK_MS = 500;

    private final DataSource dataSource;
    private final boolean h2;
    private final Duration interval;
    private ScheduledExecutorService timer;
    /** The store's version at the last round, and how many rounds in a row it stayed the same. */
    private long lastVersion = -1;
    private int idleRounds;
    /** Whether shortening may still gain something since the last commit. */
    private boolean shortenable = true;

    public EmbeddedFileHousekeeping(DataSource dataSource,
                                    @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                                    @ConfigProperty(name = "claimbench.storage.housekeeping-interval", defaultValue = "1s") Duration interval) {
        this.dataSource = dataSource;
        this.h2 = dbKind.equalsIgnoreCase("h2");
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        if (!h2 || interval.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("claimbench-h2-housekeeping").factory());
        timer.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void round() {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = store(c);
            if (store == null) {
                return;
            }
            int retention = h2Retention(store);
            tidy(store, retention);
            long version = store.getCurrentVersion();
            idleRounds = version == lastVersion ? idleRounds + 1 : 0;
            if (idleRounds == 0) {
                shortenable = true;
            }
            if (idleRounds >= IDLE_ROUNDS && shortenable) {
                long before = store.getFileStore().size();
                // Until a round gains nothing: then not again before the next commit (the rest cannot be moved).
                shortenable = shorten(store, retention) && store.getFileStore().size() < before;
            }
            lastVersion = store.getCurrentVersion();
        } catch (SQLException | RuntimeException e) {
            // The store may be closing, or the pool away for a moment: the next round tries again.
            LOG.debugf("embedded database housekeeping skipped: %s", e.getMessage());
        }
    }

    /** H2's own retention time for old chunks, which housekeeping keeps (45 s). */
    static int h2Retention(MVStore store) {
        return store.getFileStore().getDefaultRetentionTime();
    }

    /** {@link #tidy(Connection, int)} as the server does it, keeping old chunks as long as H2 does. */
    static boolean tidy(Connection connection) throws SQLException {
        MVStore store = store(connection);
        return store != null && tidy(connection, h2Retention(store));
    }

    /**
     * One round of housekeeping on the store behind an embedded H2 connection, which keeps old chunks for
     * {@code retentionMillis} (a test's churn, thousands of commits a second, frees chunks within the test with 0);
     * returns false when there is none to tidy (in memory, server mode, another database).
     */
    static boolean tidy(Connection connection, int retentionMillis) throws SQLException {
        MVStore store = store(connection);
        if (store == null) {
            return false;
        }
        tidy(store, retentionMillis);
        return true;
    }

    /**
     * Moves chunks to shorten the file when less than {@link #SHRINK_BELOW}% of it is in use, for at most
     * {@link #SHRINK_MS} ms; returns whether it did (false also when there is no file store).
     */
    static boolean shorten(Connection connection, int retentionMillis) throws SQLException {
        MVStore store = store(connection);
        return store != null && shorten(store, retentionMillis);
    }

    /** The file store behind an embedded H2 connection; null in memory, in server mode or for another database. */
    static MVStore store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        return file == null || store.isClosed() || file.isReadOnly() ? null : store;
    }

    private static void tidy(MVStore store, int retentionMillis) {
        store.sync();
        if (store.getRetentionTime() != retentionMillis) {
            store.setRetentionTime(retentionMillis);
        }
        store.compact(CHUNK_FILL, ROUND_BYTES);
    }

    private static boolean shorten(MVStore store, int retentionMillis) {
        if (store.getFillRate() >= SHRINK_BELOW) {
            return false;
        }
        store.sync();
        try {
            // It drops the retention of old chunks to 0 for the move (what is moved is on the disk: synced above).
            store.compactFile(SHRINK_MS);
        } finally {
            store.setRetentionTime(retentionMillis);
        }
        return true;
    }
}
