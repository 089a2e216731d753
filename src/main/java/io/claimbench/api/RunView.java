package io.claimbench.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunProgress;

import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it (GET /api/runs, /api/runs/{id}, and the answers to starting and cancelling one): its
 * request, state and cost, and its progress when asked for one run. The API's own type, mapped from
 * {@link RunEntity} and {@link RunProgress} here only; aggregate and swap read as their labels, and a regression
 * margin shows only on runs that have one.
 */
public record RunView(String id, String state, String reason, String evalSet, String candidate, String baseline,
                      String scorer, String judge, List<String> judges, String judgeAggregate, String swap,
                      Double swapAudit, String judgeTemplate, int samples, long seed, Double temperature,
                      int concurrency, Double costCap, boolean cache, boolean earlyStop,
                      @JsonInclude(JsonInclude.Include.NON_NULL) RegressionSetting regression, double cost,
                      boolean errorBudgetExceeded, String gitRevision, String startedBy,
                      Instant createdAt, Instant startedAt, Instant finishedAt, RunProgressView progress) {

    /** The cost is the progress's when there is one, read in the same transaction as the counts beside it. */
    public static RunView of(RunEntity r, RunProgress p) {
        return new RunView(r.id, Views.name(r.state), r.reason, r.evalSetId, r.candidate, r.baseline, r.scorer, r.judge,
                r.judgeNames(), r.judgeAggregate == null ? null : r.judgeAggregate.label(),
                r.swapMode == null ? null : r.swapMode.label(), r.swapAudit, r.judgeTemplate, r.samples, r.seed,
                r.temperature, r.concurrency, r.costCap, r.useCache, r.earlyStop,
                r.regressionMargin == null ? null : new RegressionSetting(r.regressionMargin), p == null ? r.cost : p.cost(),
                r.overErrorBudget(), r.gitRevision, r.startedBy, r.createdAt, r.startedAt, r.finishedAt, RunProgressView.of(p));
    }

    /** Regression mode's margin, as the run was asked for it; left out of runs without one. */
    public record RegressionSetting(double margin) {
    }
}
