package io.claimbench.results;

import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunState;
import io.claimbench.runs.ScorerRegistry;
import io.claimbench.stats.ClaimAssessment;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.ClusteredBootstrap;
import io.claimbench.stats.Comparator;
import io.claimbench.stats.Observation;
import io.claimbench.stats.PairCounts;
import io.claimbench.stats.Summary;
import io.claimbench.stats.WinShareSummary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a run's recorded comparisons, generations and judgments into its {@link RunReport}. */
@ApplicationScoped
public class ResultsService {

    private final CatalogService catalog;
    private final ModelRegistry models;
    private final ScorerRegistry scorers;
    private final ReportCache cache;

    public ResultsService(CatalogService catalog, ModelRegistry models, ScorerRegistry scorers, ReportCache cache) {
        this.catalog = catalog;
        this.models = models;
        this.scorers = scorers;
        this.cache = cache;
    }

    /** Once a run has ended, its report is computed ahead of the first request (a large run's final figures are ready). */
    void onEnd(@jakarta.enterprise.event.Observes io.claimbench.runs.RunEnded ended) {
        cache.ahead(ended.runId(), this::compute);
    }

    /** The run's report: from the cache while nothing it depends on changed (see {@link ReportCache}). */
    public Optional<RunReport> report(String runId) {
        return cache.report(runId, this::compute);
    }

    /** Computes the report afresh, from slim rows streamed from the database (see {@link ReportRows}). */
    Optional<RunReport> compute(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = RunEntity.findById(runId);
            if (run == null) {
                return Optional.<RunReport>empty();
            }
            // In work-item order: the seeded bootstrap then draws the same clusters every time the report is made.
            ReportRows.Rows rows = ReportRows.read(RunEntity.getEntityManager(), runId);
            return Optional.of(build(run, rows.comparisons(), rows.answers(), rows.games(), rows.votes()));
        });
    }

    RunReport build(RunEntity run, List<ComparisonRow> comparisons, List<AnswerRow> generations, List<GameRow> judgments,
                    List<HumanVoteEntity> votes) {
        Optional<EvalSet> set = catalog.find(run.evalSetId);
        io.claimbench.catalog.Hypothesis h = run.hypothesis(set.map(EvalSet::hypothesis).orElse(null));
        RunReport.Hypothesis hypothesis = h == null ? null : new RunReport.Hypothesis(h.metric(),
                h.comparator().symbol(), h.threshold(), "candidate " + h.describe() + " against the baseline");

        Map<String, List<ComparisonRow>> byCategory = new TreeMap<>();
        comparisons.forEach(c -> byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
        List<RunReport.Group> groups = new ArrayList<>();
        ClaimAssessment.Settings bootstrap = new ClaimAssessment.Settings(ClusteredBootstrap.DEFAULT_RESAMPLES, run.seed);
        // Graded rates need five-level verdicts from both games: runs of ClaimBench's pairwise judge.
        boolean judged = run.judge != null && !run.imported();
        boolean canSupport = !run.overErrorBudget();
        RunReport.Group overall = group(null, comparisons, h, bootstrap, judged, canSupport);
        byCategory.forEach((category, list) -> groups.add(list.size() == comparisons.size()
                // The one category holds every pair: the same figures as the whole set's, computed once.
                ? withCategory(overall, category) : group(category, list, h, bootstrap, judged, canSupport)));

        Optional<AnswerScorer> scorer = scorers.answerScorer(run.scorer);
        RunReport.Models models = new RunReport.Models(
                ModelFigureSection.figures(run.candidate, generations, comparisons,
                        overall.counts().wins(), scorer, true),
                ModelFigureSection.figures(run.baseline, generations, comparisons,
                        overall.counts().losses(), scorer, false));
        RunReport.Judging judging = run.judge == null ? null : JudgingFigures.judging(run, comparisons, judgments);
        RunReport.Run r = new RunReport.Run(run.id, run.state.name(), run.reason, run.evalSetId, run.evalSetHash,
                run.candidate, run.baseline, run.scorer, run.judge, run.judgeTemplate, run.judgeTemplateHash, run.samples,
                run.seed, run.temperature, run.earlyStop, run.totalItems, comparisons.size(), run.overErrorBudget(), run.gitRevision, run.createdAt,
                run.startedAt, run.finishedAt);
        RunReport.Savings savings = null;
        if (run.earlyStop && run.state == RunState.COMPLETED && comparisons.size() < run.totalItems && !comparisons.isEmpty()) {
            long notRun = run.totalItems - comparisons.size();
            int callsPerItem = 2 + 2 * run.judgeNames().size();
            savings = new RunReport.Savings(notRun, notRun * callsPerItem,
                    run.cost > 0 ? run.cost / comparisons.size() * notRun : null);
        }
        return new RunReport(r, hypothesis, set.map(EvalSet::published).orElse(List.of()), overall, groups, models, judging,
                savings, HumanFigures.humans(comparisons, votes, run.seed), EpochFigures.epochs(run, comparisons),
                EfficiencyFigures.efficiency(run, set.map(EvalSet::efficiencyClaims).orElse(List.of()), comparisons,
                        generations, bootstrap, this::price),
                RegressionFigures.regression(run, overall, groups, comparisons, scorer));
    }

    /** The model's price as configured now; null when it is no longer known. */
    private ModelSpec price(String name) {
        try {
            return models.resolve(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static RunReport.Graded graded(List<ComparisonRow> list, ClaimAssessment.Settings bootstrap) {
        List<Observation> graded = list.stream().filter(c -> c.outcome().decided() && c.winShare() == null)
                .map(c -> new Observation(c.cluster(), (Math.max(-4, Math.min(4, c.strength())) + 4) / 8.0))
                .toList();
        if (graded.isEmpty()) {
            return new RunReport.Graded(0, null, null);
        }
        return new RunReport.Graded(graded.size(), graded.stream().mapToDouble(Observation::win).average().orElseThrow(),
                ClusteredBootstrap.interval(graded, bootstrap.resamples(), bootstrap.seed()));
    }

    private RunReport.Group group(String category, List<ComparisonRow> list, io.claimbench.catalog.Hypothesis h,
                                  ClaimAssessment.Settings bootstrap, boolean judged, boolean canSupport) {
        PairCounts counts = PairCounts.EMPTY;
        List<Observation> observations = new ArrayList<>();
        for (ComparisonRow c : list) {
            counts = counts.plus(c.outcome());
            if (c.outcome().decided()) {
                observations.add(new Observation(c.cluster(),
                        c.observedShare()));
            }
        }
        // Without a hypothesis (the eval set left the catalog) the figures stand, against an even split.
        Comparator comparator = h == null ? Comparator.GREATER : h.comparator();
        double threshold = h == null ? 0.5 : h.threshold();
        ClaimAssessment a = ClaimAssessment.of(comparator, threshold, counts, observations, bootstrap);
        WinShareSummary shares = WinShareSummary.of(observations.stream().mapToDouble(Observation::win).toArray());
        long decisive = counts.wins() + counts.losses();
        Double noTies = decisive == 0 ? null : (double) counts.wins() / decisive;
        RunReport.TiesExcluded tiesExcluded = new RunReport.TiesExcluded(decisive, noTies,
                noTies == null ? null : io.claimbench.stats.WinRate.wilson(noTies, decisive, io.claimbench.stats.WinRate.Z95));
        return new RunReport.Group(category, counts, new RunReport.WinRateFigure(a.n(), a.estimate(),
                shares.standardError(), shares.discrete(), a.interval(), a.wilson(), tiesExcluded,
                judged ? graded(list, bootstrap) : null),
                h == null ? ClaimVerdict.INCONCLUSIVE : ReportFigures.verdict(a.verdict(), canSupport), a.pValue(), a.morePairsNeeded(),
                scores(list, true), scores(list, false), pairedAccuracy(list));
    }

    private static RunReport.Group withCategory(RunReport.Group g, String category) {
        return new RunReport.Group(category, g.counts(), g.winRate(), g.verdict(), g.pValue(), g.morePairsNeeded(),
                g.candidateMeanScore(), g.baselineMeanScore(), g.pairedAccuracy());
    }

    /** For right-or-wrong scores (exact answers): both accuracies and McNemar's test; null otherwise. */
    private static io.claimbench.stats.McNemar.Result pairedAccuracy(List<ComparisonRow> list) {
        List<ComparisonRow> scored = ReportFigures.rightOrWrong(list);
        if (scored.isEmpty()) {
            return null;
        }
        boolean[] cand = new boolean[scored.size()];
        boolean[] base = new boolean[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            cand[i] = scored.get(i).candidateScore() == 1;
            base[i] = scored.get(i).baselineScore() == 1;
        }
        return io.claimbench.stats.McNemar.of(cand, base);
    }

    private static RunReport.ScoreFigure scores(List<ComparisonRow> list, boolean candidate) {
        double[] xs = list.stream().map(c -> candidate ? c.candidateScore() : c.baselineScore())
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        if (xs.length == 0) {
            return null;
        }
        return ReportFigures.figure(Summary.of(xs));
    }
}
