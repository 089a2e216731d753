package io.claimbench.cluster;

import java.util.List;

/**
 * Fired after each heartbeat of this instance (on the heartbeat's thread: observers hand long work to threads of
 * their own). {@code live} are the ids of the instances whose heartbeat has not expired, this one included;
 * {@code mayTakeOver} is false while this instance's own heartbeats have not reached the database for a whole expiry
 * period (after an outage), so that it does not take for dead an instance that was only cut off as it was.
 */
public record HeartbeatTick(List<String> live, boolean mayTakeOver) {

    public HeartbeatTick {
        live = List.copyOf(live);
    }
}
