package io.claimbench.judging;

/**
 * Scores one answer against the prompt's reference, with no model call. Pairwise, the higher score wins; an
 * answer that cannot be scored makes its pair unscored.
 */
public interface ReferenceScorer {

    /** The name used in eval sets and run requests. */
    String name();

    AnswerScore score(String reference, String answer);

    /** Aggregates the per-answer parts of one model into a benchmark figure; absent when the scorer has none. */
    default java.util.OptionalDouble benchmark(java.util.List<AnswerScore> scores) {
        return java.util.OptionalDouble.empty();
    }
}
