package io.claimbench.judging;

import java.util.OptionalDouble;

/** How published verdicts of other benchmarks map to the candidate's win share. */
public final class ExternalVerdicts {

    private ExternalVerdicts() {
    }

    /**
     * AlpacaEval: preference in [1, 2] is 1 + P(output_2 better), output_2 being the evaluated model; 0 and 1.5
     * are draws; a missing or unreadable preference is unscored (empty).
     */
    public static OptionalDouble alpacaEvalShare(Double preference) {
        if (preference == null || preference.isNaN()) {
            return OptionalDouble.empty();
        }
        double p = preference;
        if (p == 0 || p == 1.5) {
            return OptionalDouble.of(0.5);
        }
        if (p < 1 || p > 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(p - 1);
    }
}
