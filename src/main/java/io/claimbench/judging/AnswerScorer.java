package io.claimbench.judging;

import io.claimbench.stats.Summary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A programmatic scorer: scores one answer (against the prompt's reference, when it needs one) with no model call.
 * As a {@link Scorer} of pairs, the higher score wins and an answer that cannot be scored makes its pair unscored
 * ({@link PairScores#fromScores}); a run may also use one to measure the style of a judged run's answers.
 */
public interface AnswerScorer extends Scorer {

    AnswerScore score(String reference, String answer);

    @Override
    default PairScore score(PairTask task, JudgeSetup setup, JudgeCalls calls) {
        return PairScores.fromScores(score(task.reference(), task.candidate()), score(task.reference(), task.baseline()));
    }

    /** Whether every prompt needs a reference; programmatic checks do not. */
    default boolean requiresReference() {
        return name().needsReference();
    }

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
    default List<String> failedChecks(AnswerScore score) {
        return List.of();
    }

    /**
     * Aggregates one model's answer scores into its benchmark figure, as a mean with n and a 95% interval; absent
     * when the scorer has no benchmark figure or nothing was scored.
     */
    default Optional<Summary> benchmark(List<AnswerScore> scores) {
        return benchmarkValues(scores).map(values -> Summary.of(values.stream().filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray())).filter(s -> s.n() > 0);
    }

    /**
     * Each answer's part in the benchmark figure, in the order given: the value {@link #benchmark} averages, or null
     * for an answer that does not count in it (unscored, or not parsed in the pass the figure takes), so that two
     * models' figures can be compared answer by answer; empty when the scorer has no benchmark figure.
     */
    default Optional<List<Double>> benchmarkValues(List<AnswerScore> scores) {
        return Optional.empty();
    }

    /** How many of these answers failed each named check, by check name. */
    default Map<String, Long> failedCheckCounts(List<AnswerScore> scores) {
        Map<String, Long> failed = new TreeMap<>();
        scores.forEach(s -> failedChecks(s).forEach(check -> failed.merge(check, 1L, Long::sum)));
        return failed;
    }

    /** Each scored answer's value, null for the unscored: the benchmark values of a scorer whose figure is the mean score. */
    static Optional<List<Double>> scoredValues(List<AnswerScore> scores) {
        List<Double> values = new java.util.ArrayList<>(scores.size());
        scores.forEach(s -> values.add(s instanceof AnswerScore.Scored scored ? scored.value() : null));
        return Optional.of(java.util.Collections.unmodifiableList(values));
    }

    /** The mean of the scored answers' values with n and its interval; empty when none was scored. */
    static Optional<Summary> meanScore(List<AnswerScore> scores) {
        double[] xs = scores.stream().filter(AnswerScore.Scored.class::isInstance)
                .mapToDouble(s -> ((AnswerScore.Scored) s).value()).toArray();
        return xs.length == 0 ? Optional.empty() : Optional.of(Summary.of(xs));
    }
}
