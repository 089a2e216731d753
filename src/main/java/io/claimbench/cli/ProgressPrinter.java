package io.claimbench.cli;

import io.claimbench.runs.RunProgress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * A run's progress as it is polled, on stderr: on a terminal the run's label, then one bar line redrawn in place with
 * {@code \r} (items done, errors, cost, ETA) that ends as the run's final state; in a log
 * (CI) plain lines at a bounded rate, the first poll, then each tenth of the items done, or a heartbeat when a tenth
 * takes longer than {@code heartbeat}; and in both a final line with the state the run ended in. The ETA is the rate
 * of items done since the first poll applied to the items left. Times come from the clock given, so that tests drive
 * it without waiting.
 */
final class ProgressPrinter {

    enum Style { BAR, LINES }

    private static final int BAR_CELLS = 20;

    private final PrintWriter err;
    private final Style style;
    private final Clock clock;
    private final String label;
    private final Duration heartbeat;

    private long startedAt = -1;
    private long doneAtStart;
    private RunProgress last;
    private int lastTenth = -1;
    private long lastLineAt;
    private int drawnWidth;
    private String drawn;
    private boolean finished;

    ProgressPrinter(PrintWriter err, Style style, Clock clock, String label, Duration heartbeat) {
        this.err = err;
        this.style = style;
        this.clock = clock;
        this.label = label;
        this.heartbeat = heartbeat;
    }

    /** One poll of the run. */
    synchronized void update(RunProgress p) {
        if (finished || p == null) {
            return;
        }
        long now = clock.millis();
        if (startedAt < 0) {
            startedAt = now;
            doneAtStart = p.done();
        }
        last = p;
        if (style == Style.BAR) {
            draw(bar(p, now));
            return;
        }
        int tenth = p.total() == 0 ? 10 : (int) Math.min(10, p.done() * 10 / p.total());
        boolean first = lastTenth < 0;
        boolean nextTenth = tenth > lastTenth && p.done() < p.total(); // the whole run is the final line's to say
        boolean quiet = now - lastLineAt >= heartbeat.toMillis();
        if (first || nextTenth || quiet) {
            err.println(plain(p, now));
            err.flush();
            lastTenth = Math.max(lastTenth, tenth);
            lastLineAt = now;
        }
    }

    /** The run's last state, once; {@code p} null (the run could not be read) repeats the last poll's figures. */
    synchronized void finish(RunProgress p) {
        if (finished) {
            return;
        }
        finished = true;
        RunProgress end = p != null ? p : last;
        if (end == null) {
            return;
        }
        long now = clock.millis();
        if (startedAt < 0) {
            startedAt = now;
        }
        String line = String.format(Locale.ROOT, "%s, %d/%d items, %s, cost %s, in %s", end.state(), end.done(),
                end.total(), outcomes(end), Numbers.usd(end.cost()), duration(now - startedAt));
        if (style == Style.BAR && drawn != null) {
            // the bar becomes the run's last word, under the label it was drawn under
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())) + "\n");
        } else {
            err.println(label + ": " + line);
        }
        err.flush();
    }

    /** The label on a line of its own above the bar, which then fits in 80 columns however long the label is. */
    private void draw(String line) {
        if (line.equals(drawn)) {
            return;
        }
        if (drawn == null) {
            err.println(label);
        }
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawn = line;
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    private String bar(RunProgress p, long now) {
        int filled = p.total() == 0 ? BAR_CELLS : (int) Math.min(BAR_CELLS, p.done() * BAR_CELLS / p.total());
        String eta = eta(p, now);
        // done padded to the width of total, so that the rest of the line stays put as it grows
        String done = String.format(Locale.ROOT, "%" + Integer.toString(p.total()).length() + "d", p.done());
        return String.format(Locale.ROOT, "[%s%s] %s/%d %3d%% | %d errors | cost %s | ETA %s", "#".repeat(filled),
                ".".repeat(BAR_CELLS - filled), done, p.total(), percent(p), p.outcomes().errors(), Numbers.usd(p.cost()),
                eta == null ? "--" : eta);
    }

    private String plain(RunProgress p, long now) {
        String eta = eta(p, now);
        return String.format(Locale.ROOT, "%s: %d/%d items (%d%%), %d running, %s, cost %s%s", label, p.done(), p.total(),
                percent(p), p.running(), outcomes(p), Numbers.usd(p.cost()), eta == null ? "" : ", ETA " + eta);
    }

    private static int percent(RunProgress p) {
        return p.total() == 0 ? 100 : (int) (p.done() * 100 / p.total());
    }

    private static String outcomes(RunProgress p) {
        var o = p.outcomes();
        return String.format(Locale.ROOT, "%d won %d tied %d lost, %d errors", o.wins(), o.ties(), o.losses(), o.errors());
    }

    /** Null until items have been done since the first poll, or when none are left. */
    private String eta(RunProgress p, long now) {
        long doneSince = p.done() - doneAtStart;
        long elapsed = now - startedAt;
        long left = p.total() - p.done();
        if (doneSince <= 0 || elapsed <= 0 || left <= 0) {
            return null;
        }
        return duration(Math.round((double) elapsed / doneSince * left));
    }

    /** "42s", "3m05s", "1h02m"; tenths of a second under ten seconds. */
    static String duration(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long s = Math.round(millis / 1000.0);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
