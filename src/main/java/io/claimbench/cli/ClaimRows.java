package io.claimbench.cli;

import io.claimbench.catalog.PublishedFigure;
import io.claimbench.results.RunReport;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
import io.claimbench.stats.RegressionVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the CI reports say, built once from a run's report so that JUnit and Markdown carry the same content: one row
 * per claim and category (the whole eval set first, then each category), and one per efficiency claim. In
 * regression mode the rows are the regression measures instead ("no regression: win rate >= 0.47", its categories
 * after it, then the accuracy and benchmark score differences), since they alone gate.
 */
record ClaimRows(String evalSet, String candidate, String baseline, Outcome runOutcome, String runProblem,
                 List<Row> rows) {

    /** How a row counts in CI: passed, failed (refuted, or inconclusive when that fails), skipped, or an error. */
    enum Outcome { PASSED, FAILED, SKIPPED, ERROR }

    /**
     * @param category  null for the whole eval set
     * @param threshold the claim's comparator and threshold ("> 0.5")
     * @param published the model maker's figures for the claim, "label value" joined by "; ", or null
     * @param verdictLabel the verdict as the reports show it: the claim verdict's name, or in regression mode
     *                     REGRESSION, NO_REGRESSION or INCONCLUSIVE ({@code verdict} is then that of the claim "no
     *                     regression": REFUTED, SUPPORTED or INCONCLUSIVE)
     */
    record Row(String claim, String category, long n, Double value, Interval interval, String threshold,
               ClaimVerdict verdict, Double pValue, Double effect, Double cost, String published, Outcome outcome,
               String message, String verdictLabel) {
        Row {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(outcome, "outcome");
            verdictLabel = verdictLabel == null ? verdict.name() : verdictLabel;
        }

        /** A row of a claim, shown with its verdict's name. */
        Row(String claim, String category, long n, Double value, Interval interval, String threshold,
            ClaimVerdict verdict, Double pValue, Double effect, Double cost, String published, Outcome outcome,
            String message) {
            this(claim, category, n, value, interval, threshold, verdict, pValue, effect, cost, published, outcome,
                    message, null);
        }
    }

    static ClaimRows of(RunReport r, boolean inconclusivePasses) {
        RunReport.Run run = r.run();
        boolean ended = "COMPLETED".equals(run.state()) || "STOPPED".equals(run.state());
        String problem = !ended ? "run ended " + run.state() + (run.reason() == null ? "" : ": " + run.reason())
                : run.errorBudgetExceeded() ? "more items failed than the error budget allows; no claim can be supported" : null;
        Outcome runOutcome = problem == null ? Outcome.PASSED : Outcome.ERROR;
        String claim = r.hypothesis() == null ? run.evalSet() : r.hypothesis().statement();
        String threshold = r.hypothesis() == null ? null : r.hypothesis().comparator() + " " + r.hypothesis().threshold();
        Double cost = sum(r.models() == null ? null : r.models().candidate().totalCost(),
                r.models() == null ? null : r.models().baseline().totalCost(),
                r.judging() == null ? null : r.judging().totalCost());
        String published = r.published().isEmpty() ? null
                : r.published().stream().map(ClaimRows::published).collect(Collectors.joining("; "));
        if (r.regression() != null) {
            return new ClaimRows(run.evalSet(), run.candidate(), run.baseline(), runOutcome, problem,
                    regressionRows(r.regression(), cost, problem, inconclusivePasses));
        }
        List<Row> rows = new ArrayList<>();
        List<RunReport.Group> groups = new ArrayList<>();
        groups.add(r.overall());
        groups.addAll(r.categories());
        for (RunReport.Group g : groups) {
            RunReport.WinRateFigure w = g.winRate();
            Double effect = w.value() == null || r.hypothesis() == null ? null : w.value() - r.hypothesis().threshold();
            rows.add(row(claim, g.category(), w.n(), w.value(), w.interval(), threshold, g.verdict(),
                    w.n() == 0 ? null : g.pValue(), effect, g.category() == null ? cost : null,
                    g.category() == null ? published : null, problem, inconclusivePasses));
        }
        if (r.efficiency() != null) {
            for (RunReport.EfficiencyClaim e : r.efficiency().claims()) {
                rows.add(row(e.statement(), null, e.n(), e.ratio(), e.interval(), e.comparator() + " " + e.threshold(),
                        e.verdict(), null, e.ratio() == null ? null : e.ratio() - e.threshold(), null, null, problem,
                        inconclusivePasses));
            }
        }
        return new ClaimRows(run.evalSet(), run.candidate(), run.baseline(), runOutcome, problem, List.copyOf(rows));
    }

    private static List<Row> regressionRows(RunReport.Regression g, Double cost, String problem, boolean inconclusivePasses) {
        List<Row> rows = new ArrayList<>();
        for (RunReport.RegressionMeasure m : g.measures()) {
            boolean winRate = m.metric().equals("win-rate");
            rows.add(regressionRow(m, winRate ? cost : null, problem, inconclusivePasses));
            if (winRate) {
                g.categories().forEach(c -> rows.add(regressionRow(c, null, problem, inconclusivePasses)));
            }
        }
        return List.copyOf(rows);
    }

    private static Row regressionRow(RunReport.RegressionMeasure m, Double cost, String problem, boolean inconclusivePasses) {
        String threshold = ">= " + Numbers.round(m.bar());
        String figure = Numbers.figure(m.value(), m.interval(), m.n());
        Outcome outcome;
        String message;
        if (problem != null) {
            outcome = Outcome.ERROR;
            message = problem;
        } else if (m.verdict() == RegressionVerdict.REGRESSION) {
            outcome = Outcome.FAILED;
            message = "regression: " + figure + " below " + Numbers.round(m.bar());
        } else if (m.verdict() == RegressionVerdict.INCONCLUSIVE) {
            outcome = inconclusivePasses ? Outcome.SKIPPED : Outcome.FAILED;
            message = "inconclusive: " + figure + " against " + threshold;
        } else {
            outcome = Outcome.PASSED;
            message = null;
        }
        return new Row(m.statement(), m.category(), m.n(), m.value(), m.interval(), threshold, m.verdict().asClaim(),
                m.pValue(), m.value() == null ? null : m.value() - m.bar(), cost, null, outcome, message,
                m.verdict().name());
    }

    private static Row row(String claim, String category, long n, Double value, Interval interval, String threshold,
                           ClaimVerdict verdict, Double pValue, Double effect, Double cost, String published,
                           String problem, boolean inconclusivePasses) {
        Outcome outcome;
        String message;
        if (problem != null) {
            outcome = Outcome.ERROR;
            message = problem;
        } else if (verdict == ClaimVerdict.REFUTED) {
            outcome = Outcome.FAILED;
            message = "refuted: " + Numbers.figure(value, interval, n) + " against " + threshold;
        } else if (verdict == ClaimVerdict.INCONCLUSIVE) {
            outcome = inconclusivePasses ? Outcome.SKIPPED : Outcome.FAILED;
            message = "inconclusive: " + Numbers.figure(value, interval, n) + " against " + threshold;
        } else {
            outcome = Outcome.PASSED;
            message = null;
        }
        return new Row(claim, category, n, value, interval, threshold, verdict, pValue, effect, cost, published, outcome, message);
    }

    private static String published(PublishedFigure f) {
        return f.label() + " " + Numbers.round(f.value());
    }

    private static Double sum(Double... costs) {
        Double total = null;
        for (Double c : costs) {
            if (c != null) {
                total = total == null ? c : total + c;
            }
        }
        return total;
    }
}
