package io.claimbench.runs;

import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.cluster.Instances;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Executes runs in the background on virtual threads. A coordinator per run claims work items from the database
 * while the run has call slots free, so that at most this instance's share of {@code concurrency} items are in
 * progress here (the run's concurrency is divided among the live instances, see {@link Instances#share(int)}); each
 * item then runs on a virtual thread of its own ({@link ItemRunner}), its calls taking the model's slots. Which runs
 * to resume or join is {@link RunResumer}'s. Every database access of an executing run goes through
 * {@link DatabaseRetry}: a database that goes away holds the run up, it does not fail it.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);
    /** Items claimed in one transaction (at most the instance's share of the run's concurrency). */
    private static final int CLAIM_BATCH = 16;
    /** How often an executing run looks for a cancel or an end made elsewhere (another process, or the database). */
    private static final long STATE_CHECK_NANOS = 250_000_000L;

    private final String owner;
    private final Map<String, Handle> active = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private final RunRecords runs;
    private final RunContexts contexts;
    private final WorkItemStore store;
    private final ItemRunner items;
    private final RunsConfig config;
    private final Event<RunEnded> ended;
    private final DatabaseRetry db;
    private final Instances instances;

    public RunExecutor(RunRecords runs, RunContexts contexts, WorkItemStore store, ItemRunner items,
                       RunsConfig config, Event<RunEnded> ended, DatabaseRetry db, Instances instances) {
        this.instances = instances;
        this.owner = instances.id();
        this.ended = ended;
        this.db = db;
        this.runs = runs;
        this.contexts = contexts;
        this.store = store;
        this.items = items;
        this.config = config;
    }

    /**
     * Claims no more items and lets the calls in flight finish (within the grace period), so that their answers
     * are recorded or cached and the run resumes on the next start without paying for them again.
     */
    void onStop(@Observes ShutdownEvent event) {
        db.stopWaitingAfter(config.shutdownGrace());
        active.values().forEach(h -> {
            if (h.ctx != null) {
                h.ctx.stop(RunState.RUNNING, "shutting down");
            }
        });
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        for (Handle h : List.copyOf(active.values())) {
            try {
                h.done.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.warn("a run was still busy at shutdown; its unfinished items resume on the next start");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.shutdownNow();
    }

    /** Starts (or joins) the run's coordinator; the future completes when the run reaches a final state. */
    public CompletableFuture<RunState> submit(String runId) {
        return active.computeIfAbsent(runId, id -> {
            Handle h = new Handle();
            threads.submit(() -> coordinate(id, h));
            return h;
        }).done;
    }

    /** Whether the run's coordinator is at work on this instance. */
    boolean executing(String runId) {
        return active.containsKey(runId);
    }

    /** Runs {@code task} on the executor's virtual threads; false when they are shutting down. */
    boolean background(Runnable task) {
        try {
            threads.submit(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Completes when the run is no longer executing here (already finished: at once). */
    public CompletableFuture<RunState> completion(String runId) {
        Handle h = active.get(runId);
        return h == null ? CompletableFuture.completedFuture(null) : h.done;
    }

    void cancel(String runId) {
        Handle h = active.get(runId);
        if (h != null && h.ctx != null) {
            h.ctx.stop(RunState.CANCELLED, "cancelled by request");
        }
    }

    private void coordinate(String runId, Handle h) {
        RunState finalState = null;
        try {
            RunEntity run = db.call("reading the run", () -> runs.find(runId)).orElseThrow();
            if (run.state.terminal()) {
                finalState = run.state;
                return;
            }
            try {
                h.ctx = db.call("preparing the run", () -> contexts.context(run));
            } catch (RuntimeException e) {
                finalState = db.call("failing the run", () -> runs.finish(runId, RunState.FAILED, e.getMessage()));
                return;
            }
            db.run("starting the run", () -> runs.markRunning(runId));
            LOG.infof("run %s started: eval set %s, %s against %s, %d items, scorer %s", runId, run.evalSetId,
                    run.candidate, run.baseline, run.totalItems, run.scorer);
            finalState = loop(h.ctx, run.concurrency);
            if (finalState == null) {
                return; // ended by another instance, which says so
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "run %s failed", runId);
            String reason = e instanceof DatabaseRetry.DatabaseUnavailableException ? e.getMessage()
                    : "internal error: " + e.getClass().getSimpleName();
            // If the database is still away, the run stays running in it and resumes on the next start.
            finalState = runs.finish(runId, RunState.FAILED, reason);
        } finally {
            active.remove(runId);
            if (finalState != null && finalState.terminal()) {
                announce(runId, finalState);
            }
            h.done.complete(finalState);
        }
    }

    private RunState loop(RunContext ctx, int concurrency) {
        ItemSlots slots = new ItemSlots();
        Double cap = ctx.settings.costCap();
        if (cap != null && db.call("reading the run's cost", () -> store.spent(ctx.runId)) >= cap) {
            ctx.stop(RunState.STOPPED, String.format(java.util.Locale.ROOT, "cost cap %.4f reached before resuming", cap));
        }
        // Items are claimed a batch at a time (one short transaction for several), queued here, and started as this
        // instance's share of the run's slots frees up; what is still queued when the loop ends is given back.
        Deque<WorkItemEntity> queued = new ArrayDeque<>();
        long lastStateCheck = 0;
        while (!ctx.stopped()) {
            if (System.nanoTime() - lastStateCheck > STATE_CHECK_NANOS) {
                RunState state = db.call("checking for a cancel", () -> runs.find(ctx.runId).map(r -> r.state).orElse(null));
                if (state == null || state == RunState.CANCELLED) {
                    ctx.stop(RunState.CANCELLED, "cancelled by request");
                    break;
                }
                if (state.terminal()) { // ended by another instance (settled early, or its cost cap)
                    ctx.stop(RunState.RUNNING, "ended by another instance");
                    giveBack(ctx, queued);
                    slots.awaitIdle();
                    return null;
                }
                lastStateCheck = System.nanoTime();
            }
            // The share follows the number of live instances. When the share's worth of items wait to be recorded, the
            // recorder's linger ends: no slot frees up before they are committed.
            int share = instances.share(concurrency);
            if (slots.recordingFull(share)) {
                store.recordSoon();
            }
            int free = slots.free(share, ctx.stopped());
            if (free <= 0) {
                continue;
            }
            if (queued.isEmpty()) {
                int want = Math.max(free, Math.min(CLAIM_BATCH, instances.share(concurrency)));
                List<WorkItemEntity> claimed = db.call("claiming work items", () -> store.claim(ctx.runId, owner, want, instances.expiry()));
                if (claimed.isEmpty()) {
                    ctx.drained = true;
                    store.recordSoon(); // nothing left to claim: what waits to be recorded need not wait for more
                    if (slots.idle()) {
                        if (db.call("counting unfinished items", () -> store.unfinished(ctx.runId)) == 0) {
                            if (db.call("reading the run", () -> runs.find(ctx.runId)).map(r -> r.state.terminal()).orElse(false)) {
                                return null; // another instance recorded the last item and ended the run
                            }
                            break;
                        }
                        // Nothing runs here, so an item this process holds is one whose claim committed while its
                        // answer was lost with the connection: claim it again. Others are held by another process: wait
                        // for them, or for their heartbeat to expire.
                        int orphans = db.call("releasing items claimed in doubt", () -> store.releaseOwn(ctx.runId, owner));
                        if (orphans > 0) {
                            LOG.infof("run %s: %d items claimed while the database went away are claimed again", ctx.runId, orphans);
                            continue;
                        }
                    }
                    slots.pause(500);
                    continue;
                }
                queued.addAll(claimed);
                // The batch's prompts in one read, not one per item.
                List<Long> unread = ctx.prompts.missing(claimed.stream().map(w -> w.promptVersionId).toList());
                if (!unread.isEmpty()) {
                    db.call("reading prompts", () -> QuarkusTransaction.requiringNew().call(() ->
                            PromptVersionEntity.<PromptVersionEntity>list("#" + PromptVersionEntity.BY_IDS, unread))).forEach(ctx.prompts::put);
                }
            }
            for (int n = 0; n < free && !queued.isEmpty() && !ctx.stopped(); n++) {
                WorkItemEntity item = queued.poll();
                ItemSlots.Slot slot = slots.take();
                threads.submit(() -> {
                    try (slot) {
                        items.run(ctx, item, slot);
                    }
                });
            }
        }
        giveBack(ctx, queued);
        store.recordSoon();
        slots.awaitIdle();
        RunContext.Stop stop = ctx.stop.get();
        double budget = config.maxErrorShare();
        if (stop == null || (stop.state() == RunState.STOPPED && db.call("counting unfinished items", () -> store.unfinished(ctx.runId)) == 0)) {
            // a cap reached on the last item stopped nothing
            return db.call("ending the run", () -> runs.end(ctx.runId, RunState.COMPLETED, null, budget));
        }
        if (stop.state() == RunState.RUNNING) {
            return RunState.RUNNING; // shutting down: stays running, resumed on the next start
        }
        if (stop.state() == RunState.COMPLETED || stop.state() == RunState.STOPPED) { // settled early, or the cost cap
            return db.call("ending the run", () -> runs.end(ctx.runId, stop.state(), stop.reason(), budget));
        }
        return db.call("ending the run", () -> runs.finish(ctx.runId, stop.state(), stop.reason()));
    }

    /** Gives back the claimed items that were never started. */
    private void giveBack(RunContext ctx, Deque<WorkItemEntity> queued) {
        for (WorkItemEntity item : queued) {
            items.release(ctx, item, List.of());
        }
        queued.clear();
    }

    /** Tells observers (the run log) that the run ended; their failure never changes how it ended. */
    private void announce(String runId, RunState state) {
        try {
            ended.fire(new RunEnded(runId, state, runs.find(runId).map(r -> r.reason).orElse(null)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "run %s ended %s; an observer of its end failed", runId, state);
        }
    }

    private static final class Handle {
        final CompletableFuture<RunState> done = new CompletableFuture<>();
        volatile RunContext ctx;
    }
}
