package io.claimbench.models;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j clients for a model spec, built at run time: blocking or streaming, always on our HTTP client and
 * with LangChain4j's own retries off. OpenAI schemas are strict (every property required, nothing else allowed),
 * which OpenAI needs to enforce them and OpenAI-compatible servers accept.
 */
final class ChatModels {

    static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;
    /** OpenAI-compatible local servers take no key, but the clients want one. */
    private static final String NO_KEY = "no-key";

    private ChatModels() {
    }

    static ChatModel blocking(ModelSpec spec, String apiKey, HttpClientBuilder http) {
        String key = apiKey == null ? NO_KEY : apiKey;
        return switch (spec.provider()) {
            case OPENAI -> OpenAiChatModel.builder().baseUrl(spec.baseUrl()).apiKey(key).modelName(spec.model())
                    .strictJsonSchema(true).timeout(spec.timeout()).maxRetries(0).httpClientBuilder(http).build();
            case ANTHROPIC -> AnthropicChatModel.builder().baseUrl(spec.baseUrl()).apiKey(key).modelName(spec.model())
                    .maxTokens(maxTokens(spec)).timeout(spec.timeout()).maxRetries(0).httpClientBuilder(http).build();
            case OLLAMA -> OllamaChatModel.builder().baseUrl(ollamaUrl(spec)).modelName(spec.model())
                    .timeout(spec.timeout()).maxRetries(0).httpClientBuilder(http).build();
            case GEMINI -> GoogleAiGeminiChatModel.builder().baseUrl(spec.baseUrl()).apiKey(key).modelName(spec.model())
                    .timeout(spec.timeout()).maxRetries(0).httpClientBuilder(http).build();
            case RECORDED -> throw new IllegalArgumentException("recorded models have no client");
        };
    }

    static StreamingChatModel streaming(ModelSpec spec, String apiKey, HttpClientBuilder http) {
        String key = apiKey == null ? NO_KEY : apiKey;
        return switch (spec.provider()) {
            case OPENAI -> OpenAiStreamingChatModel.builder().baseUrl(spec.baseUrl()).apiKey(key).modelName(spec.model())
                    .strictJsonSchema(true).timeout(spec.timeout()).httpClientBuilder(http).build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder().baseUrl(spec.baseUrl()).apiKey(key)
                    .modelName(spec.model()).maxTokens(maxTokens(spec)).timeout(spec.timeout()).httpClientBuilder(http).build();
            case OLLAMA -> OllamaStreamingChatModel.builder().baseUrl(ollamaUrl(spec)).modelName(spec.model())
                    .timeout(spec.timeout()).httpClientBuilder(http).build();
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder().baseUrl(spec.baseUrl()).apiKey(key)
                    .modelName(spec.model()).timeout(spec.timeout()).httpClientBuilder(http).build();
            case RECORDED -> throw new IllegalArgumentException("recorded models have no client");
        };
    }

    static int maxTokens(ModelSpec spec) {
        return spec.maxTokens() == null ? DEFAULT_ANTHROPIC_MAX_TOKENS : spec.maxTokens();
    }

    private static String ollamaUrl(ModelSpec spec) {
        return spec.baseUrl() == null ? DEFAULT_OLLAMA_URL : spec.baseUrl();
    }
}
