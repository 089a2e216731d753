package io.claimbench.models;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

import java.util.List;
import java.util.Map;

/**
 * A call through an OpenAI-compatible model's LangChain4j client that never leaves the process: the request is built
 * and written as JSON, and an answer held here is read back, once without and once with a response schema. Made at
 * start-up, it builds what LangChain4j and Jackson build on a first call (the serializers of the request's and the
 * response's classes, the client's mappings), so that a run's first calls do not wait for them on a cold JVM. Nothing
 * is sent anywhere and no key is used.
 */
final class ClientRehearsal {

    private static final String ANSWER = """
            {"id": "rehearsal", "object": "chat.completion", "created": 0, "model": "rehearsal",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "{\\"verdict\\": \\"A\\", \\"rationale\\": \\"-\\"}"},
                          "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}""";

    private static final JsonSchema SCHEMA = JsonSchema.builder().name("rehearsal")
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("verdict", JsonEnumSchema.builder().enumValues("A", "B").description("which").build())
                    .addProperty("rationale", JsonStringSchema.builder().description("why").build())
                    .required("verdict", "rationale").additionalProperties(false).build()).build();

    private ClientRehearsal() {
    }

    /**
     * Rehearses one call as {@code like} would make it (its model name and settings), without and with a schema; returns
     * the two answers as read back.
     */
    static List<Generation> openAi(ModelSpec like) {
        ModelSpec spec = new ModelSpec(like.name(), Provider.OPENAI, "http://rehearsal.invalid/v1", like.model(), null,
                null, like.temperature(), like.maxTokens(), like.timeout(), like.maxConcurrency(), null, null, null, null,
                false, like.source(), StructuredOutput.JSON_SCHEMA);
        LangChain4jEndpoint endpoint = new LangChain4jEndpoint(spec, new Canned());
        return List.of(endpoint.generate(new GenerationRequest("system", "user", 0.0, 16, 1, null)),
                endpoint.generate(new GenerationRequest("system", "user", 0.0, 16, 1, null, SCHEMA)));
    }

    /** Answers every request with {@link #ANSWER}, at once; its builder keeps the timeouts LangChain4j sets. */
    private static final class Canned extends EndpointHttpClient.Builder implements HttpClient {
        Canned() {
            super(java.time.Clock.systemUTC(), null);
        }

        @Override
        public HttpClient build() {
            return this;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            return SuccessfulHttpResponse.builder().statusCode(200)
                    .headers(Map.of("Content-Type", List.of("application/json"))).body(ANSWER).build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            listener.onError(new UnsupportedOperationException("a rehearsal does not stream"));
        }
    }
}
