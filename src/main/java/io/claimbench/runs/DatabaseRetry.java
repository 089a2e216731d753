package io.claimbench.runs;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Waits out a database that went away, for the code that executes runs: a read or write that failed because the
 * connection was refused or lost (or the pool had none to give) is tried again, with backoff, until it succeeds or
 * {@code claimbench.runs.database-outage-limit} has passed. Every operation retried through here is a transaction of
 * its own that can be repeated: one that failed was rolled back, or (a commit whose answer was lost) is one whose
 * repetition changes nothing; see {@link WorkItemStore#record}. Any other error is thrown at once.
 */
@ApplicationScoped
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);
    private static final long FIRST_DELAY_MILLIS = 100;

    private final RunsConfig config;
    /** When the current outage was first seen (System.nanoTime), or 0 while the database answers. */
    private final AtomicLong outageSince = new AtomicLong();
    private volatile long giveUpAt = Long.MAX_VALUE;

    public DatabaseRetry(RunsConfig config) {
        this.config = config;
    }

    public <T> T call(String what, Supplier<T> work) {
        long start = System.nanoTime();
        long deadline = saturatedAdd(start, config.databaseOutageLimit().toNanos());
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.get();
                recovered(what);
                return result;
            } catch (RuntimeException e) {
                if (!lostConnection(e)) {
                    throw e;
                }
                long now = System.nanoTime();
                noticed(what, e, now);
                if (now >= Math.min(deadline, giveUpAt)) {
                    throw new DatabaseUnavailableException(what, Duration.ofNanos(now - start), e);
                }
                pause(attempt);
            }
        }
    }

    public void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /** At shutdown: waits no more than the grace period for the database, so that stopping is not held up. */
    void stopWaitingAfter(Duration grace) {
        giveUpAt = saturatedAdd(System.nanoTime(), grace.toNanos());
    }

    /**
     * Whether an error says the database could not be reached or the connection was lost: a connection exception
     * (SQL state class 08), the server shutting down or not yet accepting connections (57P01-57P03), the JDBC
     * connection exception types, or the pool timing out while it waited for a connection.
     */
    public static boolean lostConnection(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return lostConnection(error, seen);
    }

    private static boolean lostConnection(Throwable t, Set<Throwable> seen) {
        if (t == null || t instanceof DatabaseUnavailableException || !seen.add(t)) {
            return false; // waited for already: not to be waited for again
        }
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException s) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
            if (s.getCause() instanceof TimeoutException) { // the pool: "Acquisition timeout while waiting for new connection"
                return true;
            }
            for (SQLException next = s.getNextException(); next != null; next = next.getNextException()) {
                if (lostConnection(next, seen)) {
                    return true;
                }
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (lostConnection(suppressed, seen)) {
                return true;
            }
        }
        return lostConnection(t.getCause(), seen);
    }

    private void noticed(String what, RuntimeException e, long now) {
        if (outageSince.compareAndSet(0, now)) {
            LOG.warnf("the database is unreachable (%s failed: %s); runs wait for it for up to %s", what,
                    rootMessage(e), config.databaseOutageLimit());
        }
    }

    private void recovered(String what) {
        long since = outageSince.getAndSet(0);
        if (since != 0) {
            LOG.infof("the database is reachable again after %d ms (%s)", (System.nanoTime() - since) / 1_000_000, what);
        }
    }

    private void pause(int attempt) {
        long max = config.databaseRetryMaxDelay().toMillis();
        long delay = Math.min(max, FIRST_DELAY_MILLIS << Math.min(16, attempt - 1));
        // Jitter in [delay/2, delay]: the calls in flight do not all come back at the same instant.
        long jittered = delay / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        try {
            Thread.sleep(jittered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException();
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** The database stayed unreachable for longer than a run waits for it. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        DatabaseUnavailableException(String what, Duration waited, RuntimeException last) {
            super("the database was unreachable for " + waited.toSeconds() + " s (" + what + ")", last);
        }
    }
}
