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

/**
 * The HTTP client under every LangChain4j model we build: a blocking call over Vert.x's client ({@link VertxWire}),
 * a stream over java.net.http; the Retry-After of a non-2xx answer is kept for our retry policy. LangChain4j's own
 * retries are switched off; ours honour Retry-After.
 */
final class EndpointHttpClient implements HttpClient {

    /** The permit of the call on this thread, which a blocking request takes just before it goes out. */
    private static final ThreadLocal<WirePermit> PERMIT = new ThreadLocal<>();

    private final VertxWire wire;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;

    EndpointHttpClient(VertxWire wire, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.wire = wire;
        this.connectTimeout = connectTimeout;
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
        VertxWire.Answer answer = wire.send(request, connectTimeout, readTimeout, PERMIT.get());
        if (answer.status() / 100 != 2) {
            String retryAfter = answer.header("Retry-After");
            throw new StatusHttpException(answer.status(), answer.body(),
                    retryAfter == null ? null : parseRetryAfter(retryAfter, clock.instant()));
        }
        return SuccessfulHttpResponse.builder().statusCode(answer.status())
                .headers(answer.headers()).body(answer.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        try {
            HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), readTimeout);
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
     * Sends a stream's request and waits at most {@code limit} for the response's headers.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration limit) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            if (ClientHeaders.copied(name)) {
                values.forEach(v -> b.header(name, v));
            }
        });
        String body = request.body();
        b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        java.util.concurrent.CompletableFuture<HttpResponse<T>> call = shared(connectTimeout).sendAsync(b.build(), handler);
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
        private final VertxWire wire;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);

        Builder(Clock clock, VertxWire wire) {
            this.clock = clock;
            this.wire = wire;
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
            return new EndpointHttpClient(wire, connectTimeout, readTimeout, clock);
        }
    }

    /**
     * One JDK client per connect timeout, for every streaming model: one selector thread and one connection pool,
     * built at the first stream (the first build in a process also sets up TLS, a few hundred ms on a cold JVM).
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
