package io.claimbench.judging;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Which orders a pairwise judge sees: both for every pair, or the second only when needed (see {@link JudgePanel}). */
public enum SwapMode {
    ALWAYS,
    ADAPTIVE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code always} or {@code adaptive}; an {@link IllegalArgumentException} otherwise. */
    public static SwapMode parse(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("swap must be always or adaptive"));
    }

    @Override
    public String toString() {
        return label();
    }
}
