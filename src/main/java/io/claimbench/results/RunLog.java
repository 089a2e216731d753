package io.claimbench.results;

import io.claimbench.runs.RunEnded;
import io.claimbench.stats.Interval;
import io.claimbench.stats.PairCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * One log line when a run ends (completed, settled early, stopped at its cost cap, failed or cancelled): its id,
 * eval set, models, counts, win rate with its interval and n, and the claim's verdict, so that a server's log says
 * what each run concluded without a query.
 */
@ApplicationScoped
public class RunLog {

    private static final Logger LOG = Logger.getLogger(RunLog.class);

    private final ResultsService results;

    public RunLog(ResultsService results) {
        this.results = results;
    }

    void onEnd(@Observes RunEnded ended) {
        results.report(ended.runId()).ifPresent(r -> LOG.info(line(r)));
    }

    static String line(RunReport r) {
        RunReport.Run run = r.run();
        PairCounts c = r.overall().counts();
        RunReport.WinRateFigure w = r.overall().winRate();
        Interval i = w.interval();
        String rate = w.value() == null ? "no win rate (n = 0)" : String.format(Locale.ROOT, "win rate %.4f [%.4f, %.4f] n = %d",
                w.value(), i == null ? Double.NaN : i.lower(), i == null ? Double.NaN : i.upper(), w.n());
        return String.format(Locale.ROOT, "run %s ended %s%s: eval set %s, %s against %s; %d wins, %d ties, %d losses, "
                        + "%d unscored, %d errors; %s; verdict %s%s", run.id(), run.state(),
                run.reason() == null ? "" : " (" + shorten(run.reason()) + ")", run.evalSet(), run.candidate(), run.baseline(),
                c.wins(), c.ties(), c.losses(), c.unscored(), c.errors(), rate, r.overall().verdict(),
                run.errorBudgetExceeded() ? " (error budget exceeded: cannot support the claim)" : "");
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
