package io.claimbench.runs;

import io.claimbench.catalog.EvalSet;
import io.claimbench.catalog.ScorerName;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.SwapMode;
import io.claimbench.models.ModelSpec;

import java.util.List;
import java.util.Objects;

/**
 * A run request checked against the catalog and the models, with every default applied: what a run records.
 */
record RunDefinition(EvalSet set, ModelSpec candidate, ModelSpec baseline, Scoring scoring, RunSettings settings,
                     RunRequest.Claim claim) {

    RunDefinition {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The scorer and, for judged scorers, the judges in panel order with how they judge and the template they
     * judge with. {@code aggregate} only for a panel, {@code swap} only for pairwise judges, {@code swapAudit} only
     * under adaptive swap.
     */
    record Scoring(ScorerName scorer, List<ModelSpec> judges, JudgeAggregate aggregate, SwapMode swap, Double swapAudit,
                   String template, String templateHash) {
        Scoring {
            Objects.requireNonNull(scorer, "scorer");
            judges = List.copyOf(judges);
        }
    }
}
