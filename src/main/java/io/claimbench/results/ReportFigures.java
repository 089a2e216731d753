package io.claimbench.results;

import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Summary;

import java.util.List;

/** Small figures shared by the report's sections. */
final class ReportFigures {

    private ReportFigures() {
    }

    static RunReport.ScoreFigure figure(Summary s) {
        return s.n() == 0 ? null : new RunReport.ScoreFigure(s.n(), s.mean(), s.interval());
    }

    static Double sumCost(List<Double> costs) {
        return costs.stream().anyMatch(java.util.Objects::nonNull)
                ? costs.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum() : null;
    }

    /**
     * The comparisons whose both answers were scored right (1) or wrong (0), as exact answers are; empty unless every
     * scored comparison is, so that graded scores never pass for right-or-wrong ones.
     */
    static List<ComparisonRow> rightOrWrong(List<ComparisonRow> list) {
        List<ComparisonRow> scored = list.stream()
                .filter(c -> c.candidateScore() != null && c.baselineScore() != null).toList();
        boolean binary = scored.stream().allMatch(c -> (c.candidateScore() == 0 || c.candidateScore() == 1)
                && (c.baselineScore() == 0 || c.baselineScore() == 1));
        return binary ? scored : List.of();
    }

    /** A run over its error budget cannot support a claim: what would be supported is inconclusive. */
    static ClaimVerdict verdict(ClaimVerdict v, boolean canSupport) {
        return v == ClaimVerdict.SUPPORTED && !canSupport ? ClaimVerdict.INCONCLUSIVE : v;
    }
}
