package io.claimbench.cli;

import java.util.List;

/**
 * The verdicts as a Markdown table for a CI step summary: claim, category, n, win rate with its 95% interval,
 * threshold, verdict and the model maker's published figure. Text from the eval set is escaped for table cells.
 */
final class MarkdownSummary {

    private MarkdownSummary() {
    }

    static String of(List<ClaimRows> runs) {
        StringBuilder out = new StringBuilder("## ClaimBench verdicts\n\n");
        for (ClaimRows run : runs) {
            out.append("**").append(cell(run.evalSet())).append("**: `").append(cell(run.candidate())).append("` against `")
                    .append(cell(run.baseline())).append("`");
            if (run.runProblem() != null) {
                out.append(" — **error**: ").append(cell(run.runProblem()));
            }
            out.append("\n\n| claim | category | n | win rate [95% CI] | threshold | verdict | published |\n")
                    .append("|---|---|---:|---|---|---|---|\n");
            for (ClaimRows.Row row : run.rows()) {
                out.append("| ").append(cell(row.claim()))
                        .append(" | ").append(row.category() == null ? "all" : cell(row.category()))
                        .append(" | ").append(row.n())
                        .append(" | ").append(row.value() == null ? "–" : Numbers.round(row.value()) + (row.interval() == null ? ""
                                : " [" + Numbers.round(row.interval().lower()) + ", " + Numbers.round(row.interval().upper()) + "]"))
                        .append(" | ").append(row.threshold() == null ? "–" : cell(row.threshold()))
                        .append(" | ").append(row.outcome() == ClaimRows.Outcome.ERROR ? "ERROR" : row.verdictLabel())
                        .append(" | ").append(row.published() == null ? "–" : cell(row.published()))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A table cell: no line breaks, pipes and Markdown or HTML markup escaped. */
    static String cell(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.replaceAll("\\s+", " ").toCharArray()) {
            if ("\\|*_`[]<#&".indexOf(c) >= 0) { // a ">" inside a cell is plain text already
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
