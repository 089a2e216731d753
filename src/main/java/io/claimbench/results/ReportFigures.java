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

    /** A run over its error budget cannot support a claim: what would be supported is inconclusive. */
    static ClaimVerdict verdict(ClaimVerdict v, boolean canSupport) {
        return v == ClaimVerdict.SUPPORTED && !canSupport ? ClaimVerdict.INCONCLUSIVE : v;
    }
}
