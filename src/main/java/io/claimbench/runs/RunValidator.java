package io.claimbench.runs;

import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.catalog.ScorerName;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.JudgePanel;
import io.claimbench.judging.SwapMode;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.TrustPolicy;
import io.claimbench.models.UnknownModelException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place a run request is checked, for REST and the CLI alike: each step names the field at fault in an
 * {@link InvalidRunException}, and the checks run in the order the steps are listed in {@link #validate}.
 */
@ApplicationScoped
public class RunValidator {

    private final CatalogService catalog;
    private final ModelRegistry models;
    private final RunsConfig config;
    private final TrustPolicy trust;
    private final JudgeTemplates templates;

    public RunValidator(CatalogService catalog, ModelRegistry models, RunsConfig config, TrustPolicy trust,
                        JudgeTemplates templates) {
        this.catalog = catalog;
        this.models = models;
        this.config = config;
        this.trust = trust;
        this.templates = templates;
    }

    /** {@code trusted}: the operator's own CLI, which may replay any file as a recording. */
    RunDefinition validate(RunRequest r, boolean trusted) {
        if (!trusted) {
            checkRecordings(r);
        }
        EvalSet set = evalSet(r.evalSet());
        ModelSpec candidate = model("candidate", r.contestants().candidate());
        ModelSpec baseline = model("baseline", r.contestants().baseline());
        ScorerName scorer = r.judging().scorer() != null ? r.judging().scorer() : set.scorer();
        checkReferences(set, scorer);
        RunDefinition.Scoring scoring = scoring(set, scorer, r.judging());
        RunSettings settings = settings(r.sampling(), r.limits());
        RunRequest.Claim claim = claim(set, r.claim());
        checkRegression(claim.regression(), scorer, settings);
        return new RunDefinition(set, candidate, baseline, scoring, settings, claim);
    }

    private EvalSet evalSet(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidRunException("evalSet", "evalSet is required", false);
        }
        return catalog.find(id).orElseThrow(() -> new InvalidRunException("evalSet", "unknown eval set '" + id + "'", true));
    }

    private static void checkReferences(EvalSet set, ScorerName scorer) {
        if (scorer.needsReference()) {
            set.prompts().stream().filter(p -> p.reference() == null).findFirst().ifPresent(p -> {
                throw new InvalidRunException("scorer", "scorer '" + scorer + "' needs references, and prompt '"
                        + p.id() + "' of '" + set.id() + "' has none", false);
            });
        }
    }

    private RunDefinition.Scoring scoring(EvalSet set, ScorerName scorer, RunRequest.Judging j) {
        if (!scorer.usesJudge()) {
            if (j.judge() != null || j.judges() != null) {
                throw new InvalidRunException(j.judge() != null ? "judge" : "judges", "scorer '" + scorer + "' uses no judge", false);
            }
            checkSwap(scorer, j);
            return new RunDefinition.Scoring(scorer, List.of(), null, null, null, null, null);
        }
        List<ModelSpec> panel = panel(j);
        String template;
        String hash;
        if (scorer == ScorerName.RUBRIC_JUDGE) {
            if (panel.size() > 1) {
                throw new InvalidRunException("judges", "a judge panel needs a pairwise scorer; rubric-judge grades with one judge", false);
            }
            template = set.rubricTemplate();
            hash = rubric(template).hash();
        } else {
            template = j.judgeTemplate() != null ? j.judgeTemplate() : set.judgeTemplate();
            if (template == null) {
                throw new InvalidRunException("judgeTemplate", "eval set '" + set.id() + "' names no judge template: give judgeTemplate", false);
            }
            hash = pairwise(template).template().hash();
        }
        checkSwap(scorer, j);
        SwapMode swap = j.swap() == null ? SwapMode.ALWAYS : j.swap();
        JudgeAggregate aggregate = j.aggregate() == null ? JudgeAggregate.MAJORITY : j.aggregate();
        boolean pairwise = scorer.pairwise();
        return new RunDefinition.Scoring(scorer, panel, panel.size() > 1 ? aggregate : null, pairwise ? swap : null,
                pairwise && swap == SwapMode.ADAPTIVE ? (j.swapAudit() == null ? JudgePanel.DEFAULT_AUDIT : j.swapAudit()) : null,
                template, hash);
    }

    private static void checkSwap(ScorerName scorer, RunRequest.Judging j) {
        if (!scorer.pairwise() && (j.swap() != null || j.swapAudit() != null)) {
            throw new InvalidRunException(j.swap() != null ? "swap" : "swapAudit", "swap applies to pairwise judges only", false);
        }
        if (j.swapAudit() != null && (j.swapAudit() < 0 || j.swapAudit() > 1 || j.swapAudit().isNaN())) {
            throw new InvalidRunException("swapAudit", "swapAudit must be between 0 and 1", false);
        }
        if (j.swapAudit() != null && j.swap() != SwapMode.ADAPTIVE) {
            throw new InvalidRunException("swapAudit", "swapAudit needs swap adaptive", false);
        }
    }

    /** The run's own comparator and threshold for the win-rate claim, checked as the eval set's would be. */
    private static RunRequest.Claim claim(EvalSet set, RunRequest.Claim c) {
        if (c.comparator() == null && c.threshold() == null) {
            return c;
        }
        if (set.hypothesis() == null) {
            throw new InvalidRunException(c.threshold() != null ? "threshold" : "comparator",
                    "eval set '" + set.id() + "' states no claim to set a threshold for", false);
        }
        if (c.comparator() != null && io.claimbench.stats.Comparator.fromSymbol(c.comparator()).isEmpty()) {
            throw new InvalidRunException("comparator", "comparator must be one of >=, >, <=, <", false);
        }
        if (c.threshold() != null && !(c.threshold() >= 0 && c.threshold() <= 1)) {
            throw new InvalidRunException("threshold", "threshold must be between 0 and 1", false);
        }
        return c;
    }

    /**
     * A regression margin in [0, 0.5): at 0.5 the win-rate bar would fall to 0. Early stopping watches the win rate
     * alone, which is all a judged run measures; a programmatic scorer's accuracy and benchmark score are judged on
     * every item, so it does not stop early.
     */
    private static void checkRegression(RunRequest.Regression regression, ScorerName scorer, RunSettings settings) {
        if (regression == null) {
            return;
        }
        Double m = regression.margin();
        if (m == null) {
            throw new InvalidRunException("regression.margin", "regression needs a margin", false);
        }
        if (!(m >= 0 && m < 0.5)) {
            throw new InvalidRunException("regression.margin", "margin must be at least 0 and below 0.5", false);
        }
        if (settings.earlyStop() && !scorer.usesJudge()) {
            throw new InvalidRunException("earlyStop", "early stopping in regression mode needs a judged scorer: '"
                    + scorer + "' is judged on its accuracy or benchmark score over every item", false);
        }
    }

    private RunSettings settings(RunRequest.Sampling s, RunRequest.Limits l) {
        int samples = s.samples() == null ? 1 : s.samples();
        if (samples < 1 || samples > RunSettings.MAX_SAMPLES) {
            throw new InvalidRunException("samples", "samples must be between 1 and " + RunSettings.MAX_SAMPLES, false);
        }
        int concurrency = l.concurrency() == null ? config.defaultConcurrency() : l.concurrency();
        if (concurrency < 1 || concurrency > RunSettings.MAX_CONCURRENCY) {
            throw new InvalidRunException("concurrency", "concurrency must be between 1 and " + RunSettings.MAX_CONCURRENCY, false);
        }
        if (s.temperature() != null && (s.temperature() < 0 || s.temperature() > 2 || s.temperature().isNaN())) {
            throw new InvalidRunException("temperature", "temperature must be between 0 and 2", false);
        }
        if (l.costCap() != null && !(l.costCap() > 0)) {
            throw new InvalidRunException("costCap", "costCap must be positive", false);
        }
        return new RunSettings(samples, s.seed() == null ? 0 : s.seed(), s.temperature(), concurrency, l.costCap(),
                l.cache() == null || l.cache(), Boolean.TRUE.equals(l.earlyStop()));
    }

    private List<ModelSpec> panel(RunRequest.Judging j) {
        if (j.judges() == null) {
            return List.of(model("judge", j.judge()));
        }
        if (j.judge() != null) {
            throw new InvalidRunException("judges", "give judge or judges, not both", false);
        }
        if (j.judges().size() > JudgePanel.MAX_JUDGES) {
            throw new InvalidRunException("judges", "at most " + JudgePanel.MAX_JUDGES + " judges", false);
        }
        List<ModelSpec> out = new ArrayList<>();
        for (int i = 0; i < j.judges().size(); i++) {
            ModelSpec m = model("judges[" + i + "]", j.judges().get(i));
            if (out.stream().anyMatch(o -> o.name().equals(m.name()))) {
                throw new InvalidRunException("judges[" + i + "]", "judge '" + m.name() + "' is named twice", false);
            }
            out.add(m);
        }
        return out;
    }

    /** A REST caller may replay only recordings under the allowed roots. */
    private void checkRecordings(RunRequest r) {
        List<String[]> refs = new ArrayList<>(List.of(new String[]{"candidate", r.contestants().candidate()},
                new String[]{"baseline", r.contestants().baseline()}, new String[]{"judge", r.judging().judge()}));
        if (r.judging().judges() != null) {
            for (int i = 0; i < r.judging().judges().size(); i++) {
                refs.add(new String[]{"judges[" + i + "]", r.judging().judges().get(i)});
            }
        }
        for (String[] ref : refs) {
            if (ref[1] != null && ref[1].startsWith("recorded:") && models.find(ref[1]).isEmpty()) {
                try {
                    trust.checkRecording(ref[1].substring("recorded:".length()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRunException(ref[0], e.getMessage(), false);
                }
            }
        }
    }

    private ModelSpec model(String field, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRunException(field, field + " is required", false);
        }
        try {
            return models.resolve(reference);
        } catch (UnknownModelException e) {
            throw new InvalidRunException(field, e.getMessage(), true);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException(field, e.getMessage(), false);
        }
    }

    private io.claimbench.judging.PairwiseJudge pairwise(String name) {
        try {
            return templates.pairwise(name);
        } catch (JudgeTemplates.Missing e) {
            throw new InvalidRunException("judgeTemplate", e.getMessage(), true);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException("judgeTemplate", e.getMessage(), false);
        }
    }

    private io.claimbench.judging.RubricJudge rubric(String name) {
        try {
            return templates.rubric(name);
        } catch (JudgeTemplates.Missing e) {
            throw new InvalidRunException("scorer", "rubric template '" + name + "' is not readable", false);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunException("scorer", e.getMessage(), false);
        }
    }
}
