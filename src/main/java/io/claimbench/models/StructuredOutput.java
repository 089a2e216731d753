package io.claimbench.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a model is asked for structured answers (a JSON schema, {@code response_format} on OpenAI-compatible
 * servers) where a caller offers one, as the pairwise judge does for its verdict. Model setting
 * {@code structured-output}.
 */
public enum StructuredOutput {
    /** Ask with the schema; when the server rejects the request for it (400 or 422), ask again without, from then on. */
    AUTO,
    /** Always ask with the schema; a server that rejects it fails the call. */
    JSON_SCHEMA,
    /** Never send a schema: the answer is read as text. */
    OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<StructuredOutput> parse(String s) {
        String v = s == null ? null : s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.label().equals(v)).findFirst();
    }

    /** The error for a value that is none of the labels. */
    public static String invalid(String value) {
        String shown = value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "structured-output '" + shown + "' is not one of auto, json-schema, off";
    }
}
