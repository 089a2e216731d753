package io.claimbench.cli;

import io.claimbench.results.RunReport;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
import io.claimbench.stats.RegressionVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A finished run's exit code for CI, with the one line that explains a non-zero one: 0 every claim supported, 1 a
 * claim refuted, 2 a claim not settled (0 when inconclusive results pass), 4 the run failed, was cancelled or went
 * over its error budget. The claims are the eval set's win-rate hypothesis and its efficiency claims; in regression
 * mode, the regression verdict alone (0 no regression, 1 a regression, 2 neither shown), the eval set's claims
 * being reported only.
 */
final class Verdicts {

    private Verdicts() {
    }

    record Exit(int code, Optional<String> line) {
        static Exit ok() {
            return new Exit(0, Optional.empty());
        }
    }

    /** The more serious of two exit codes, for several runs under one exit: 3, then 4, then 1, then 2, then 0. */
    static int worse(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case CliErrors.USAGE -> 4;
            case CliErrors.INFRASTRUCTURE -> 3;
            case CliErrors.REFUTED -> 2;
            case CliErrors.INCONCLUSIVE -> 1;
            default -> 0;
        };
    }

    static Exit of(RunReport r, boolean inconclusivePasses) {
        RunReport.Run run = r.run();
        if (!"COMPLETED".equals(run.state()) && !"STOPPED".equals(run.state())) {
            return new Exit(CliErrors.INFRASTRUCTURE, Optional.of("run " + run.id() + " ended " + run.state()
                    + (run.reason() == null ? "" : ": " + run.reason())));
        }
        if (run.errorBudgetExceeded()) {
            return new Exit(CliErrors.INFRASTRUCTURE, Optional.of(String.format(Locale.ROOT,
                    "run %s: %d of %d items failed, more than the error budget allows (claimbench.runs.max-error-share); "
                            + "no claim can be supported", run.id(), r.overall().counts().errors(), run.completedItems())));
        }
        if (r.regression() != null) {
            return regression(r.regression(), inconclusivePasses);
        }
        List<String> refuted = new ArrayList<>();
        List<String> open = new ArrayList<>();
        sort(claim(r), r.overall().verdict(), refuted, open);
        if (r.efficiency() != null) {
            for (RunReport.EfficiencyClaim e : r.efficiency().claims()) {
                sort(e.statement() + ": " + figure(e.ratio(), e.interval(), e.n()), e.verdict(), refuted, open);
            }
        }
        if (!refuted.isEmpty()) {
            return new Exit(CliErrors.REFUTED, Optional.of("refuted: " + String.join("; ", refuted)));
        }
        if (!open.isEmpty() && !inconclusivePasses) {
            return new Exit(CliErrors.INCONCLUSIVE, Optional.of("inconclusive: " + String.join("; ", open)
                    + " (more pairs, or --inconclusive pass to accept)"));
        }
        return Exit.ok();
    }

    /** Over the measures of the whole eval set; a category's win rate does not gate, as in claim mode. */
    private static Exit regression(RunReport.Regression g, boolean inconclusivePasses) {
        List<String> regressed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (RunReport.RegressionMeasure m : g.measures()) {
            String name = m.metric().replace('-', ' ');
            String bar = Numbers.round(m.bar());
            if (m.verdict() == RegressionVerdict.REGRESSION) {
                regressed.add(String.format(Locale.ROOT, "%s %.4f [%.4f, %.4f] below %s (n = %d)", name, m.value(),
                        m.interval().lower(), m.interval().upper(), bar, m.n()));
            } else if (m.verdict() == RegressionVerdict.INCONCLUSIVE) {
                open.add(name + " " + figure(m.value(), m.interval(), m.n()) + (m.interval() == null ? "" : " across " + bar));
            }
        }
        if (!regressed.isEmpty()) {
            return new Exit(CliErrors.REFUTED, Optional.of("regression: " + String.join("; ", regressed)));
        }
        if (!open.isEmpty() && !inconclusivePasses) {
            return new Exit(CliErrors.INCONCLUSIVE, Optional.of("inconclusive: regression neither shown nor ruled out: "
                    + String.join("; ", open) + " (more pairs, or --inconclusive pass to accept)"));
        }
        return Exit.ok();
    }

    private static void sort(String what, ClaimVerdict v, List<String> refuted, List<String> open) {
        if (v == ClaimVerdict.REFUTED) {
            refuted.add(what);
        } else if (v == ClaimVerdict.INCONCLUSIVE) {
            open.add(what);
        }
    }

    private static String claim(RunReport r) {
        RunReport.WinRateFigure w = r.overall().winRate();
        String statement = r.hypothesis() == null ? "no hypothesis" : r.hypothesis().statement();
        String more = r.overall().morePairsNeeded() == null ? "" : ", about " + r.overall().morePairsNeeded() + " more decided pairs would settle it";
        return statement + ": " + figure(w.value(), w.interval(), w.n()) + (r.overall().verdict() == ClaimVerdict.INCONCLUSIVE ? more : "");
    }

    private static String figure(Double value, Interval i, long n) {
        if (value == null) {
            return "n = 0";
        }
        return i == null ? String.format(Locale.ROOT, "%.4f (n = %d)", value, n)
                : String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (n = %d)", value, i.lower(), i.upper(), n);
    }
}
