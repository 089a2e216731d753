package io.claimbench.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The fault-injection outcomes as a Markdown table, one row per fault, in the order of their numbers. */
public final class FaultTable {

    /** One fault's outcome; {@code minGapAfterRetryAfterMs} is null when no answer carried a Retry-After. */
    public record Row(int order, String fault, String state, long scored, long unscored, long errors, int calls,
                      int maxCallsPerItem, Long minGapAfterRetryAfterMs, String reason) {
    }

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized String markdown(int maxAttempts) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Fault injection: outcomes\n\n")
                .append("Each fault against a WireMock endpoint (or a socket that never answers); claimbench.runs.max-attempts = ")
                .append(maxAttempts).append(". Calls are those the faulted endpoint received; gaps are server-side.\n\n")
                .append("| fault | run state | scored | unscored | errors | calls made | max calls per item | min gap after Retry-After | reason |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        rows.stream().sorted(Comparator.comparingInt(Row::order)).forEach(r -> sb.append("| ").append(r.fault())
                .append(" | ").append(r.state()).append(" | ").append(r.scored()).append(" | ").append(r.unscored())
                .append(" | ").append(r.errors()).append(" | ").append(r.calls()).append(" | ").append(r.maxCallsPerItem())
                .append(" | ").append(r.minGapAfterRetryAfterMs() == null ? "-" : r.minGapAfterRetryAfterMs() + " ms")
                .append(" | ").append(cell(r.reason())).append(" |\n"));
        return sb.toString();
    }

    private static String cell(String s) {
        if (s == null) {
            return "-";
        }
        String one = s.replaceAll("\\s+", " ").replace("|", "\\|");
        return one.length() > 160 ? one.substring(0, 160) + "..." : one;
    }
}
