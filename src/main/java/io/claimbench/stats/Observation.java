package io.claimbench.stats;

import java.util.Objects;

/**
 * One decided comparison for the statistics: the candidate's share of the win in [0, 1] (1 win, 0.5 tie, 0 loss,
 * or a judge's probability) and the cluster it belongs to (the prompt: its samples and swapped games are not
 * independent and are resampled together).
 */
public record Observation(String cluster, double win) {
    public Observation {
        Objects.requireNonNull(cluster, "cluster");
        if (!(win >= 0 && win <= 1)) {
            throw new IllegalArgumentException("win share must be in [0,1]: " + win);
        }
    }
}
