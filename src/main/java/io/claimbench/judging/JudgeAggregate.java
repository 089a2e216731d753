package io.claimbench.judging;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** How the verdicts of a judge panel combine into the pair's: see {@link JudgePanel#aggregate}. */
public enum JudgeAggregate {
    /** The outcome more than half of the deciding judges give, else a tie. */
    MAJORITY,
    /** The mean of the deciding judges' win shares, which is then the pair's observation. */
    MEAN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code majority} or {@code mean}; an {@link IllegalArgumentException} otherwise. */
    public static JudgeAggregate parse(String label) {
        return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("judgeAggregate must be majority or mean"));
    }

    @Override
    public String toString() {
        return label();
    }
}
