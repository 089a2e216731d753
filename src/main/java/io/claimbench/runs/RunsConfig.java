package io.claimbench.runs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How runs execute. */
@ConfigMapping(prefix = "claimbench.runs")
public interface RunsConfig {

    /**
     * Work on the runs in progress in the database: at start-up those that were running when the process stopped,
     * and at each heartbeat those that other instances started; default true (the CLI: false, it runs its own).
     */
    @WithDefault("true")
    boolean resumeOnStart();

    /**
     * Removed in 0.1 (issue 12): an instance's work items are taken over only when its heartbeat expires, whatever
     * the number of instances, see {@code claimbench.instance.*}. Still accepted so that an old configuration starts;
     * ignored with a warning.
     */
    @Deprecated(forRemoval = true)
    java.util.Optional<Boolean> singleInstance();

    /** Removed in 0.1 (issue 12), replaced by {@code claimbench.instance.heartbeat-expiry}; ignored with a warning. */
    @Deprecated(forRemoval = true)
    java.util.Optional<Duration> lease();

    /** Calls in flight for one run when the request does not say; default 8. */
    @WithDefault("8")
    int defaultConcurrency();

    /** Attempts per call, the first included, on 429, 5xx, timeouts and network errors; default 6. */
    @WithDefault("6")
    int maxAttempts();

    /** First backoff delay, doubled on each retry, with jitter; default 500ms. */
    @WithDefault("500ms")
    Duration backoffBase();

    /** Longest backoff delay (a longer Retry-After is still honoured); default 30s. */
    @WithDefault("30s")
    Duration backoffMax();

    /** The longest Retry-After a call waits for; a longer one makes the call an error; default 2m. */
    @WithDefault("2m")
    Duration maxRetryAfter();

    /** Rubric grading: two grades closer than this (on 1-10) make a tie; default 0 (only equal grades tie). */
    @WithDefault("0")
    double rubricTieBand();

    /**
     * The largest share of a run's items that may fail (an error, not an unscored verdict) for the run to support a
     * claim; above it the run completes flagged ({@code errorBudgetExceeded}) and its claims cannot be supported;
     * default 0.1.
     */
    @WithDefault("0.1")
    double maxErrorShare();

    /**
     * How long a finished work item waits for others to be recorded in the same transaction (group commit), its slot
     * meanwhile free for the next item. Default: 100ms on the embedded H2 database, where a commit rewrites every page
     * it changed (fewer, larger commits write far less and keep the file small), and 0 on PostgreSQL, where a commit
     * is an append to its log and an item keeps its slot until it is recorded (so that a process killed mid-run
     * leaves only its calls in flight to be made again).
     */
    java.util.Optional<Duration> recordLinger();

    /** At shutdown, how long calls in flight may take to finish and be recorded; default 30s. */
    @WithDefault("30s")
    Duration shutdownGrace();

    /**
     * How long an executing run waits for a database that went away (connection refused or lost, server shutting
     * down, no connection from the pool) before its items fail as internal errors; meanwhile every read and write of
     * the run is retried and nothing it holds is dropped; default 30m.
     */
    @WithDefault("30m")
    Duration databaseOutageLimit();

    /** The longest pause between two attempts to reach the database again (from 100ms, doubled); default 2s. */
    @WithDefault("2s")
    Duration databaseRetryMaxDelay();

    /** Git revision recorded with each run; default: read from {@code git rev-parse HEAD} when available. */
    java.util.Optional<String> gitRevision();
}
