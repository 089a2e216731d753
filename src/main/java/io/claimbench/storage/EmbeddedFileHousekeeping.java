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
 *   <li>it forces what was written to the disk ({@link MVStore#sync}), so that the old chunks H2 keeps in case the
 *       newest writes are lost (its retention time, 45 s by default, "assumed" to be the longest a disk keeps writes
 *       in its buffers) need be kept only a few intervals: {@link #retentionMillis};</li>
 *   <li>it rewrites the live pages of sparse chunks older than that, a bounded amount at a time, so that those chunks
 *       are freed and their space reused by the next commits.</li>
 * </ul>
 * It does not move chunks to shorten the file while it is in use (H2 does that only under its store's lock, which is
 * not ours to take); H2 does it when the database closes.
 * In memory, on PostgreSQL, or with H2 in server mode, it does nothing.
 */
@ApplicationScoped
public class EmbeddedFileHousekeeping {

    private static final Logger LOG = Logger.getLogger(EmbeddedFileHousekeeping.class);
    /** Chunks less full than this (per cent of their bytes live) are rewritten. */
    static final int CHUNK_FILL = 80;
    /** The most one round rewrites, so that it holds commits up for a few milliseconds at most. */
    static final int ROUND_BYTES = 8 << 20;

    private final DataSource dataSource;
    private final boolean h2;
    private final Duration interval;
    private ScheduledExecutorService timer;

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

    /** How long H2 keeps old chunks: five rounds, for each round forces its writes to the disk; at least 5 s. */
    static int retentionMillis(Duration interval) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(5000, 5 * interval.toMillis()));
    }

    private void round() {
        try (Connection c = dataSource.getConnection()) {
            tidy(c, retentionMillis(interval));
        } catch (SQLException | RuntimeException e) {
            // The store may be closing, or the pool away for a moment: the next round tries again.
            LOG.debugf("embedded database housekeeping skipped: %s", e.getMessage());
        }
    }

    /**
     * One round of housekeeping on the store behind an embedded H2 connection, which keeps old chunks for
     * {@code retentionMillis}; returns false when there is none to tidy (in memory, server mode, another database).
     */
    static boolean tidy(Connection connection, int retentionMillis) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return false;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        if (file == null || store.isClosed() || file.isReadOnly()) {
            return false;
        }
        store.sync();
        if (store.getRetentionTime() != retentionMillis) {
            store.setRetentionTime(retentionMillis);
        }
        store.compact(CHUNK_FILL, ROUND_BYTES);
        return true;
    }
}
