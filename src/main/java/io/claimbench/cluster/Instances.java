package io.claimbench.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This process as one of the instances sharing the database: its row in {@code app_instance}, whose heartbeat it
 * renews every {@code heartbeat-interval}, and the ids of the instances alive. A row whose heartbeat is older than
 * {@code heartbeat-expiry} is an instance taken for dead (killed, or cut off): others take over its work items.
 * Limits meant for all instances together are shared out by {@link #share(int)}.
 */
@ApplicationScoped
public class Instances {

    private static final Logger LOG = Logger.getLogger(Instances.class);

    private final EntityManager em;
    private final Clock clock;
    private final InstanceConfig config;
    private final Event<HeartbeatTick> ticks;
    private final InstanceIdentity identity;
    private final String name;
    private final Instant started;
    private volatile List<String> live;
    private volatile Instant connectedSince;
    private ScheduledExecutorService scheduler;

    public Instances(EntityManager em, Clock clock, InstanceConfig config, Event<HeartbeatTick> ticks,
                     @ConfigProperty(name = "claimbench.data-dir") String dataDir) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.ticks = ticks;
        if (config.heartbeatExpiry().compareTo(config.heartbeatInterval().multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("claimbench.instance.heartbeat-expiry (" + config.heartbeatExpiry()
                    + ") must be at least twice claimbench.instance.heartbeat-interval (" + config.heartbeatInterval() + ")");
        }
        this.identity = InstanceIdentity.of(Path.of(dataDir));
        this.name = config.name().orElseGet(Instances::hostName);
        this.started = Instant.now(clock);
        this.live = List.of(identity.id());
        // A process that just reached the database takes the others' rows as they are.
        this.connectedSince = started.minus(config.heartbeatExpiry());
    }

    /** This instance's id: the owner of the work items it claims. */
    public String id() {
        return identity.id();
    }

    /** True when the id is the data folder's, kept from the previous process on it (see {@link InstanceIdentity}). */
    public boolean idKept() {
        return identity.kept();
    }

    public Duration expiry() {
        return config.heartbeatExpiry();
    }

    /** The ids of the instances alive at the last heartbeat, this one included, in order. */
    public List<String> live() {
        return live;
    }

    /**
     * This instance's part of a limit meant for all instances together: the limit divided by the instances alive,
     * the remainder going one each to the first in id order; at least 1, so that every instance can make progress.
     */
    public int share(int limit) {
        List<String> ids = live;
        int rank = ids.indexOf(id());
        return rank < 0 ? share(limit, ids.size() + 1, ids.size()) : share(limit, ids.size(), rank);
    }

    /** The share of the instance at {@code rank} (from 0, in id order) of {@code n}. */
    static int share(int limit, int n, int rank) {
        return Math.max(1, limit / n + (rank < limit % n ? 1 : 0));
    }

    /** {@link #share(int)}, with no limit staying none. */
    public Integer share(Integer limit) {
        return limit == null ? null : share(limit.intValue());
    }

    /** Before the executor resumes anything: the row exists, so that no other instance takes this one's claims. */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from app_instance where id = ?1").setParameter(1, id()).executeUpdate();
            insert(Instant.now(clock));
        });
        refreshLive(Instant.now(clock));
        LOG.infof("instance %s (%s) started; heartbeat every %s, expiry %s", id(), name, config.heartbeatInterval(),
                config.heartbeatExpiry());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claimbench-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** After the executor let its calls finish (it observes at the default priority): the others may take over now. */
    void onStop(@Observes @Priority(5000) ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from app_instance where id = ?1")
                    .setParameter(1, id()).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("instance %s could not remove its heartbeat (%s); it expires in %s", id(), e.getMessage(), config.heartbeatExpiry());
        }
        identity.close();
    }

    /** One heartbeat: renews this instance's row, reads who is alive, tells the observers. */
    void tick() {
        Instant now = Instant.now(clock);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int renewed = em.createNativeQuery("update app_instance set heartbeat_at = ?1 where id = ?2")
                        .setParameter(1, now).setParameter(2, id()).executeUpdate();
                if (renewed == 0) { // taken for dead and removed meanwhile: alive again
                    insert(now);
                }
                // Rows of instances long dead: their items were taken over within an expiry.
                em.createNativeQuery("delete from app_instance where heartbeat_at < ?1")
                        .setParameter(1, now.minus(config.heartbeatExpiry().multipliedBy(10))).executeUpdate();
            });
            if (connectedSince == null) {
                connectedSince = now;
                LOG.infof("instance %s reaches the database again", id());
            }
            refreshLive(now);
        } catch (RuntimeException e) {
            if (connectedSince != null) {
                LOG.warnf("instance %s could not renew its heartbeat (%s); retrying every %s", id(), e.getMessage(),
                        config.heartbeatInterval());
            }
            connectedSince = null;
            return;
        }
        try {
            ticks.fire(new HeartbeatTick(live, !now.isBefore(connectedSince.plus(config.heartbeatExpiry()))));
        } catch (RuntimeException e) {
            LOG.warnf(e, "an observer of instance %s's heartbeat failed", id());
        }
    }

    private void refreshLive(Instant now) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id from app_instance where heartbeat_at >= ?1 order by id", String.class)
                .setParameter(1, now.minus(config.heartbeatExpiry())).getResultList());
        if (!ids.contains(id())) {
            ids = new java.util.ArrayList<>(ids);
            ids.add(id());
            ids.sort(null);
        }
        if (!ids.equals(live)) {
            LOG.infof("instances alive: %d", ids.size());
        }
        live = List.copyOf(ids);
    }

    private void insert(Instant now) {
        em.createNativeQuery("insert into app_instance (id, name, started_at, heartbeat_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id()).setParameter(2, name.length() > 255 ? name.substring(0, 255) : name).setParameter(3, started).setParameter(4, now).executeUpdate();
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME"); // a container's, a Kubernetes pod's name
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
