package io.claimbench.web;

import java.util.SplittableRandom;

/**
 * Which side of the voting page shows the candidate's answer: drawn per vote (run seed, comparison, voter), so that
 * a voter cannot learn a model's side from one pair to the next, and the same page shows the same sides on reload.
 */
final class BallotSides {

    private BallotSides() {
    }

    static boolean candidateLeft(long runSeed, long comparisonId, String voter) {
        long mixed = runSeed * 0x9E3779B97F4A7C15L + comparisonId * 0xC2B2AE3D27D4EB4FL + voter.hashCode();
        return new SplittableRandom(mixed).nextBoolean();
    }
}
