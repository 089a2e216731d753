package io.claimbench.results;

import java.util.Locale;
import java.util.Optional;

/** Whose verdicts a leaderboard rates the models by: the runs' judges, or the people who voted. */
public enum Rater {
    JUDGES, HUMANS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Rater> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Rater r : values()) {
            if (r.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
