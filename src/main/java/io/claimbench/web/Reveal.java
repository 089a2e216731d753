package io.claimbench.web;

/**
 * After a vote: which model wrote which side, what the voter chose, and whether this submit was a repeat of a vote
 * already stored (then nothing changed).
 */
public record Reveal(long comparisonId, String category, String prompt, String leftModel, String leftRole,
                     String rightModel, String rightRole, VoteChoice choice, String outcome, boolean repeated) {
}
