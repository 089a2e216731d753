package io.claimbench.runs;

import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.catalog.ScorerName;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.JudgeSetup;
import io.claimbench.judging.PairwiseJudge;
import io.claimbench.judging.RubricJudge;
import io.claimbench.judging.SwapMode;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Rebuilds what an executing run needs from its record (also after a restart): the models resolved again, the
 * scorer and its templates, refusing a template whose text changed since the run started.
 */
@ApplicationScoped
public class RunContexts {

    private final CatalogService catalog;
    private final ModelRegistry models;
    private final ScorerRegistry scorers;
    private final JudgeTemplates templates;
    private final RunsConfig config;

    public RunContexts(CatalogService catalog, ModelRegistry models, ScorerRegistry scorers, JudgeTemplates templates,
                       RunsConfig config) {
        this.catalog = catalog;
        this.models = models;
        this.scorers = scorers;
        this.templates = templates;
        this.config = config;
    }

    RunContext context(RunEntity run) {
        EvalSet set = catalog.find(run.evalSetId).orElseThrow(() ->
                new IllegalStateException("eval set '" + run.evalSetId + "' is no longer in the catalog"));
        ScorerName scorer = run.scorerName().orElseThrow(() ->
                new IllegalStateException("run " + run.id + " has no scorer to execute with: '" + run.scorer + "'"));
        List<ModelSpec> judges = run.judgeNames().stream().map(models::resolve).toList();
        PairwiseJudge pairwise = null;
        RubricJudge rubric = null;
        if (scorer == ScorerName.RUBRIC_JUDGE) {
            rubric = templates.rubric(run.judgeTemplate);
            if (!rubric.hash().equals(run.judgeTemplateHash)) {
                throw new IllegalStateException("rubric template '" + run.judgeTemplate + "' changed since the run started");
            }
        } else if (scorer.pairwise()) {
            pairwise = templates.pairwise(run.judgeTemplate);
            if (!pairwise.template().hash().equals(run.judgeTemplateHash)) {
                throw new IllegalStateException("judge template '" + run.judgeTemplate + "' changed since the run started");
            }
        }
        JudgeSetup setup = judges.isEmpty() ? JudgeSetup.NONE : new JudgeSetup(judges.stream().map(ModelSpec::name).toList(),
                pairwise, rubric, run.judgeAggregate == null ? JudgeAggregate.MAJORITY : run.judgeAggregate,
                run.swapMode == null ? SwapMode.ALWAYS : run.swapMode, run.swapAudit == null ? 0 : run.swapAudit,
                config.rubricTieBand(), run.seed);
        AnswerScorer style = scorer.pairwise() && set.styleScorer() != null ? scorers.style(set.styleScorer()) : null;
        RunContext ctx = new RunContext(run.id, set,
                new RunContext.Models(models.resolve(run.candidate), models.resolve(run.baseline)),
                new RunContext.Scoring(scorers.get(scorer), style, setup, RunContext.Scoring.byName(judges)),
                new RunSettings(run.samples, run.seed, run.temperature, run.concurrency, run.costCap, run.useCache, run.earlyStop),
                run.stoppingClaim(set.hypothesis()), run.totalItems);
        // A resumed run remembers which models already answered, so that a later 400 is not taken for bad settings. A
        // run that never started (startedAt is set before any item is worked on) has no answers to look for.
        if (run.startedAt == null) {
            return ctx;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            RunEntity.getEntityManager().createQuery("select distinct g.modelName from GenerationEntity g "
                            + "where g.runId = :run and g.error is null", String.class).setParameter("run", run.id)
                    .getResultList().forEach(ctx::answered);
            RunEntity.getEntityManager().createQuery("select distinct j.judge from JudgmentEntity j where j.runId = :run "
                            + "and j.outcome <> :error", String.class).setParameter("run", run.id)
                    .setParameter("error", GameOutcome.ERROR).getResultList().forEach(ctx::answered);
        });
        return ctx;
    }
}
