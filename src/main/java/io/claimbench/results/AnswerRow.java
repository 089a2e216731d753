package io.claimbench.results;

import io.claimbench.runs.GenerationEntity;

/**
 * One answer (generation) as the report reads it: who gave it, its length in code points (-1: no text) instead of
 * the text, its timings, tokens, cost and error.
 */
record AnswerRow(long workItemId, String role, boolean fromCache, int length, Long latencyMs, Long firstTokenMs,
                 Integer tokensIn, Integer tokensOut, Double cost, String error) {

    boolean candidate() {
        return GenerationEntity.CANDIDATE.equals(role);
    }
}
