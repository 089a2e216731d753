package io.claimbench.models;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The HTTP client under every LangChain4j model we build: java.net.http, with the Retry-After of a non-2xx
 * answer kept for our retry policy. LangChain4j's own retries are switched off; ours honour Retry-After.
 */
final class EndpointHttpClient implements HttpClient {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The permit of the call on this thread, which a blocking request takes just before it goes out. */
    private static final ThreadLocal<WirePermit> PERMIT = new ThreadLocal<>();

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final Clock clock;

    EndpointHttpClient(java.net.http.HttpClient client, Duration readTimeout, Clock clock) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** Closes streams whose call ran past its deadline (the JDK's request timeout stops at the headers). */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "claimbench-call-watchdog");
                t.setDaemon(true);
                return t;
            });

    /** Runs {@code call} with {@code permit} taken by each blocking request it sends on this thread. */
    static <T> T withPermit(WirePermit permit, java.util.function.Supplier<T> call) {
        WirePermit outer = PERMIT.get();
        PERMIT.set(permit);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                PERMIT.remove();
            } else {
                PERMIT.set(outer);
            }
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        // The permit is held from just before the request goes out until its whole body is in (or it failed).
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), readTimeout, PERMIT.get());
        if (response.statusCode() / 100 != 2) {
            throw new StatusHttpException(response.statusCode(), response.body(), retryAfter(response));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        try {
            HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), readTimeout, null);
            if (response.statusCode() / 100 != 2) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                listener.onError(new StatusHttpException(response.statusCode(), body, retryAfter(response)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).build());
            java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
            InputStream in = response.body();
            var watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                closeQuietly(in);
            }, Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            boolean[] failed = {false};
            ServerSentEventListener guarded = new ServerSentEventListener() {
                @Override
                public void onEvent(dev.langchain4j.http.client.sse.ServerSentEvent event,
                                    dev.langchain4j.http.client.sse.ServerSentEventContext context) {
                    listener.onEvent(event, context);
                }

                @Override
                public void onEvent(dev.langchain4j.http.client.sse.ServerSentEvent event) {
                    listener.onEvent(event);
                }

                @Override
                public void onError(Throwable error) {
                    failed[0] = true;
                    listener.onError(timedOut.get() ? timeout() : error);
                }
            };
            try {
                parser.parse(in, guarded);
            } finally {
                watchdog.cancel(false);
                closeQuietly(in);
            }
            if (timedOut.get() && !failed[0]) {
                listener.onError(timeout());
            } else if (!failed[0]) {
                listener.onClose();
            }
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        }
    }

    private java.net.http.HttpTimeoutException timeout() {
        return new java.net.http.HttpTimeoutException("no complete answer within " + readTimeout.toMillis() + " ms");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is all we want; the reader sees the stream end
        }
    }

    /**
     * Sends and waits at most {@code limit} for the response (for a String body: the whole body); with a permit,
     * takes it first and gives it back when the response is complete, before the waiting thread runs again.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration limit,
                                     WirePermit permit) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        String body = request.body();
        b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        java.net.http.HttpRequest built = b.build();
        CallPermit.Held held = permit == null ? null : permit.take();
        java.util.concurrent.CompletableFuture<HttpResponse<T>> call;
        try {
            call = client.sendAsync(built, handler);
        } catch (RuntimeException e) {
            if (held != null) {
                held.close();
            }
            throw e;
        }
        if (held != null) {
            call.whenComplete((response, error) -> held.close());
        }
        try {
            return call.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new UncheckedIOException(timeout());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Retry-After as delta-seconds or an HTTP date; absent or unreadable gives null. */
    Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> parseRetryAfter(v, clock.instant())).orElse(null);
    }

    static Duration parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** Builder handed to LangChain4j's model builders (a rehearsal's builds another client, see ClientRehearsal). */
    static class Builder implements HttpClientBuilder {
        private final Clock clock;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);

        Builder(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new EndpointHttpClient(shared(connectTimeout), readTimeout, clock);
        }
    }

    /**
     * One JDK client per connect timeout, for every model: one selector thread and one connection pool, built once
     * (the first build in a process also sets up TLS, a few hundred ms on a cold JVM).
     */
    private static final java.util.Map<Duration, java.net.http.HttpClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    static java.net.http.HttpClient shared(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(connectTimeout, t -> java.net.http.HttpClient.newBuilder()
                .connectTimeout(t)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .build());
    }
}
