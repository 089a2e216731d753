package io.claimbench.models;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Models defined in configuration: {@code claimbench.models."<name>".<property>}. */
@ConfigMapping(prefix = "claimbench.models")
public interface ModelsConfig {

    @WithParentName
    Map<String, Model> all();

    interface Model {
        /** openai (any OpenAI-compatible server), anthropic, ollama or recorded. */
        String provider();

        /** Endpoint base URL; default: the provider's public endpoint (openai, anthropic) or localhost:11434 (ollama). */
        Optional<String> baseUrl();

        /** The provider's model name, e.g. gpt-4o. Required except for recorded models. */
        Optional<String> model();

        /** API key; write-only, never shown. Prefer api-key-env. */
        Optional<String> apiKey();

        /** Name of the environment variable holding the API key; default: OPENAI_API_KEY / ANTHROPIC_API_KEY. */
        Optional<String> apiKeyEnv();

        /** Sampling temperature; default: the run's temperature, else the provider's. */
        Optional<Double> temperature();

        /** Maximum output tokens; default: the provider's. */
        Optional<Integer> maxTokens();

        /** Per-call timeout; default 120s. */
        @WithDefault("120s")
        Duration timeout();

        /** Calls in flight at once to this model, across runs; default 8. */
        @WithDefault("8")
        int maxConcurrency();

        /** Calls started per minute at most; default: unlimited. */
        Optional<Integer> requestsPerMinute();

        /** Price per million input tokens; default: none (cost not computed). */
        Optional<Double> priceInputPerMillion();

        /** Price per million output tokens; default: none. */
        Optional<Double> priceOutputPerMillion();

        /** For recorded models: the recording file (EQ-Bench v2 results, AlpacaEval model_outputs.json, ascii-bench jsonl#model). */
        Optional<String> recording();

        /** Stream answers, so that time to first token is measured; default false. */
        @WithDefault("false")
        boolean stream();

        /** Ask for structured answers where a JSON schema is offered (the judge's verdict): auto, json-schema or off; default auto. */
        @WithDefault("auto")
        String structuredOutput();
    }
}
