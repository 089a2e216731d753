package io.claimbench.judging;

import java.util.Arrays;
import java.util.Optional;

/** The five-level verdict of a pairwise judgment, in the labels the judge sees (A and B). */
public enum Preference {
    A_MUCH_BETTER("A>>B", 2), A_BETTER("A>B", 1), TIE("A=B", 0), B_BETTER("B>A", -1), B_MUCH_BETTER("B>>A", -2);

    private final String label;
    private final int strength;

    Preference(String label, int strength) {
        this.label = label;
        this.strength = strength;
    }

    public String label() {
        return label;
    }

    /** +2 .. -2 in favour of A. */
    public int strength() {
        return strength;
    }

    /** The same judgment with the labels exchanged. */
    public Preference swapped() {
        return ofStrength(-strength);
    }

    public static Preference ofStrength(int s) {
        return Arrays.stream(values()).filter(p -> p.strength == s).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strength out of range: " + s));
    }

    /** Accepts the canonical labels and the usual variants (A>>B, B<<A, A==B, [[A>B]], "tie"). */
    public static Optional<Preference> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[\\s\\[\\]\"'`]", "").toUpperCase();
        return Optional.ofNullable(switch (s) {
            case "A>>B", "B<<A" -> A_MUCH_BETTER;
            case "A>B", "B<A" -> A_BETTER;
            case "A=B", "A==B", "B=A", "TIE" -> TIE;
            case "B>A", "A<B" -> B_BETTER;
            case "B>>A", "A<<B" -> B_MUCH_BETTER;
            default -> null;
        });
    }
}
