package io.claimbench.judging;

import java.util.Map;
import java.util.Objects;

/** A reference scorer's result for one answer: a score with its parts, or unscored with the reason. */
public sealed interface AnswerScore {

    record Scored(double value, Map<String, Double> parts) implements AnswerScore {
        public Scored {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("score is NaN");
            }
            // Sorted by name: stored details and reports then read the same in every JVM (Map.copyOf's order is not).
            parts.forEach((k, v) -> Objects.requireNonNull(v, () -> "part " + k));
            parts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parts));
        }
    }

    record Unscored(String reason) implements AnswerScore {
        public Unscored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
