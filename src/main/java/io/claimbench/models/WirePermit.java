package io.claimbench.models;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call's {@link CallPermit} as the HTTP client takes it, once per request it sends: the time spent waiting for it
 * is added up, so that a call's latency leaves out its wait for a slot.
 */
final class WirePermit {

    /** Waiting for a permit was interrupted (the run stopped): the interrupt flag is set again. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted while waiting for a call slot", null, false, false);
        }
    }

    private final CallPermit permit;
    private long waitedNanos;

    WirePermit(CallPermit permit) {
        this.permit = permit;
    }

    /** Waits for the permit; the handle gives it back once, however often it is closed. */
    CallPermit.Held take() {
        long start = System.nanoTime();
        CallPermit.Held held;
        try {
            held = permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        } finally {
            waitedNanos += System.nanoTime() - start;
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                held.close();
            }
        };
    }

    long waitedNanos() {
        return waitedNanos;
    }

    /** Whether {@code e} or one of its causes is an interrupted wait for a permit. */
    static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Interrupted) {
                return true;
            }
        }
        return false;
    }
}
