package io.claimbench.runs;

import io.claimbench.judging.AsciiArtScorer;
import io.claimbench.judging.EqBenchV2Scorer;
import io.claimbench.judging.EqStyleScorer;
import io.claimbench.judging.ExactAnswerScorer;
import io.claimbench.judging.PairwiseJudgeScorer;
import io.claimbench.judging.RubricJudgeScorer;
import io.claimbench.judging.Scorer;
import io.claimbench.judging.SemanticSimilarityScorer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes every scorer of {@code judging} (plain Java, no framework) a CDI bean of type {@link Scorer}, which
 * {@link ScorerRegistry} finds. A new scorer is a class in {@code judging}, a label in {@code ScorerName} and a
 * producer here; a producer of another bean archive is found the same way.
 */
@Singleton
class ScorerBeans {

    @Produces
    @Singleton
    Scorer pairwiseJudge() {
        return PairwiseJudgeScorer.withoutReference();
    }

    @Produces
    @Singleton
    Scorer referenceJudge() {
        return PairwiseJudgeScorer.withReference();
    }

    @Produces
    @Singleton
    Scorer rubricJudge() {
        return new RubricJudgeScorer();
    }

    @Produces
    @Singleton
    Scorer eqBenchV2() {
        return new EqBenchV2Scorer();
    }

    @Produces
    @Singleton
    Scorer asciiArt() {
        return new AsciiArtScorer();
    }

    @Produces
    @Singleton
    Scorer semanticSimilarity() {
        return new SemanticSimilarityScorer();
    }

    @Produces
    @Singleton
    Scorer exactMatch() {
        return new ExactAnswerScorer();
    }

    @Produces
    @Singleton
    Scorer eqStyle() {
        return new EqStyleScorer();
    }
}
