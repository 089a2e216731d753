package io.claimbench.models;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A live model behind a LangChain4j client, with its own retries off (ours honour Retry-After). */
final class LangChain4jEndpoint implements ChatEndpoint {

    static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

    private final ModelSpec spec;
    private final ChatModel model;
    private final String apiKey;

    LangChain4jEndpoint(ModelSpec spec, Clock clock) {
        this.spec = spec;
        this.apiKey = spec.resolvedApiKey();
        EndpointHttpClient.Builder http = new EndpointHttpClient.Builder(clock);
        this.model = switch (spec.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(spec.baseUrl())
                    // OpenAI-compatible local servers take no key; the client still wants one.
                    .apiKey(apiKey == null ? "no-key" : apiKey)
                    .modelName(spec.model())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(http)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(spec.baseUrl())
                    .apiKey(apiKey == null ? "no-key" : apiKey)
                    .modelName(spec.model())
                    .maxTokens(spec.maxTokens() == null ? DEFAULT_ANTHROPIC_MAX_TOKENS : spec.maxTokens())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(http)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(spec.baseUrl() == null ? DEFAULT_OLLAMA_URL : spec.baseUrl())
                    .modelName(spec.model())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(http)
                    .build();
            case RECORDED -> throw new IllegalArgumentException("recorded models are not LangChain4j endpoints");
        };
    }

    @Override
    public Generation generate(GenerationRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.user()));
        Double temperature = request.temperature() != null ? request.temperature() : spec.temperature();
        Integer maxTokens = request.maxTokens() != null ? request.maxTokens() : spec.maxTokens();
        ChatRequestParameters parameters = spec.provider() == Provider.OPENAI
                ? OpenAiChatRequestParameters.builder().temperature(temperature).maxOutputTokens(maxTokens)
                .seed(request.seed()).build()
                : DefaultChatRequestParameters.builder().temperature(temperature)
                .maxOutputTokens(spec.provider() == Provider.ANTHROPIC && maxTokens == null
                        ? Integer.valueOf(DEFAULT_ANTHROPIC_MAX_TOKENS) : maxTokens).build();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder().messages(messages).parameters(parameters).build());
        } catch (RuntimeException e) {
            throw Failures.classify(e, spec.name(), apiKey);
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            throw new EndpointException(EndpointException.Kind.REJECTED, null, null,
                    spec.name() + ": the response had no text (finish reason " + response.finishReason() + ")");
        }
        TokenUsage usage = response.tokenUsage();
        return new Generation(text, latency, null, usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount());
    }
}
