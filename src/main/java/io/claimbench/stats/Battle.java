package io.claimbench.stats;

import java.util.Objects;

/** One decided comparison between two models: {@code outcome} is 1 when A won, 0.5 for a tie, 0 when B won. */
public record Battle(String cluster, String a, String b, double outcome) {
    public Battle {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a model does not battle itself: " + a);
        }
        if (outcome != 0 && outcome != 0.5 && outcome != 1) {
            throw new IllegalArgumentException("outcome must be 0, 0.5 or 1: " + outcome);
        }
    }
}
