package io.claimbench.models;

/**
 * What a model call holds while it runs: the run's call slot and the model's limits. An endpoint that makes a
 * blocking HTTP request takes it just before the request goes out and gives it back as soon as the whole answer is
 * in, so that building the request and reading the answer hold no slot and the endpoint sees as many calls at once
 * as the limits allow; a stream, and an endpoint without HTTP, hold it around the whole call.
 */
@FunctionalInterface
public interface CallPermit {

    /** Waits for the permit; closing the handle gives it back. */
    Held acquire() throws InterruptedException;

    /** A permit held; closing it a second time does nothing. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
