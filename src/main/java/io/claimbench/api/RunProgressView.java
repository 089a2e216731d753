package io.claimbench.api;

import io.claimbench.runs.RunProgress;

/**
 * How far a run has come (inside {@link RunView} and each event of GET /api/runs/{id}/events): the API's own type,
 * mapped from {@link RunProgress} here only.
 */
public record RunProgressView(String runId, String state, String reason, int total, long done, long running,
                              long pending, CountsView outcomes, double cost) {

    public static RunProgressView of(RunProgress p) {
        return p == null ? null : new RunProgressView(p.runId(), Views.name(p.state()), p.reason(), p.total(), p.done(),
                p.running(), p.pending(), CountsView.of(p.outcomes()), p.cost());
    }
}
