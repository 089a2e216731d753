package io.claimbench.web;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code claimbench.web.votes-per-minute} new votes per voter in any minute, per server process: enough for a
 * person who reads both answers, too few for a script to flood a campaign.
 */
@ApplicationScoped
public class VoteRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    public VoteRateLimit(Clock clock, WebConfig config) {
        this.clock = clock;
        this.perMinute = config.votesPerMinute();
    }

    /** Takes one vote from the voter's allowance; false when it is spent for now. */
    public synchronized boolean tryAcquire(String voter) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(voter, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.pollFirst();
        }
        if (times.size() >= perMinute) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Gives back a vote that was not stored after all (a repeat found at commit). */
    public synchronized void release(String voter) {
        Deque<Instant> times = recent.get(voter);
        if (times != null && !times.isEmpty()) {
            times.pollLast();
        }
    }
}
