package io.claimbench.models;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed model call, classified for the retry policy. Messages never carry an api key: every message is
 * built by {@link Failures}, which redacts the key of the endpoint that failed.
 */
public class EndpointException extends RuntimeException {

    public enum Kind {
        /** 429: retry, after Retry-After when the server sent one. */
        RATE_LIMITED(true),
        /** 5xx: retry with backoff. */
        SERVER(true),
        TIMEOUT(true),
        NETWORK(true),
        /** 400, 401, 403, 404, 422...: the request itself is wrong; retrying cannot help and the run fails fast. */
        REJECTED(false),
        /** A recorded model has no answer for the prompt. */
        NOT_RECORDED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Integer status;
    private final Duration retryAfter;

    public EndpointException(Kind kind, Integer status, Duration retryAfter, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Integer> status() {
        return Optional.ofNullable(status);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True when the failure says the whole run cannot succeed (bad key, no access): stop instead of going on. */
    public boolean fatalForRun() {
        return kind == Kind.REJECTED && status != null && (status == 401 || status == 403 || status == 404);
    }
}
