package io.claimbench.models;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live model behind a LangChain4j client. Streaming models also report the time to the first token. The
 * client's own retries are off: ours honour Retry-After. A request's JSON schema goes out as the provider's response
 * format unless the model's {@link StructuredOutput} is off; under auto, a server that rejects the request with it
 * (400 or 422) is asked again without, and not offered a schema again.
 */
final class LangChain4jEndpoint implements ChatEndpoint {

    private final ModelSpec spec;
    private final String apiKey;
    private final ChatModel blocking;
    private final StreamingChatModel streaming;
    private final AtomicBoolean schemaRejected = new AtomicBoolean();

    /** Over a Vert.x of its own (for code outside the application, such as a test). */
    LangChain4jEndpoint(ModelSpec spec, Clock clock) {
        this(spec, clock, VertxWire.standalone());
    }

    LangChain4jEndpoint(ModelSpec spec, Clock clock, VertxWire wire) {
        this(spec, new EndpointHttpClient.Builder(clock, wire));
    }

    /** Over another HTTP client than the wire's (a rehearsal's, see {@link ClientRehearsal}). */
    LangChain4jEndpoint(ModelSpec spec, HttpClientBuilder http) {
        this.spec = spec;
        this.apiKey = spec.resolvedApiKey();
        this.blocking = spec.stream() ? null : ChatModels.blocking(spec, apiKey, http);
        this.streaming = spec.stream() ? ChatModels.streaming(spec, apiKey, http) : null;
    }

    @Override
    public Generation generate(GenerationRequest request) {
        return generate(request, (WirePermit) null);
    }

    /** A blocking call takes the permit at the wire (see {@link CallPermit}); a stream holds it to its end. */
    @Override
    public Generation generate(GenerationRequest request, CallPermit permit) throws InterruptedException {
        if (blocking == null) {
            return ChatEndpoint.super.generate(request, permit);
        }
        WirePermit wire = new WirePermit(permit);
        try {
            return EndpointHttpClient.withPermit(wire, () -> generate(request, wire));
        } catch (RuntimeException e) {
            if (WirePermit.interrupted(e)) {
                throw new InterruptedException("the run stopped while the call waited for a slot");
            }
            throw e;
        }
    }

    private Generation generate(GenerationRequest request, WirePermit wire) {
        boolean structured = request.responseSchema() != null && spec.structuredOutput() != StructuredOutput.OFF
                && !(spec.structuredOutput() == StructuredOutput.AUTO && schemaRejected.get());
        if (!structured) {
            return once(request.withoutSchema(), false, wire);
        }
        try {
            return once(request, true, wire);
        } catch (EndpointException e) {
            int status = e.status().orElse(0);
            if (spec.structuredOutput() != StructuredOutput.AUTO || (status != 400 && status != 422)) {
                throw e;
            }
            // Perhaps the server takes no response format; if it answers without one, it is not offered one again.
            Generation plain = once(request.withoutSchema(), false, wire);
            schemaRejected.set(true);
            return plain;
        }
    }

    /** One request; with a permit taken at the wire, its latency leaves out the wait for the permit. */
    private Generation once(GenerationRequest request, boolean structured, WirePermit wire) {
        ChatRequest chatRequest = ChatRequest.builder().messages(messages(request)).parameters(parameters(request)).build();
        long start = System.nanoTime();
        long waitedBefore = wire == null ? 0 : wire.waitedNanos();
        try {
            if (blocking != null) {
                ChatResponse response = blocking.chat(chatRequest);
                long waited = wire == null ? 0 : wire.waitedNanos() - waitedBefore;
                return generation(response, elapsedMillis(start + waited), null, structured);
            }
            return stream(chatRequest, start, structured);
        } catch (EndpointException e) {
            throw e;
        } catch (RuntimeException e) {
            if (WirePermit.interrupted(e)) {
                throw e;
            }
            throw Failures.classify(e, spec.name(), apiKey);
        }
    }

    private Generation stream(ChatRequest chatRequest, long start, boolean structured) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicLong firstToken = new AtomicLong(-1);
        streaming.chat(chatRequest, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                if (partial != null && !partial.isEmpty()) {
                    firstToken.compareAndSet(-1, elapsedMillis(start));
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            ChatResponse response = done.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (spec.provider() == Provider.OPENAI && response.finishReason() == null) {
                // LangChain4j completes an OpenAI stream on any clean close; only the last chunk carries a finish
                // reason, so without one the answer was cut off mid-stream: a network fault, retried, never scored.
                throw new EndpointException(EndpointException.Kind.NETWORK, null, null, spec.name()
                        + ": network error: the stream ended before the answer was complete (no finish_reason)");
            }
            long first = firstToken.get();
            return generation(response, elapsedMillis(start), first < 0 ? null : first, structured);
        } catch (TimeoutException e) {
            throw new EndpointException(EndpointException.Kind.TIMEOUT, null, null, spec.name() + ": call timed out");
        } catch (ExecutionException e) {
            throw Failures.classify(e.getCause(), spec.name(), apiKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException(EndpointException.Kind.NETWORK, null, null, spec.name() + ": interrupted");
        }
    }

    private Generation generation(ChatResponse response, long latency, Long firstToken, boolean structured) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            throw new EndpointException(EndpointException.Kind.REJECTED, null, null,
                    spec.name() + ": the response had no text (finish reason " + response.finishReason() + ")");
        }
        TokenUsage usage = response.tokenUsage();
        return new Generation(text, latency, firstToken, usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount(), structured);
    }

    private static List<ChatMessage> messages(GenerationRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.user()));
        return messages;
    }

    private ChatRequestParameters parameters(GenerationRequest request) {
        Double temperature = request.temperature() != null ? request.temperature() : spec.temperature();
        Integer maxTokens = request.maxTokens() != null ? request.maxTokens() : spec.maxTokens();
        ResponseFormat format = request.responseSchema() == null ? null
                : ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(request.responseSchema()).build();
        return switch (spec.provider()) {
            case OPENAI -> OpenAiChatRequestParameters.builder().temperature(temperature).maxOutputTokens(maxTokens)
                    .seed(request.seed()).responseFormat(format).build();
            case ANTHROPIC -> DefaultChatRequestParameters.builder().temperature(temperature)
                    .maxOutputTokens(maxTokens == null ? ChatModels.DEFAULT_ANTHROPIC_MAX_TOKENS : maxTokens)
                    .responseFormat(format).build();
            default -> DefaultChatRequestParameters.builder().temperature(temperature).maxOutputTokens(maxTokens)
                    .responseFormat(format).build();
        };
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
