package io.claimbench.runs;

import io.claimbench.cluster.HeartbeatTick;
import io.claimbench.cluster.Instances;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds the work this instance should do: at start-up it takes back the items of its own previous process and resumes
 * the unfinished runs; at each heartbeat it takes over the items of instances whose heartbeat expired and joins the runs
 * that other instances started. The runs themselves execute in {@link RunExecutor}.
 */
@ApplicationScoped
class RunResumer {

    private static final Logger LOG = Logger.getLogger(RunResumer.class);

    private final AtomicBoolean looking = new AtomicBoolean();
    private final RunExecutor executor;
    private final RunRecords runs;
    private final WorkItemStore store;
    private final RunsConfig config;
    private final Instances instances;
    private final String owner;

    RunResumer(RunExecutor executor, RunRecords runs, WorkItemStore store, RunsConfig config, Instances instances) {
        this.executor = executor;
        this.runs = runs;
        this.store = store;
        this.config = config;
        this.instances = instances;
        this.owner = instances.id();
    }

    @SuppressWarnings("removal")
    void onStart(@Observes StartupEvent event) {
        config.singleInstance().ifPresent(v -> LOG.warn("claimbench.runs.single-instance is no longer read and is ignored: "
                + "an instance's work items are taken over only when its heartbeat expires (claimbench.instance.*); remove it"));
        config.lease().ifPresent(v -> LOG.warn("claimbench.runs.lease is no longer read and is ignored: "
                + "work items are held while their instance's heartbeat lives (claimbench.instance.heartbeat-expiry); remove it"));
        if (instances.idKept()) {
            // This data folder's previous process is gone (its lock on the id is ours): nobody works on its items.
            int released = store.releaseAllOf(owner);
            if (released > 0) {
                LOG.infof("released %d work items this instance had claimed before it last stopped", released);
            }
        }
        takeOver(instances.live());
        if (!config.resumeOnStart()) {
            return;
        }
        runs.unfinished().forEach(id -> {
            LOG.infof("resuming run %s", id);
            executor.submit(id);
        });
    }

    /**
     * At each heartbeat: takes over the items of instances whose heartbeat expired, and joins the runs in progress
     * that this instance does not work on yet (started by another instance), on a thread of its own.
     */
    void onHeartbeat(@Observes HeartbeatTick tick) {
        if (!looking.compareAndSet(false, true)) {
            return;
        }
        boolean started = executor.background(() -> {
            try {
                if (tick.mayTakeOver()) {
                    takeOver(tick.live());
                }
                if (config.resumeOnStart()) {
                    runs.unfinished().stream().filter(id -> !executor.executing(id)).forEach(id -> {
                        LOG.infof("joining run %s", id);
                        executor.submit(id);
                    });
                }
            } catch (RuntimeException e) {
                LOG.warnf("instance %s could not look for work (%s); it looks again at the next heartbeat", owner, e.getMessage());
            } finally {
                looking.set(false);
            }
        });
        if (!started) {
            looking.set(false); // shutting down
        }
    }

    private void takeOver(List<String> live) {
        int released = store.releaseExpired(owner, live);
        if (released > 0) {
            LOG.infof("took over %d work items of instances whose heartbeat expired", released);
        }
    }
}
