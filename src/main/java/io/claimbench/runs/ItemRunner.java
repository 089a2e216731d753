package io.claimbench.runs;

import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.cluster.Instances;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One claimed work item of an executing run, on its own virtual thread: its calls, its record (with the answers it got
 * for the cache) and, for an early-stop run, the check that may settle the run. An item that cannot finish is given
 * back with its answers, so that whoever claims it next pays for none of them again.
 */
@ApplicationScoped
class ItemRunner {

    private static final Logger LOG = Logger.getLogger(ItemRunner.class);

    private final WorkItemStore store;
    private final WorkItemProcessor processor;
    private final EarlyStop earlyStop;
    private final DatabaseRetry db;
    private final String owner;

    ItemRunner(WorkItemStore store, WorkItemProcessor processor, EarlyStop earlyStop, DatabaseRetry db, Instances instances) {
        this.store = store;
        this.processor = processor;
        this.earlyStop = earlyStop;
        this.db = db;
        this.owner = instances.id();
    }

    /** Runs the item in its slot; a failure stops the run (a work item's error is the harness's, not the model's). */
    void run(RunContext ctx, WorkItemEntity item, ItemSlots.Slot slot) {
        List<AnswerCache.Entry> fresh = new CopyOnWriteArrayList<>();
        try {
            PromptVersionEntity prompt = ctx.prompts.get(item.promptVersionId, id -> db.call("reading a prompt",
                    () -> QuarkusTransaction.requiringNew().call(() -> PromptVersionEntity.<PromptVersionEntity>findById(id))));
            WorkItemStore.ItemRecord record = processor.process(ctx, item, prompt, fresh);
            // The next item calls while this one waits to be committed with others; but an early stop is decided item by
            // item as they are recorded, as before (so that it stops where it did), and then nothing waits.
            boolean lingers = store.lingers() && !ctx.settings.earlyStop();
            if (lingers) {
                slot.callsDone();
            }
            if (!db.call("recording a work item", () -> store.record(item.id, owner, record, !lingers || ctx.drained))) {
                LOG.warnf("work item %d of run %s was taken over by another process; its result here is dropped", item.id, ctx.runId);
            } else if (ctx.settings.earlyStop()) {
                db.call("checking for an early stop", () -> earlyStop.check(ctx.runId, ctx.hypothesis,
                                ctx.settings.samples(), ctx.evalSet.prompts().size()))
                        .ifPresent(s -> ctx.stop(RunState.COMPLETED, s.reason(ctx.totalItems,
                                ctx.totalItems - db.call("counting unfinished items", () -> store.unfinished(ctx.runId)))));
            }
        } catch (RunStoppedException e) {
            release(ctx, item, fresh);
        } catch (RuntimeException e) {
            LOG.errorf(e, "work item %d of run %s failed; released for a retry", item.id, ctx.runId);
            ctx.stop(RunState.FAILED, e instanceof DatabaseRetry.DatabaseUnavailableException ? e.getMessage()
                    : "internal error on a work item: " + e.getClass().getSimpleName());
            release(ctx, item, fresh);
        }
    }

    /**
     * Gives an item back with the answers it got (kept in the cache); if the database cannot be told, the next start (or
     * another instance, later) takes it back.
     */
    void release(RunContext ctx, WorkItemEntity item, List<AnswerCache.Entry> fresh) {
        try {
            db.run("releasing a work item", () -> store.release(item.id, fresh));
        } catch (RuntimeException e) {
            LOG.warnf("work item %d of run %s could not be released (%s); it is claimed again later", item.id, ctx.runId, e.getMessage());
        }
    }
}
