package io.claimbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.judging.VerdictSchema;
import io.claimbench.support.OpenAiStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request's JSON schema on the wire as OpenAI's response_format, by the model's structured-output setting. */
class StructuredOutputWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICT = "{\"rationale\": \"A is clearer.\", \"verdict\": \"A>B\"}";
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

    private static LangChain4jEndpoint endpoint(StructuredOutput mode) {
        return new LangChain4jEndpoint(new ModelSpec("real-judge", Provider.OPENAI, wm.baseUrl() + "/v1", "judge", "sk-j",
                null, 0.0, 64, Duration.ofSeconds(5), 1, null, null, null, null, false, "test", mode), Clock.systemUTC());
    }

    private static GenerationRequest judgeRequest() {
        return new GenerationRequest("You judge.", "Which is better?", 0.0, 64, 12201, null, VerdictSchema.SCHEMA);
    }

    private static List<JsonNode> bodies() {
        return wm.findAll(anyRequestedFor(anyUrl())).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void should_send_the_schema_as_a_strict_json_schema_response_format_under_auto() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.answer(VERDICT)));
        Generation g = endpoint(StructuredOutput.AUTO).generate(judgeRequest());
        assertThat(g.structured()).isTrue();
        JsonNode format = bodies().getFirst().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("pairwise_verdict_v2");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema/properties/verdict/enum")).hasSize(5);
    }

    @Test
    void should_ask_again_without_the_schema_and_stop_offering_it_when_an_auto_server_rejects_it() {
        wm.stubFor(post(anyUrl()).withRequestBody(containing("response_format"))
                .willReturn(OpenAiStubs.error(400, "response_format is not supported")));
        wm.stubFor(post(anyUrl()).withRequestBody(notContaining("response_format")).willReturn(OpenAiStubs.answer(VERDICT)));
        LangChain4jEndpoint e = endpoint(StructuredOutput.AUTO);
        assertThat(e.generate(judgeRequest()).structured()).isFalse();
        assertThat(e.generate(judgeRequest()).structured()).isFalse();
        assertThat(bodies()).extracting(b -> b.has("response_format")).containsExactly(true, false, false);
    }

    @Test
    void should_fail_the_call_when_a_json_schema_server_rejects_it() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.error(400, "response_format is not supported")));
        assertThatThrownBy(() -> endpoint(StructuredOutput.JSON_SCHEMA).generate(judgeRequest()))
                .isInstanceOf(EndpointException.class).hasMessageContaining("HTTP 400");
        assertThat(bodies()).hasSize(1);
    }

    @Test
    void should_send_no_schema_when_off_or_when_the_request_has_none() {
        wm.stubFor(post(anyUrl()).willReturn(OpenAiStubs.answer(VERDICT)));
        assertThat(endpoint(StructuredOutput.OFF).generate(judgeRequest()).structured()).isFalse();
        assertThat(endpoint(StructuredOutput.AUTO).generate(GenerationRequest.of("Hello?")).structured()).isFalse();
        assertThat(bodies()).extracting(b -> b.has("response_format")).containsExactly(false, false);
    }
}
