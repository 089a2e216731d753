package io.claimbench.judging;

import java.util.Objects;

/**
 * One pair to score: the prompt, its reference answer (null when it has none), both answers, and the pair's
 * identity within the run (prompt content and sample), which seeds per-pair draws such as the swap audit.
 */
public record PairTask(String question, String reference, String candidate, String baseline, String pairKey) {

    public PairTask {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(pairKey, "pairKey");
    }
}
