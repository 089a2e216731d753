package io.claimbench.cli;

import io.claimbench.results.RunReport;
import io.claimbench.stats.Interval;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts as people read them in a terminal: per run a heading, an aligned table (claim, category, n, win rate
 * with its 95% interval, threshold, verdict) built from the same {@link ClaimRows} as the CI reports, and one line per
 * model with its benchmark or mean score and its cost when the report has them. Figures have four significant digits.
 */
final class VerdictTable {

    /** Claims longer than this are cut, with an ellipsis: the whole statement is in the JSON and the CI reports. */
    static final int CLAIM_WIDTH = 60;
    private static final String[] HEADER = {"claim", "category", "n", "win rate [95% CI]", "threshold", "verdict"};

    private VerdictTable() {
    }

    /**
     * One model's figures under the table.
     *
     * @param role    candidate, baseline or judge
     * @param measure what {@code score} is ("benchmark score", "mean score"), or null when there is none
     */
    record ModelLine(String role, String name, String measure, Double score, Interval interval, long n, Double cost) {
    }

    /** {@code reports} are the runs of {@code rows}, in the same order; empty when there are no model figures. */
    static String of(List<ClaimRows> rows, List<RunReport> reports) {
        if (!reports.isEmpty() && reports.size() != rows.size()) {
            throw new IllegalArgumentException("one report per run: " + rows.size() + " runs, " + reports.size() + " reports");
        }
        List<List<ModelLine>> models = reports.stream().map(VerdictTable::models).toList();
        return render(rows, models);
    }

    static String render(List<ClaimRows> runs, List<List<ModelLine>> models) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            ClaimRows run = runs.get(i);
            if (i > 0) {
                out.append('\n');
            }
            out.append(run.evalSet()).append(": ").append(run.candidate()).append(" against ").append(run.baseline()).append('\n');
            if (run.runProblem() != null) {
                out.append("error: ").append(oneLine(run.runProblem())).append('\n');
            }
            out.append('\n').append(table(run.rows()));
            List<ModelLine> lines = i < models.size() ? models.get(i) : List.of();
            if (!lines.isEmpty()) {
                out.append('\n').append(modelLines(lines));
            }
        }
        return out.toString();
    }

    static List<ModelLine> models(RunReport r) {
        List<ModelLine> lines = new ArrayList<>();
        if (r.models() != null) {
            lines.add(model("candidate", r.models().candidate(), r.overall().candidateMeanScore()));
            lines.add(model("baseline", r.models().baseline(), r.overall().baselineMeanScore()));
        }
        if (r.judging() != null && r.judging().judge() != null) {
            lines.add(new ModelLine("judge", String.join(", ", r.judging().judges() == null || r.judging().judges().isEmpty()
                    ? List.of(r.judging().judge()) : r.judging().judges()), null, null, null, r.judging().games(),
                    r.judging().totalCost()));
        }
        return lines;
    }

    private static ModelLine model(String role, RunReport.ModelFigures m, RunReport.ScoreFigure mean) {
        if (m.benchmarkScore() != null) {
            return line(role, m, "benchmark score", m.benchmarkScore());
        }
        return mean == null ? new ModelLine(role, m.name(), null, null, null, m.answers(), m.totalCost())
                : line(role, m, "mean score", mean);
    }

    private static ModelLine line(String role, RunReport.ModelFigures m, String measure, RunReport.ScoreFigure s) {
        return new ModelLine(role, m.name(), measure, s.mean(), s.interval(), s.n(), m.totalCost());
    }

    private static String table(List<ClaimRows.Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        String previousClaim = null;
        for (ClaimRows.Row row : rows) {
            String claim = oneLine(row.claim());
            // A category row belongs to the claim above it: the claim is said once.
            boolean sameClaim = row.category() != null && claim.equals(previousClaim);
            previousClaim = claim;
            cells.add(new String[]{sameClaim ? "" : cut(claim), row.category() == null ? "all" : "  " + oneLine(row.category()),
                    Long.toString(row.n()), estimate(row.value(), row.interval()),
                    row.threshold() == null ? "–" : row.threshold(), verdict(row)});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : cells) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(line(cells.get(i), width));
            if (i == 0) {
                String[] rule = new String[width.length];
                for (int c = 0; c < width.length; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                out.append(line(rule, width));
            }
        }
        return out.toString();
    }

    /** Cells padded to their column, numbers (n) to the right, two spaces between columns, no trailing blanks. */
    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            b.append(c == 2 ? pad + cells[c] : cells[c] + pad);
        }
        return b.toString().stripTrailing() + "\n";
    }

    private static String modelLines(List<ModelLine> lines) {
        int role = lines.stream().mapToInt(l -> l.role().length()).max().orElse(0);
        int name = lines.stream().mapToInt(l -> oneLine(l.name()).length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (ModelLine l : lines) {
            StringBuilder b = new StringBuilder();
            b.append(pad(l.role(), role)).append("  ").append(pad(oneLine(l.name()), name));
            List<String> figures = new ArrayList<>();
            if (l.measure() != null && l.score() != null) {
                figures.add(l.measure() + " " + estimate(l.score(), l.interval()) + " (n = " + l.n() + ")");
            } else {
                figures.add(l.n() + ("judge".equals(l.role()) ? " games" : " answers"));
            }
            if (l.cost() != null) {
                figures.add("cost " + Numbers.usd(l.cost()));
            }
            b.append("  ").append(String.join(", ", figures));
            out.append(b.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** "0.5731 [0.5058, 0.6433]"; "–" without a value. */
    static String estimate(Double value, Interval i) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return i == null ? Numbers.round(value) : Numbers.round(value) + " [" + Numbers.round(i.lower()) + ", " + Numbers.round(i.upper()) + "]";
    }

    /** What the row says and how it counts: an inconclusive claim that passes says so; a failed run is an error. */
    private static String verdict(ClaimRows.Row row) {
        return switch (row.outcome()) {
            case ERROR -> "ERROR";
            case SKIPPED -> row.verdict().name() + " (passes)";
            default -> row.verdict().name();
        };
    }

    private static String cut(String text) {
        return text.length() <= CLAIM_WIDTH ? text : text.substring(0, CLAIM_WIDTH - 1) + "…";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
