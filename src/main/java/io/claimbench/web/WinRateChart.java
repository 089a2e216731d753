package io.claimbench.web;

import io.claimbench.api.GroupView;
import io.claimbench.api.IntervalView;
import io.claimbench.api.RunResultsView;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a run page's win-rate chart, drawn as SVG by the template: one row per estimate (all prompts, each
 * category, the human votes) with its point and 95% interval, the published figures as marks, and the claim's
 * threshold as a vertical line. Positions are in the SVG's own units; the figures come from the results document.
 */
public record WinRateChart(int width, int height, List<Row> rows, List<Tick> ticks, Double thresholdX,
                           String thresholdLabel) {

    static final int WIDTH = 640;
    static final int LEFT = 170;
    static final int RIGHT = 20;
    static final int ROW = 34;
    static final int TOP = 34;

    public WinRateChart {
        rows = List.copyOf(rows);
        ticks = List.copyOf(ticks);
    }

    /** One row: a label, the point (null x when there is no estimate) and its interval, or a published mark. */
    public record Row(String label, String kind, int y, Double x, Double lowX, Double highX, String text) {
        public int labelY() {
            return y + 4;
        }

        public int textY() {
            return y + 15;
        }

        public int top() {
            return y - 6;
        }

        public int bottom() {
            return y + 6;
        }

        public Double markX() {
            return x == null ? null : x - 5;
        }

        public int markY() {
            return y - 5;
        }

        /** The label cut to fit the left margin; the full one is the row's tooltip. */
        public String shortLabel() {
            return label.length() <= 24 ? label : label.substring(0, 23) + "…";
        }
    }

    public record Tick(double x, String label) {
    }

    public int axisY() {
        return height - 22;
    }

    public int plotTop() {
        return TOP - 12;
    }

    public int tickY() {
        return axisY() + 16;
    }

    public int thresholdLabelY() {
        return plotTop() - 2;
    }

    public double plotLeft() {
        return x(0);
    }

    public double plotRight() {
        return x(1);
    }

    public static WinRateChart of(RunResultsView r) {
        List<Row> rows = new ArrayList<>();
        int y = TOP;
        if (r.overall() != null) {
            rows.add(estimate("all prompts", "ours", y, r.overall()));
            y += ROW;
        }
        for (GroupView g : r.categories()) {
            rows.add(estimate(g.category(), "category", y, g));
            y += ROW;
        }
        if (r.humans() != null && r.humans().winRate() != null) {
            var h = r.humans().winRate();
            rows.add(row("human votes", "human", y, h.value(), h.interval(), h.n()));
            y += ROW;
        }
        for (RunResultsView.PublishedFigureView p : r.published()) {
            // Only figures on the win-rate scale belong on this axis; benchmark scores are in the table beside.
            if (p.value() >= 0 && p.value() <= 1) {
                rows.add(new Row("published: " + p.label(), "published", y, x(p.value()), null, null,
                        Formats.f3(p.value())));
                y += ROW;
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            ticks.add(new Tick(x(v), Formats.f2(v)));
        }
        Double threshold = r.hypothesis() == null ? null : r.hypothesis().threshold();
        boolean onAxis = threshold != null && threshold >= 0 && threshold <= 1
                && (r.hypothesis().metric() == null || r.hypothesis().metric().contains("win"));
        return new WinRateChart(WIDTH, y + 30, rows, ticks, onAxis ? x(threshold) : null,
                onAxis ? "threshold " + r.hypothesis().comparator() + " " + Formats.f3(threshold) : null);
    }

    private static Row estimate(String label, String kind, int y, GroupView g) {
        GroupView.WinRateView w = g.winRate();
        return w == null ? row(label, kind, y, null, null, 0) : row(label, kind, y, w.value(), w.interval(), w.n());
    }

    private static Row row(String label, String kind, int y, Double value, IntervalView interval, long n) {
        String text = value == null ? "no decided pairs" : Formats.f3(value) + " " + Formats.ci(interval) + " n=" + n;
        return new Row(label, kind, y, value == null ? null : x(value), interval == null ? null : x(interval.lower()),
                interval == null ? null : x(interval.upper()), text);
    }

    static double x(double value) {
        double v = Math.max(0, Math.min(1, value));
        return Math.round((LEFT + v * (WIDTH - LEFT - RIGHT)) * 10) / 10.0;
    }
}
