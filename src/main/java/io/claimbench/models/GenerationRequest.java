package io.claimbench.models;

import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * What to ask a model: an optional system message, the user message, sampling settings (null: the model's
 * default), the prompt's id in its source data set so that recorded models can find their answer, and optionally
 * the JSON schema the answer should follow (sent where the model's {@link StructuredOutput} setting allows it).
 */
public record GenerationRequest(String system, String user, Double temperature, Integer maxTokens, Integer seed,
                                String sourceId, JsonSchema responseSchema) {

    public GenerationRequest(String system, String user, Double temperature, Integer maxTokens, Integer seed, String sourceId) {
        this(system, user, temperature, maxTokens, seed, sourceId, null);
    }

    /** The same request without a schema. */
    public GenerationRequest withoutSchema() {
        return new GenerationRequest(system, user, temperature, maxTokens, seed, sourceId, null);
    }

    public GenerationRequest {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a generation request needs a user message");
        }
    }

    public static GenerationRequest of(String user) {
        return new GenerationRequest(null, user, null, null, null, null);
    }
}
