package io.claimbench.results;

import io.claimbench.runs.ComparisonEntity;
import io.claimbench.stats.PairOutcome;

/**
 * One comparison as the report reads it: the columns its figures use, with no entity around them (a detached
 * comparison entity carries the persistence layer's fields too, about twice the memory in a run of 100,000 items).
 * {@code cluster}: the prompt version's id as the bootstrap's cluster name, one string per prompt, not per row.
 */
record ComparisonRow(long id, long workItemId, long promptVersionId, int sampleIndex, String category,
                     PairOutcome outcome, int strength, String reason, Double winShare, String flags,
                     Boolean swapAudited, Double candidateScore, Double baselineScore, String candidateDetail,
                     String baselineDetail, String cluster) {

    /** The candidate's share of the pair: the judge's probability when imported, else the outcome's (a tie as half). */
    double observedShare() {
        return ComparisonEntity.observedShare(outcome, winShare);
    }

    /** The same columns of an entity (tests build reports from entities). */
    static ComparisonRow of(ComparisonEntity c) {
        return new ComparisonRow(c.id == null ? 0 : c.id, c.workItemId, c.promptVersionId, c.sampleIndex, c.category,
                c.outcome, c.strength, c.reason, c.winShare, c.flags, c.swapAudited, c.candidateScore, c.baselineScore,
                c.candidateDetail, c.baselineDetail, Long.toString(c.promptVersionId));
    }
}
