package io.claimbench.models;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.claimbench.support.OpenAiStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each provider's real LangChain4j client, on the wire, against a WireMock server speaking its API. */
class ProvidersWireTest {

    private static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    private static ModelSpec spec(Provider p, String baseUrl, String model, String key) {
        return new ModelSpec("m", p, baseUrl, model, key, null, 0.2, 64, Duration.ofSeconds(5), 1, null, null, null,
                null, false, "test");
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void should_call_an_openai_compatible_server() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.answer("Hi from OpenAI")));
        Generation g = new LangChain4jEndpoint(spec(Provider.OPENAI, wm.baseUrl() + "/v1", "gpt-4o", "sk-o"), Clock.systemUTC())
                .generate(new GenerationRequest("Be brief.", "Hello?", null, null, 7, null));
        assertThat(g.text()).isEqualTo("Hi from OpenAI");
        assertThat(g.tokensIn()).isEqualTo(100);
        LoggedRequest r = onlyRequest();
        assertThat(r.getUrl()).isEqualTo("/v1/chat/completions");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer sk-o");
        assertThat(r.getBodyAsString()).contains("\"seed\" : 7").contains("Be brief.").contains("\"temperature\" : 0.2");
    }

    @Test
    void should_call_anthropic() {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"Hi from Claude\"}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":4}}")));
        Generation g = new LangChain4jEndpoint(spec(Provider.ANTHROPIC, wm.baseUrl() + "/v1/", "claude-test", "sk-ant"),
                Clock.systemUTC()).generate(GenerationRequest.of("Hello?"));
        assertThat(g.text()).isEqualTo("Hi from Claude");
        assertThat(g.tokensOut()).isEqualTo(4);
        LoggedRequest r = onlyRequest();
        assertThat(r.getUrl()).isEqualTo("/v1/messages");
        assertThat(r.getHeader("x-api-key")).isEqualTo("sk-ant");
        assertThat(r.getBodyAsString()).contains("\"max_tokens\" : 64");
    }

    @Test
    void should_call_ollama() {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"model\":\"llama3.2\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Hi from Ollama\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":9,\"eval_count\":3}")));
        Generation g = new LangChain4jEndpoint(spec(Provider.OLLAMA, wm.baseUrl(), "llama3.2", null), Clock.systemUTC())
                .generate(GenerationRequest.of("Hello?"));
        assertThat(g.text()).isEqualTo("Hi from Ollama");
        assertThat(onlyRequest().getUrl()).isEqualTo("/api/chat");
    }

    @Test
    void should_call_gemini() {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi from Gemini\"}],\"role\":\"model\"},"
                        + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":8,"
                        + "\"candidatesTokenCount\":3,\"totalTokenCount\":11}}")));
        Generation g = new LangChain4jEndpoint(spec(Provider.GEMINI, wm.baseUrl() + "/v1beta", "gemini-test", "g-key"),
                Clock.systemUTC()).generate(GenerationRequest.of("Hello?"));
        assertThat(g.text()).isEqualTo("Hi from Gemini");
        assertThat(g.tokensIn()).isEqualTo(8);
        assertThat(onlyRequest().getUrl()).contains("/v1beta/models/gemini-test:generateContent");
    }

    @Test
    void should_classify_rate_limits_with_retry_after_and_bad_keys_as_fatal() {
        LangChain4jEndpoint endpoint = new LangChain4jEndpoint(spec(Provider.ANTHROPIC, wm.baseUrl() + "/v1/", "c", "sk-secret-key-123"),
                Clock.systemUTC());
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.error(429, "slow down").withHeader("Retry-After", "3")));
        assertThatThrownBy(() -> endpoint.generate(GenerationRequest.of("Hi"))).isInstanceOfSatisfying(EndpointException.class, e -> {
            assertThat(e.kind()).isEqualTo(EndpointException.Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(e.fatalForRun()).isFalse();
        });
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.error(401, "invalid x-api-key sk-secret-key-123")));
        assertThatThrownBy(() -> endpoint.generate(GenerationRequest.of("Hi"))).isInstanceOfSatisfying(EndpointException.class, e -> {
            assertThat(e.kind()).isEqualTo(EndpointException.Kind.REJECTED);
            assertThat(e.fatalForRun()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("sk-secret-key-123");
        });
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.error(503, "overloaded")));
        assertThatThrownBy(() -> endpoint.generate(GenerationRequest.of("Hi")))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(EndpointException.Kind.SERVER));
    }

    @Test
    void should_time_out_an_answer_whose_body_stalls_after_the_headers() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.answer("a long, slow answer").withChunkedDribbleDelay(5, 3000)));
        ModelSpec blocking = new ModelSpec("stall", Provider.OPENAI, wm.baseUrl() + "/v1", "m", "k", null, null, null,
                Duration.ofMillis(600), 1, null, null, null, null, false, "test");
        long start = System.nanoTime();
        assertThatThrownBy(() -> new LangChain4jEndpoint(blocking, Clock.systemUTC()).generate(GenerationRequest.of("Hi")))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(EndpointException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));

        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiStubs.stream("one two three four five six")).withChunkedDribbleDelay(6, 3000)));
        long streamStart = System.nanoTime();
        assertThatThrownBy(() -> new LangChain4jEndpoint(blocking.withStream(true), Clock.systemUTC()).generate(GenerationRequest.of("Hi")))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(EndpointException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - streamStart)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void should_time_out_a_call_that_takes_too_long() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.answer("late").withFixedDelay(3000)));
        ModelSpec slow = new ModelSpec("slow", Provider.OPENAI, wm.baseUrl() + "/v1", "m", "k", null, null, null,
                Duration.ofMillis(500), 1, null, null, null, null, false, "test");
        assertThatThrownBy(() -> new LangChain4jEndpoint(slow, Clock.systemUTC()).generate(GenerationRequest.of("Hi")))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(EndpointException.Kind.TIMEOUT));
    }

    @Test
    void should_send_and_read_text_beyond_ascii_as_utf8_over_one_kept_alive_connection() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.answer("Grüße, 世界 — ✓")));
        LangChain4jEndpoint endpoint = new LangChain4jEndpoint(spec(Provider.OPENAI, wm.baseUrl() + "/v1", "gpt-4o", "sk-u"),
                Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            assertThat(endpoint.generate(GenerationRequest.of("Ça va? Ünïcödé " + i)).text()).isEqualTo("Grüße, 世界 — ✓");
        }
        wm.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-u"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Ça va? Ünïcödé 2")).or(
                        matchingJsonPath("$.messages[0].content", equalTo("Ça va? Ünïcödé 1"))).or(
                        matchingJsonPath("$.messages[0].content", equalTo("Ça va? Ünïcödé 0")))));
    }

    @Test
    void should_report_a_dropped_connection_an_empty_answer_and_a_closed_port_as_network_errors() {
        LangChain4jEndpoint endpoint = new LangChain4jEndpoint(spec(Provider.OPENAI, wm.baseUrl() + "/v1", "m", "sk-n"),
                Clock.systemUTC());
        for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.RANDOM_DATA_THEN_CLOSE)) {
            wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(fault)));
            assertThatThrownBy(() -> endpoint.generate(GenerationRequest.of("Hi")))
                    .as(fault.name()).isInstanceOfSatisfying(EndpointException.class, e -> {
                        assertThat(e.kind()).isEqualTo(EndpointException.Kind.NETWORK);
                        assertThat(e.kind().retryable()).isTrue();
                    });
        }
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> new LangChain4jEndpoint(spec(Provider.OPENAI, "http://127.0.0.1:" + closed + "/v1", "m", "k"),
                Clock.systemUTC()).generate(GenerationRequest.of("Hi")))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(EndpointException.Kind.NETWORK));
    }
}
