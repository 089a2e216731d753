package io.claimbench.results;

import io.claimbench.stats.PairOutcome;

import java.util.ArrayList;
import java.util.List;

/** The agreement of raters (judges, human voters) over a run's comparisons. */
final class RaterAgreements {

    private RaterAgreements() {
    }

    /** The agreement of every two raters over the run's comparisons; {@code label} is a rater's outcome or null. */
    static List<RunReport.RaterAgreement> agreement(List<String> raters, List<ComparisonRow> comparisons,
                                                            java.util.function.BiFunction<String, ComparisonRow, PairOutcome> label) {
        List<RunReport.RaterAgreement> out = new ArrayList<>();
        for (int i = 0; i < raters.size(); i++) {
            for (int k = i + 1; k < raters.size(); k++) {
                String a = raters.get(i);
                String b = raters.get(k);
                out.add(new RunReport.RaterAgreement(a, b, io.claimbench.stats.Agreement.of(
                        comparisons.stream().map(c -> label.apply(a, c)).toList(),
                        comparisons.stream().map(c -> label.apply(b, c)).toList(), PairOutcome.TIE)));
            }
        }
        return out;
    }

    static PairOutcome decidedOrNull(PairOutcome o) {
        return o != null && o.decided() ? o : null;
    }
}
