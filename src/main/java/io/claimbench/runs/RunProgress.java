package io.claimbench.runs;

import io.claimbench.stats.PairCounts;

/** How far a run has come: work items by state, and the outcomes recorded so far. */
public record RunProgress(String runId, RunState state, String reason, int total, long done, long running, long pending,
                          PairCounts outcomes, double cost) {
    public boolean terminal() {
        return state.terminal();
    }
}
