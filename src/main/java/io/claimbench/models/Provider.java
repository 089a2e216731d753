package io.claimbench.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of endpoint a model can live behind. */
public enum Provider {
    /** OpenAI or any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, a gateway). */
    OPENAI,
    ANTHROPIC,
    OLLAMA,
    /** Google AI Gemini API. */
    GEMINI,
    /** Published answers replayed from a file; never invents an answer it lacks. */
    RECORDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> parse(String s) {
        return Arrays.stream(values()).filter(p -> p.id().equals(s == null ? null : s.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
