package io.claimbench.models;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to call one model. The api key is write-only: {@link #toString()} never shows it and API
 * views expose only {@link #hasApiKey()}.
 */
public record ModelSpec(String name, Provider provider, String baseUrl, String model, String apiKey, String apiKeyEnv,
                        Double temperature, Integer maxTokens, Duration timeout, int maxConcurrency,
                        Integer requestsPerMinute, Double priceInputPerMillion, Double priceOutputPerMillion,
                        String recording, boolean stream, String source, StructuredOutput structuredOutput) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_CONCURRENCY = 8;

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        structuredOutput = structuredOutput == null ? StructuredOutput.AUTO : structuredOutput;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max-concurrency must be at least 1");
        }
        if (requestsPerMinute != null && requestsPerMinute < 1) {
            throw new IllegalArgumentException("requests-per-minute must be at least 1");
        }
        if (baseUrl != null && !isHttpUrl(baseUrl)) {
            throw new IllegalArgumentException("base-url must be an absolute http or https URL, such as "
                    + "http://localhost:8000/v1; was '" + (baseUrl.length() > 40 ? baseUrl.substring(0, 40) + "..." : baseUrl) + "'");
        }
        if (provider == Provider.RECORDED && (recording == null || recording.isBlank())) {
            throw new IllegalArgumentException("a recorded model needs a recording file");
        }
        if (provider != Provider.RECORDED && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("a " + provider.id() + " model needs a model name");
        }
    }

    /** With structured output {@link StructuredOutput#AUTO}. */
    public ModelSpec(String name, Provider provider, String baseUrl, String model, String apiKey, String apiKeyEnv,
                     Double temperature, Integer maxTokens, Duration timeout, int maxConcurrency,
                     Integer requestsPerMinute, Double priceInputPerMillion, Double priceOutputPerMillion,
                     String recording, boolean stream, String source) {
        this(name, provider, baseUrl, model, apiKey, apiKeyEnv, temperature, maxTokens, timeout, maxConcurrency,
                requestsPerMinute, priceInputPerMillion, priceOutputPerMillion, recording, stream, source, StructuredOutput.AUTO);
    }

    private static boolean isHttpUrl(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            return u.isAbsolute() && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && !u.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A copy that streams its answers (time to first token is then measured) or not. */
    public ModelSpec withStream(boolean streaming) {
        return new ModelSpec(name, provider, baseUrl, model, apiKey, apiKeyEnv, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, priceInputPerMillion, priceOutputPerMillion, recording, streaming, source,
                structuredOutput);
    }

    /** The key from the spec itself, else from the named environment variable, else null. */
    public String resolvedApiKey() {
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey;
        }
        if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            return System.getenv(apiKeyEnv);
        }
        return null;
    }

    public boolean hasApiKey() {
        String k = resolvedApiKey();
        return k != null && !k.isBlank();
    }

    /** What identifies the answers this model gives: used in cache keys, never holds the key. */
    public String identity() {
        return provider.id() + "|" + (baseUrl == null ? "" : baseUrl) + "|" + (model == null ? "" : model) + "|"
                + (recording == null ? "" : recording);
    }

    /** Cost of one call in the currency of the prices, or null when no price is set. */
    public Double cost(Integer tokensIn, Integer tokensOut) {
        if (priceInputPerMillion == null && priceOutputPerMillion == null) {
            return null;
        }
        double in = tokensIn == null || priceInputPerMillion == null ? 0 : tokensIn * priceInputPerMillion / 1e6;
        double out = tokensOut == null || priceOutputPerMillion == null ? 0 : tokensOut * priceOutputPerMillion / 1e6;
        return in + out;
    }

    @Override
    public String toString() {
        return "ModelSpec[name=" + name + ", provider=" + provider.id() + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", source=" + source + "]";
    }
}
