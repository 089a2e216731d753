package io.claimbench.runs;

import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.SwapMode;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Judging modes are stored by their labels ("majority", "adaptive"), as the API and older rows spell them. */
public final class LabelConverters {

    private LabelConverters() {
    }

    @Converter
    public static final class Aggregate implements AttributeConverter<JudgeAggregate, String> {
        @Override
        public String convertToDatabaseColumn(JudgeAggregate a) {
            return a == null ? null : a.label();
        }

        @Override
        public JudgeAggregate convertToEntityAttribute(String label) {
            return label == null ? null : JudgeAggregate.parse(label);
        }
    }

    @Converter
    public static final class Swap implements AttributeConverter<SwapMode, String> {
        @Override
        public String convertToDatabaseColumn(SwapMode m) {
            return m == null ? null : m.label();
        }

        @Override
        public SwapMode convertToEntityAttribute(String label) {
            return label == null ? null : SwapMode.parse(label);
        }
    }
}
