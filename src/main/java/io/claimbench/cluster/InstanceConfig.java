package io.claimbench.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** This process as one of several instances on one database (docs/scale-out.md). */
@ConfigMapping(prefix = "claimbench.instance")
public interface InstanceConfig {

    /**
     * How often this instance renews its heartbeat, takes over the items of instances whose heartbeat expired and looks
     * for runs that other instances started; default 5s.
     */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * An instance whose last heartbeat is older than this is taken for dead: the work items it held go back to the
     * others. At least twice the interval; default 30s.
     */
    @WithDefault("30s")
    Duration heartbeatExpiry();

    /** The name this instance is listed under; default {@code HOSTNAME} (a pod's name), else the host name. */
    Optional<String> name();
}
