package io.claimbench.models;

import dev.langchain4j.exception.HttpException;

import java.time.Duration;

/** A non-2xx answer, keeping the Retry-After the server sent (LangChain4j's own exception drops headers). */
final class StatusHttpException extends HttpException {

    private final transient Duration retryAfter;

    StatusHttpException(int status, String body, Duration retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
