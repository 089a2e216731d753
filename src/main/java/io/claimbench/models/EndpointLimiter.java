package io.claimbench.models;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/**
 * Per-model limits shared by every run: at most {@code maxConcurrency} calls in flight and, when set, at most
 * {@code requestsPerMinute} calls started in any sliding minute.
 */
public final class EndpointLimiter {

    private final int maxConcurrency;
    private final Integer requestsPerMinute;
    private final Semaphore inFlight;
    private final Deque<Instant> starts = new ArrayDeque<>();
    private final Clock clock;
    private final Duration window;

    public EndpointLimiter(int maxConcurrency, Integer requestsPerMinute, Clock clock) {
        this(maxConcurrency, requestsPerMinute, clock, Duration.ofMinutes(1));
    }

    /** {@code window} is a minute except in tests, which cannot wait for one. */
    EndpointLimiter(int maxConcurrency, Integer requestsPerMinute, Clock clock, Duration window) {
        this.window = window;
        this.maxConcurrency = maxConcurrency;
        this.requestsPerMinute = requestsPerMinute;
        this.inFlight = new Semaphore(maxConcurrency, true);
        this.clock = clock;
    }

    public boolean sameLimits(int maxConcurrency, Integer requestsPerMinute) {
        return this.maxConcurrency == maxConcurrency && java.util.Objects.equals(this.requestsPerMinute, requestsPerMinute);
    }

    /** Waits for a slot; the returned permit must be closed when the call ends. */
    public Permit acquire() throws InterruptedException {
        inFlight.acquire();
        try {
            awaitRate();
        } catch (InterruptedException | RuntimeException e) {
            inFlight.release();
            throw e;
        }
        return inFlight::release;
    }

    private void awaitRate() throws InterruptedException {
        if (requestsPerMinute == null) {
            return;
        }
        while (true) {
            long waitMillis;
            synchronized (starts) {
                Instant now = clock.instant();
                while (!starts.isEmpty() && !starts.peekFirst().plus(window).isAfter(now)) {
                    starts.pollFirst();
                }
                if (starts.size() < requestsPerMinute) {
                    starts.addLast(now);
                    return;
                }
                waitMillis = Math.max(1, Duration.between(now, starts.peekFirst().plus(window)).toMillis());
            }
            Thread.sleep(waitMillis);
        }
    }

    /** A held call slot. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
