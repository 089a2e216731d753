package io.claimbench.judging;

/**
 * Scores one answer against the prompt's reference, with no model call. Pairwise, the higher score wins; an
 * answer that cannot be scored makes its pair unscored.
 */
public interface ReferenceScorer {

    /** The name used in eval sets and run requests. */
    String name();

    AnswerScore score(String reference, String answer);

    /** Whether every prompt needs a reference; programmatic checks do not. */
    default boolean requiresReference() {
        return true;
    }

    /**
     * Aggregates one model's answer scores into its benchmark figure, as a mean with n and a 95% interval; absent
     * when the scorer has no benchmark figure or nothing was scored.
     */
    /** Why an answer cannot be scored against its reference (empty answer, missing reference); null when it can. */
    static AnswerScore.Unscored unscorable(String reference, String answer) {
        if (answer == null || answer.isBlank()) {
            return new AnswerScore.Unscored("empty answer");
        }
        if (reference == null || reference.isBlank()) {
            return new AnswerScore.Unscored("no reference answer");
        }
        return null;
    }

    /** The named pass/fail checks this answer failed, for scorers made of such checks; empty otherwise. */
    default java.util.List<String> failedChecks(AnswerScore score) {
        return java.util.List.of();
    }

    default java.util.Optional<io.claimbench.stats.Summary> benchmark(java.util.List<AnswerScore> scores) {
        return java.util.Optional.empty();
    }

    /** How many of these answers failed each named check, by check name. */
    default java.util.Map<String, Long> failedCheckCounts(java.util.List<AnswerScore> scores) {
        java.util.Map<String, Long> failed = new java.util.TreeMap<>();
        scores.forEach(s -> failedChecks(s).forEach(check -> failed.merge(check, 1L, Long::sum)));
        return failed;
    }

    /** The mean of the scored answers' values with n and its interval; empty when none was scored. */
    static java.util.Optional<io.claimbench.stats.Summary> meanScore(java.util.List<AnswerScore> scores) {
        double[] xs = scores.stream().filter(AnswerScore.Scored.class::isInstance)
                .mapToDouble(s -> ((AnswerScore.Scored) s).value()).toArray();
        return xs.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(io.claimbench.stats.Summary.of(xs));
    }
}
