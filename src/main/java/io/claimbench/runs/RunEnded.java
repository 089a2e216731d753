package io.claimbench.runs;

/**
 * A CDI event: a run reached a final state here (completed, settled early, stopped at its cost cap, failed or
 * cancelled). Observed by features downstream of runs, such as the run log, which runs must not know.
 */
public record RunEnded(String runId, RunState state, String reason) {
}
