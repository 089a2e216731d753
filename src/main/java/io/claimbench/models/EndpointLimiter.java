package io.claimbench.models;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-model limits shared by every run: at most {@code maxConcurrency} calls in flight and, when set, at most
 * {@code requestsPerMinute} calls started in any sliding minute. The limits can change while calls are in
 * flight (a model redefined over the API): new calls then wait under the new limits.
 */
public final class EndpointLimiter {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition slotFreed = lock.newCondition();
    private final Deque<Instant> starts = new ArrayDeque<>();
    private final Clock clock;
    private final Duration window;
    private int maxConcurrency;
    private Integer requestsPerMinute;
    private int inFlight;

    public EndpointLimiter(int maxConcurrency, Integer requestsPerMinute, Clock clock) {
        this(maxConcurrency, requestsPerMinute, clock, Duration.ofMinutes(1));
    }

    /** {@code window} is a minute except in tests, which cannot wait for one. */
    EndpointLimiter(int maxConcurrency, Integer requestsPerMinute, Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
        setLimits(maxConcurrency, requestsPerMinute);
    }

    /** Applies new limits; calls already in flight finish, new ones wait until they fit. */
    public void setLimits(int maxConcurrency, Integer requestsPerMinute) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max-concurrency must be at least 1");
        }
        lock.lock();
        try {
            if (this.maxConcurrency != maxConcurrency || !Objects.equals(this.requestsPerMinute, requestsPerMinute)) {
                this.maxConcurrency = maxConcurrency;
                this.requestsPerMinute = requestsPerMinute;
                slotFreed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a slot within both limits; the returned permit must be closed when the call ends. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (inFlight < maxConcurrency) {
                    long waitNanos = rateWaitNanos();
                    if (waitNanos == 0) {
                        inFlight++;
                        return this::release;
                    }
                    slotFreed.await(waitNanos, TimeUnit.NANOSECONDS);
                } else {
                    slotFreed.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: 0 and a recorded start when the rate allows a call now, else how long to wait. */
    private long rateWaitNanos() {
        Integer rpm = requestsPerMinute;
        Instant now = clock.instant();
        if (rpm == null) {
            return 0;
        }
        while (!starts.isEmpty() && !starts.peekFirst().plus(window).isAfter(now)) {
            starts.pollFirst();
        }
        if (starts.size() < rpm) {
            starts.addLast(now);
            return 0;
        }
        return Math.max(1_000_000, Duration.between(now, starts.peekFirst().plus(window)).toNanos());
    }

    private void release() {
        lock.lock();
        try {
            inFlight--;
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A held call slot. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
