package io.claimbench.runs;

import io.claimbench.stats.PairCounts;

/** How far a run has come: work items by state, and the outcomes recorded so far. */
public record RunProgress(String runId, RunState state, String reason, int total, long done, long running, long pending,
                          PairCounts outcomes, double cost) {
    /** The progress of a run as it was recorded when it started: every item pending, nothing spent. */
    public static RunProgress started(RunEntity run) {
        return new RunProgress(run.id, run.state, run.reason, run.totalItems, 0, 0, run.totalItems, PairCounts.EMPTY, 0);
    }

    public boolean terminal() {
        return state.terminal();
    }
}
