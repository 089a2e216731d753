package io.claimbench.models;

import dev.langchain4j.exception.HttpException;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Turns whatever a provider client threw into an {@link EndpointException}, with the api key redacted before
 * anything is shortened (so no part of a key survives a cut).
 */
final class Failures {

    private static final int MAX_BODY = 500;

    private Failures() {
    }

    static EndpointException classify(Throwable thrown, String modelName, String apiKey) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EndpointException e) {
                return e;
            }
            if (t instanceof HttpException h) {
                int status = h.statusCode();
                Duration retryAfter = h instanceof StatusHttpException s ? s.retryAfter() : null;
                EndpointException.Kind kind = status == 429 ? EndpointException.Kind.RATE_LIMITED
                        : status >= 500 ? EndpointException.Kind.SERVER
                        : status == 408 ? EndpointException.Kind.TIMEOUT
                        : EndpointException.Kind.REJECTED;
                return new EndpointException(kind, status, retryAfter,
                        modelName + ": HTTP " + status + describe(status) + ": " + shorten(redact(h.getMessage(), apiKey)));
            }
            if (t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new EndpointException(EndpointException.Kind.TIMEOUT, null, null, modelName + ": call timed out");
            }
            if (t instanceof IOException io) {
                return new EndpointException(EndpointException.Kind.NETWORK, null, null,
                        modelName + ": network error: " + io.getClass().getSimpleName()
                                + (io.getMessage() == null ? "" : " " + shorten(redact(io.getMessage(), apiKey))));
            }
        }
        return new EndpointException(EndpointException.Kind.REJECTED, null, null,
                modelName + ": " + thrown.getClass().getSimpleName() + ": " + shorten(redact(String.valueOf(thrown.getMessage()), apiKey)));
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> " (bad request)";
            case 401 -> " (unauthorized: check the api key)";
            case 403 -> " (forbidden: the key has no access to this model)";
            case 404 -> " (not found: check base-url and model)";
            case 429 -> " (rate limited)";
            default -> "";
        };
    }

    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_BODY ? oneLine.substring(0, MAX_BODY) + "..." : oneLine;
    }

    static String redact(String message, String apiKey) {
        if (message == null || apiKey == null || apiKey.length() < 4) {
            return message;
        }
        return message.replace(apiKey, "***");
    }
}
