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
            parts = Map.copyOf(parts);
        }
    }

    record Unscored(String reason) implements AnswerScore {
        public Unscored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
