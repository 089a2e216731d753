package io.claimbench.models;

import com.sun.net.httpserver.HttpServer;
import io.claimbench.support.OpenAiStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking wire under the LangChain4j clients: as many requests in flight at once as the callers make (Vert.x's
 * pool would hold them to 5 connections per host by default). The server answers only once every request is in, so
 * a client that queues some of them times out instead of passing.
 */
class VertxWireTest {

    private static final int CALLS = 24;

    private HttpServer server;
    private final CountDownLatch allIn = new CountDownLatch(CALLS);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), CALLS * 2);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] body = OpenAiStubs.completion("together", 3, 1).getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            allIn.countDown();
            try {
                allIn.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void should_have_every_call_of_its_callers_in_flight_at_once() throws Exception {
        ModelSpec spec = new ModelSpec("wide", Provider.OPENAI, "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "m", "k", null, null, null, Duration.ofSeconds(10), CALLS, null, null, null, null, false, "test");
        LangChain4jEndpoint endpoint = new LangChain4jEndpoint(spec, Clock.systemUTC());
        List<Future<Generation>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLS; i++) {
                calls.add(callers.submit(() -> endpoint.generate(GenerationRequest.of("Hi"))));
            }
            for (Future<Generation> call : calls) {
                assertThat(call.get().text()).isEqualTo("together");
            }
        }
        assertThat(allIn.getCount()).isZero();
    }
}
