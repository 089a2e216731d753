package io.claimbench.web;

/** A pair to vote on: the prompt and two anonymous answers, left and right; nothing that names a model. */
public record Ballot(long comparisonId, String category, String prompt, String left, String right, long remaining) {
}
