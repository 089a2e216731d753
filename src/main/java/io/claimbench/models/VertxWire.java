package io.claimbench.models;

import dev.langchain4j.http.client.HttpRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A blocking request over Vert.x's HTTP client (Netty, on the event loops the server already runs): the request is
 * written and the whole answer read on an event loop, and the calling thread waits for it once. It does in one
 * hand-over what the JDK's client does in several (its selector thread, then tasks on its executor for the headers,
 * the body and the completion), which was about a sixth of a warm run's CPU. HTTP/1.1 with keep-alive, one
 * connection pool per connect timeout for every model; TLS with the JDK's trusted certificates and the host name
 * checked. Streams stay on the JDK's client (see {@link EndpointHttpClient}).
 */
final class VertxWire {

    /** A model's concurrency is bounded by its permits; the pool only has to hold every call a process may make. */
    private static final int MAX_CONNECTIONS_PER_HOST = 4096;

    /** The answer as read: status, headers (names in any case) and the whole body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private static volatile VertxWire standalone;

    private final Vertx vertx;
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    VertxWire(Vertx vertx) {
        this.vertx = vertx;
    }

    /** For code outside the application (a test that builds an endpoint itself): a Vert.x of its own, made once. */
    static VertxWire standalone() {
        VertxWire w = standalone;
        if (w == null) {
            synchronized (VertxWire.class) {
                w = standalone;
                if (w == null) {
                    w = new VertxWire(Vertx.vertx());
                    standalone = w;
                }
            }
        }
        return w;
    }

    private HttpClient client(Duration connectTimeout) {
        // A connection's failure reaches the call it carried; the handler keeps Vert.x from logging it once more.
        return clients.computeIfAbsent(connectTimeout, t -> vertx.httpClientBuilder().with(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, t.toMillis()))
                        .setVerifyHost(true))
                // Vert.x's default is 5 connections per host (the calls beyond them wait in its queue)
                .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_HOST))
                .withConnectHandler(connection -> connection.exceptionHandler(reported -> { }))
                .build());
    }

    /**
     * Sends {@code request} and waits at most {@code limit} for the whole answer. With a permit, takes it just before
     * the request goes out and gives it back as soon as the answer is in (or the call failed), on the event loop,
     * before the waiting thread runs again.
     */
    Answer send(HttpRequest request, Duration connectTimeout, Duration limit, WirePermit permit) {
        RequestOptions options = new RequestOptions()
                .setAbsoluteURI(request.url())
                .setMethod(HttpMethod.valueOf(request.method().name()))
                .setFollowRedirects(false);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach((name, values) -> {
            if (ClientHeaders.copied(name)) {
                headers.add(name, values);
            }
        });
        options.setHeaders(headers);
        String body = request.body();
        Buffer payload = body == null ? null : Buffer.buffer(body.getBytes(StandardCharsets.UTF_8));
        HttpClient client = client(connectTimeout);
        CallPermit.Held held = permit == null ? null : permit.take();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        // The request, once the connection is there: a timeout resets it (the connection is closed, not reused).
        CompletableFuture<io.vertx.core.http.HttpClientRequest> sent = new CompletableFuture<>();
        try {
            client.request(options).onComplete(r -> {
                if (r.failed()) {
                    answer.completeExceptionally(r.cause());
                    return;
                }
                io.vertx.core.http.HttpClientRequest req = r.result();
                sent.complete(req);
                (payload == null ? req.send() : req.send(payload))
                        .compose(response -> response.body().map(b -> new Answer(response.statusCode(),
                                headers(response.headers()), b.toString(StandardCharsets.UTF_8))))
                        .onComplete(a -> {
                            if (a.succeeded()) {
                                answer.complete(a.result());
                            } else {
                                answer.completeExceptionally(a.cause());
                            }
                        });
            });
        } catch (RuntimeException e) {
            if (held != null) {
                held.close();
            }
            throw e;
        }
        if (held != null) {
            answer.whenComplete((a, error) -> held.close());
        }
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(answer, sent);
            throw new UncheckedIOException(new HttpTimeoutException("no complete answer within " + limit.toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw failure(e.getCause(), connectTimeout);
        } catch (InterruptedException e) {
            abandon(answer, sent);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Gives up on a call: its permit is given back, and the request reset if it went out. */
    private static void abandon(CompletableFuture<Answer> answer, CompletableFuture<io.vertx.core.http.HttpClientRequest> sent) {
        answer.cancel(false);
        sent.thenAccept(io.vertx.core.http.HttpClientRequest::reset);
    }

    /** Failures as the JDK's client reports them, which {@link Failures} sorts: I/O errors, timeouts apart. */
    private static RuntimeException failure(Throwable cause, Duration connectTimeout) {
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            HttpConnectTimeoutException t = new HttpConnectTimeoutException(
                    "no connection within " + connectTimeout.toMillis() + " ms");
            t.initCause(cause);
            return new UncheckedIOException(t);
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        if (cause instanceof VertxException v) {
            // a connection closed before the answer was in, a reset: a network error, as the JDK's client has it
            return new UncheckedIOException(new IOException(v.getMessage(), v));
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private static Map<String, List<String>> headers(MultiMap received) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        received.forEach(e -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue()));
        return map;
    }
}
