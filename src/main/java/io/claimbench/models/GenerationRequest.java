package io.claimbench.models;

/**
 * What to ask a model: an optional system message, the user message, sampling settings (null: the model's
 * default), and the prompt's id in its source data set so that recorded models can find their answer.
 */
public record GenerationRequest(String system, String user, Double temperature, Integer maxTokens, Integer seed,
                                String sourceId) {
    public GenerationRequest {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a generation request needs a user message");
        }
    }

    public static GenerationRequest of(String user) {
        return new GenerationRequest(null, user, null, null, null, null);
    }
}
