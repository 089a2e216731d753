package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.ReferenceScorer;
import io.claimbench.stats.ClaimAssessment;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.ClusteredBootstrap;
import io.claimbench.stats.Comparator;
import io.claimbench.stats.Observation;
import io.claimbench.stats.PairOutcome;
import io.claimbench.stats.PairCounts;
import io.claimbench.stats.Summary;
import io.claimbench.stats.WinShareSummary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a run's recorded comparisons, generations and judgments into its {@link RunReport}. */
@ApplicationScoped
public class ResultsService {

    private final CatalogService catalog;
    private final ObjectMapper json;
    private final io.claimbench.models.ModelRegistry models;

    public ResultsService(CatalogService catalog, ObjectMapper json, io.claimbench.models.ModelRegistry models) {
        this.catalog = catalog;
        this.json = json;
        this.models = models;
    }

    public Optional<RunReport> report(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = RunEntity.findById(runId);
            if (run == null) {
                return Optional.<RunReport>empty();
            }
            // In work-item order: the seeded bootstrap then draws the same clusters every time the report is made.
            List<ComparisonEntity> comparisons = ComparisonEntity.list("runId = ?1 order by workItemId", runId);
            List<GenerationEntity> generations = GenerationEntity.list("runId", runId);
            List<JudgmentEntity> judgments = JudgmentEntity.list("runId", runId);
            List<HumanVoteEntity> votes = HumanVoteEntity.getEntityManager().createQuery(
                    "select v from HumanVoteEntity v, ComparisonEntity c where v.comparisonId = c.id and c.runId = :run",
                    HumanVoteEntity.class).setParameter("run", runId).getResultList();
            return Optional.of(build(run, comparisons, generations, judgments, votes));
        });
    }

    RunReport build(RunEntity run, List<ComparisonEntity> comparisons, List<GenerationEntity> generations,
                    List<JudgmentEntity> judgments, List<HumanVoteEntity> votes) {
        Optional<EvalSet> set = catalog.find(run.evalSetId);
        io.claimbench.catalog.Hypothesis h = set.map(EvalSet::hypothesis).orElse(null);
        RunReport.Hypothesis hypothesis = h == null ? null : new RunReport.Hypothesis(h.metric(),
                h.comparator().symbol(), h.threshold(), "candidate " + h.describe() + " against the baseline");

        Map<String, List<ComparisonEntity>> byCategory = new TreeMap<>();
        comparisons.forEach(c -> byCategory.computeIfAbsent(c.category, k -> new ArrayList<>()).add(c));
        List<RunReport.Group> groups = new ArrayList<>();
        ClaimAssessment.Settings bootstrap = new ClaimAssessment.Settings(ClusteredBootstrap.DEFAULT_RESAMPLES, run.seed);
        // Graded rates need five-level verdicts from both games: runs of ClaimBench's pairwise judge.
        boolean judged = run.judge != null && !run.scorer.startsWith("imported:");
        byCategory.forEach((category, list) -> groups.add(group(category, list, h, bootstrap, judged)));
        RunReport.Group overall = group(null, comparisons, h, bootstrap, judged);

        Optional<ReferenceScorer> scorer = RunService.referenceScorer(run.scorer);
        RunReport.Models models = new RunReport.Models(
                figures(run.candidate, GenerationEntity.CANDIDATE, generations, comparisons, overall.counts().wins(), scorer, true),
                figures(run.baseline, GenerationEntity.BASELINE, generations, comparisons, overall.counts().losses(), scorer, false));
        RunReport.Judging judging = run.judge == null ? null : judging(run, comparisons, judgments);
        RunReport.Run r = new RunReport.Run(run.id, run.state.name(), run.reason, run.evalSetId, run.evalSetHash,
                run.candidate, run.baseline, run.scorer, run.judge, run.judgeTemplate, run.judgeTemplateHash, run.samples,
                run.seed, run.temperature, run.earlyStop, run.totalItems, comparisons.size(), run.gitRevision, run.createdAt,
                run.startedAt, run.finishedAt);
        RunReport.Savings savings = null;
        if (run.earlyStop && run.state == RunState.COMPLETED && comparisons.size() < run.totalItems && !comparisons.isEmpty()) {
            long notRun = run.totalItems - comparisons.size();
            int callsPerItem = 2 + 2 * RunService.judgeNames(run).size();
            savings = new RunReport.Savings(notRun, notRun * callsPerItem,
                    run.cost > 0 ? run.cost / comparisons.size() * notRun : null);
        }
        return new RunReport(r, hypothesis, set.map(EvalSet::published).orElse(List.of()), overall, groups, models, judging,
                savings, humans(comparisons, votes), epochs(run, comparisons),
                efficiency(run, set.map(EvalSet::efficiencyClaims).orElse(List.of()), comparisons, generations, bootstrap));
    }

    private static RunReport.Graded graded(List<ComparisonEntity> list, ClaimAssessment.Settings bootstrap) {
        List<Observation> graded = list.stream().filter(c -> c.outcome.decided() && c.winShare == null)
                .map(c -> new Observation(Long.toString(c.promptVersionId), (Math.max(-4, Math.min(4, c.strength)) + 4) / 8.0))
                .toList();
        if (graded.isEmpty()) {
            return new RunReport.Graded(0, null, null);
        }
        return new RunReport.Graded(graded.size(), graded.stream().mapToDouble(Observation::win).average().orElseThrow(),
                ClusteredBootstrap.interval(graded, bootstrap.resamples(), bootstrap.seed()));
    }

    private RunReport.Group group(String category, List<ComparisonEntity> list, io.claimbench.catalog.Hypothesis h,
                                  ClaimAssessment.Settings bootstrap, boolean judged) {
        PairCounts counts = PairCounts.EMPTY;
        List<Observation> observations = new ArrayList<>();
        for (ComparisonEntity c : list) {
            counts = counts.plus(c.outcome);
            if (c.outcome.decided()) {
                observations.add(new Observation(Long.toString(c.promptVersionId),
                        share(c)));
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
                h == null ? ClaimVerdict.INCONCLUSIVE : a.verdict(), a.pValue(), a.morePairsNeeded(),
                scores(list, true), scores(list, false), pairedAccuracy(list));
    }

    private static RunReport.Humans humans(List<ComparisonEntity> comparisons, List<HumanVoteEntity> votes) {
        if (votes.isEmpty()) {
            return null;
        }
        Map<Long, Map<String, PairOutcome>> byComparison = new HashMap<>();
        java.util.TreeSet<String> voters = new java.util.TreeSet<>();
        for (HumanVoteEntity v : votes) {
            byComparison.computeIfAbsent(v.comparisonId, k -> new HashMap<>()).put(v.voter, v.outcome);
            voters.add(v.voter);
        }
        List<RunReport.RaterAgreement> between = agreement(List.copyOf(voters), comparisons,
                (voter, c) -> byComparison.getOrDefault(c.id, Map.of()).get(voter));
        List<PairOutcome> judge = new ArrayList<>();
        List<PairOutcome> majority = new ArrayList<>();
        long majorities = 0;
        for (ComparisonEntity c : comparisons) {
            Map<String, PairOutcome> cv = byComparison.getOrDefault(c.id, Map.of());
            Map<PairOutcome, Integer> tally = new HashMap<>();
            cv.values().forEach(o -> tally.merge(o, 1, Integer::sum));
            PairOutcome m = tally.entrySet().stream().filter(e -> e.getValue() * 2 > cv.size())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            majorities += m == null ? 0 : 1;
            majority.add(m);
            judge.add(c.outcome.decided() ? c.outcome : null);
        }
        return new RunReport.Humans(votes.size(), List.copyOf(voters), between, majorities,
                io.claimbench.stats.Agreement.of(judge, majority, PairOutcome.TIE));
    }

    private RunReport.Judging judging(RunEntity run, List<ComparisonEntity> comparisons, List<JudgmentEntity> judgments) {
        List<String> names = RunService.judgeNames(run);
        boolean adaptive = io.claimbench.judging.JudgePanel.SWAP_ADAPTIVE.equals(run.swapMode);
        // Under adaptive swap only the audited pairs are an unselected sample for position bias.
        java.util.Set<Long> audited = new java.util.HashSet<>();
        comparisons.stream().filter(c -> Boolean.TRUE.equals(c.swapAudited)).forEach(c -> audited.add(c.workItemId));
        List<JudgmentEntity> biasSample = adaptive
                ? judgments.stream().filter(j -> audited.contains(j.workItemId)).toList() : judgments;
        RunReport.Swap swap = null;
        if (run.swapMode != null) {
            Map<String, long[]> games = new HashMap<>(); // judge|item -> {game 1, game 2}
            for (JudgmentEntity j : judgments) {
                if (j.game == 1 || j.game == 2) {
                    games.computeIfAbsent(j.judge + "|" + j.workItemId, k -> new long[2])[j.game - 1]++;
                }
            }
            long pairs = games.values().stream().filter(g -> g[0] > 0).count();
            long second = games.values().stream().filter(g -> g[0] > 0 && g[1] > 0).count();
            long auditedPairs = adaptive ? audited.size() : comparisons.size();
            long judgedPairs = comparisons.stream().filter(c -> c.swapAudited != null || !adaptive).count();
            swap = new RunReport.Swap(run.swapMode, run.swapAudit, pairs, second, pairs == 0 ? null : (double) second / pairs,
                    auditedPairs, judgedPairs == 0 ? null : (double) auditedPairs / judgedPairs,
                    adaptive ? "audited pairs" : "all pairs");
        }
        List<RunReport.JudgeFigures> perJudge = new ArrayList<>();
        Map<String, Map<Long, PairOutcome>> verdicts = new HashMap<>();
        for (String name : names) {
            List<JudgmentEntity> mine = judgments.stream().filter(j -> name.equals(j.judge)).toList();
            // Imported verdicts are whole-pair outcomes without five-level games: the judge's verdict is the pair's.
            Map<Long, PairOutcome> byItem = run.scorer.startsWith("imported:")
                    ? comparisons.stream().collect(java.util.stream.Collectors.toMap(c -> c.workItemId, c -> c.outcome, (a, b) -> a))
                    : judgeVerdicts(mine);
            verdicts.put(name, byItem);
            PairCounts counts = byItem.values().stream().reduce(PairCounts.EMPTY, PairCounts::plus, PairCounts::add);
            long n = counts.wins() + counts.ties() + counts.losses();
            Double rate = n == 0 ? null : (counts.wins() + counts.ties() / 2.0) / n;
            perJudge.add(new RunReport.JudgeFigures(name, mine.size(), count(mine, "SCORED"), count(mine, "UNSCORED"),
                    count(mine, "ERROR"), sumCost(mine.stream().map(j -> j.cost).toList()), counts, rate,
                    rate == null ? null : io.claimbench.stats.WinRate.wilson(rate, n, io.claimbench.stats.WinRate.Z95),
                    positionBias(biasSample.stream().filter(j -> name.equals(j.judge)).toList()),
                    ModelFamily.shared(name, run.candidate, run.baseline)));
        }
        List<RunReport.RaterAgreement> agreement = agreement(names, comparisons,
                (judge, c) -> decidedOrNull(verdicts.get(judge).get(c.workItemId)));
        String family = names.stream().map(n -> ModelFamily.shared(n, run.candidate, run.baseline))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new RunReport.Judging(names.size() > 1 ? String.join(", ", names) : run.judge, judgments.size(),
                count(judgments, "SCORED"), count(judgments, "UNSCORED"), count(judgments, "ERROR"),
                judgments.stream().filter(j -> j.fromCache).count(),
                sumCost(judgments.stream().map(j -> j.cost).toList()), positionBias(biasSample), family,
                comparisons.stream().filter(c -> c.flags != null).count(),
                comparisons.stream().filter(c -> c.flags != null).map(c -> c.outcome)
                        .reduce(PairCounts.EMPTY, PairCounts::plus, PairCounts::add),
                names, names.size() > 1 ? run.judgeAggregate : null, swap, perJudge, agreement);
    }

    /** The agreement of every two raters over the run's comparisons; {@code label} is a rater's outcome or null. */
    private static List<RunReport.RaterAgreement> agreement(List<String> raters, List<ComparisonEntity> comparisons,
                                                            java.util.function.BiFunction<String, ComparisonEntity, PairOutcome> label) {
        List<RunReport.RaterAgreement> out = new ArrayList<>();
        for (int i = 0; i < raters.size(); i++) {
            for (int k = i + 1; k < raters.size(); k++) {
                String a = raters.get(i);
                String b = raters.get(k);
                out.add(new RunReport.RaterAgreement(a, b, io.claimbench.stats.Agreement.of(
                        comparisons.stream().map(c -> label.apply(a, c)).toList(),
                        comparisons.stream().map(c -> label.apply(b, c)).toList(), PairOutcome.TIE)));
            }
        }
        return out;
    }

    /** A decided comparison's win share for the candidate: the judge's probability when imported, else 1, 1/2, 0. */
    private static double share(ComparisonEntity c) {
        return c.winShare != null ? c.winShare : winShare(c.outcome);
    }

    private static long count(List<JudgmentEntity> judgments, String outcome) {
        return judgments.stream().filter(j -> outcome.equals(j.outcome)).count();
    }

    private static PairOutcome decidedOrNull(PairOutcome o) {
        return o != null && o.decided() ? o : null;
    }

    /**
     * One judge's verdict per work item, as if it judged alone: both orders combined, or the first order alone
     * when the swap was skipped. Rubric grades (games 3 and 4) are not pairwise verdicts and are left out.
     */
    static Map<Long, PairOutcome> judgeVerdicts(List<JudgmentEntity> judgments) {
        Map<Long, JudgmentEntity[]> byItem = new HashMap<>();
        for (JudgmentEntity j : judgments) {
            if (j.game == 1 || j.game == 2) {
                byItem.computeIfAbsent(j.workItemId, k -> new JudgmentEntity[2])[j.game - 1] = j;
            }
        }
        Map<Long, PairOutcome> out = new HashMap<>();
        byItem.forEach((item, g) -> {
            if (g[0] == null || !readable(g[0]) || (g[1] != null && !readable(g[1]))) {
                return;
            }
            var v1 = WorkItemProcessor.verdictOf(g[0]);
            out.put(item, (g[1] == null ? io.claimbench.judging.JudgePanel.single(v1)
                    : io.claimbench.judging.SwapCombiner.combine(v1, WorkItemProcessor.verdictOf(g[1]))).outcome());
        });
        return out;
    }

    private RunReport.Efficiency efficiency(RunEntity run, List<io.claimbench.catalog.Hypothesis> claims,
                                            List<ComparisonEntity> comparisons, List<GenerationEntity> generations,
                                            ClaimAssessment.Settings bootstrap) {
        Map<Long, GenerationEntity[]> byItem = new HashMap<>();
        for (GenerationEntity g : generations) {
            if (g.error == null) {
                byItem.computeIfAbsent(g.workItemId, k -> new GenerationEntity[2])[GenerationEntity.CANDIDATE.equals(g.role) ? 0 : 1] = g;
            }
        }
        io.claimbench.models.ModelSpec cand = spec(run.candidate);
        io.claimbench.models.ModelSpec base = spec(run.baseline);
        List<io.claimbench.stats.PairedRatio.Pair> firstToken = new ArrayList<>();
        List<io.claimbench.stats.PairedRatio.Pair> latency = new ArrayList<>();
        List<io.claimbench.stats.PairedRatio.Pair> cost = new ArrayList<>();
        List<io.claimbench.stats.PairedRatio.CostShare> perWin = new ArrayList<>();
        for (ComparisonEntity c : comparisons) {
            GenerationEntity[] g = byItem.get(c.workItemId);
            if (g == null || g[0] == null || g[1] == null) {
                continue;
            }
            String cluster = Long.toString(c.promptVersionId);
            if (g[0].firstTokenMs != null && g[1].firstTokenMs != null) {
                firstToken.add(new io.claimbench.stats.PairedRatio.Pair(cluster, g[0].firstTokenMs, g[1].firstTokenMs));
            }
            if (g[0].latencyMs != null && g[1].latencyMs != null) {
                latency.add(new io.claimbench.stats.PairedRatio.Pair(cluster, g[0].latencyMs, g[1].latencyMs));
            }
            Double cc = cand == null ? null : cand.cost(g[0].tokensIn, g[0].tokensOut);
            Double bc = base == null ? null : base.cost(g[1].tokensIn, g[1].tokensOut);
            if (cc != null && bc != null) {
                cost.add(new io.claimbench.stats.PairedRatio.Pair(cluster, cc, bc));
                if (c.outcome.decided()) {
                    perWin.add(new io.claimbench.stats.PairedRatio.CostShare(cluster, cc, bc,
                            share(c)));
                }
            }
        }
        int resamples = bootstrap.resamples();
        var ft = io.claimbench.stats.PairedRatio.of(firstToken, resamples, bootstrap.seed());
        var lat = io.claimbench.stats.PairedRatio.of(latency, resamples, bootstrap.seed());
        var cst = io.claimbench.stats.PairedRatio.of(cost, resamples, bootstrap.seed());
        var cpw = io.claimbench.stats.PairedRatio.costPerWin(perWin, resamples, bootstrap.seed());
        List<RunReport.EfficiencyClaim> verdicts = new ArrayList<>();
        for (io.claimbench.catalog.Hypothesis h : claims) {
            long n;
            Double ratio;
            io.claimbench.stats.Interval interval;
            switch (h.metric()) {
                case io.claimbench.catalog.Hypothesis.FIRST_TOKEN_RATIO -> { n = ft.n(); ratio = ft.ratio(); interval = ft.ratioInterval(); }
                case io.claimbench.catalog.Hypothesis.LATENCY_RATIO -> { n = lat.n(); ratio = lat.ratio(); interval = lat.ratioInterval(); }
                case io.claimbench.catalog.Hypothesis.COST_RATIO -> { n = cst.n(); ratio = cst.ratio(); interval = cst.ratioInterval(); }
                case io.claimbench.catalog.Hypothesis.COST_PER_WIN_RATIO -> { n = cpw.n(); ratio = cpw.ratio(); interval = cpw.ratioInterval(); }
                default -> throw new IllegalStateException("not an efficiency metric: " + h.metric());
            }
            verdicts.add(new RunReport.EfficiencyClaim(h.metric(), h.comparator().symbol(), h.threshold(),
                    "candidate/baseline " + h.describe(), n, ratio, interval,
                    interval == null ? ClaimVerdict.INCONCLUSIVE : ClaimVerdict.of(h.comparator(), h.threshold(), interval)));
        }
        return new RunReport.Efficiency(ft, lat, cst, cpw, verdicts);
    }

    /** The model's price as configured now; null when it is no longer known. */
    private io.claimbench.models.ModelSpec spec(String name) {
        try {
            return models.resolve(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean readable(JudgmentEntity j) {
        return !"SCORED".equals(j.outcome) || (j.preference != null && io.claimbench.judging.Preference.parse(j.preference).isPresent());
    }

    /** Win rate per sample index and its spread; null for one sample. */
    static RunReport.Epochs epochs(RunEntity run, List<ComparisonEntity> comparisons) {
        if (run.samples <= 1) {
            return null;
        }
        List<RunReport.Epoch> epochs = new ArrayList<>();
        for (int s = 0; s < run.samples; s++) {
            final int sample = s;
            double[] shares = comparisons.stream().filter(c -> c.sampleIndex == sample && c.outcome.decided())
                    .mapToDouble(ResultsService::share).toArray();
            Double rate = shares.length == 0 ? null : java.util.Arrays.stream(shares).average().orElseThrow();
            epochs.add(new RunReport.Epoch(s, shares.length, rate,
                    rate == null ? null : io.claimbench.stats.WinRate.wilson(rate, shares.length, io.claimbench.stats.WinRate.Z95)));
        }
        double[] rates = epochs.stream().filter(e -> e.winRate() != null).mapToDouble(RunReport.Epoch::winRate).toArray();
        double mean = java.util.Arrays.stream(rates).average().orElse(Double.NaN);
        double sd = rates.length < 2 ? Double.NaN
                : Math.sqrt(java.util.Arrays.stream(rates).map(x -> (x - mean) * (x - mean)).sum() / (rates.length - 1));
        Map<Long, java.util.Set<PairOutcome>> byPrompt = new TreeMap<>();
        Map<Long, Integer> decidedEpochs = new HashMap<>();
        for (ComparisonEntity c : comparisons) {
            if (c.outcome.decided()) {
                byPrompt.computeIfAbsent(c.promptVersionId, k -> java.util.EnumSet.noneOf(PairOutcome.class)).add(c.outcome);
                decidedEpochs.merge(c.promptVersionId, 1, Integer::sum);
            }
        }
        List<Long> complete = byPrompt.keySet().stream().filter(p -> decidedEpochs.get(p) == run.samples).toList();
        long consistent = complete.stream().filter(p -> byPrompt.get(p).size() == 1).count();
        return new RunReport.Epochs(run.samples, epochs, rates.length == 0 ? null : mean,
                rates.length < 2 ? null : sd,
                rates.length == 0 ? null : java.util.Arrays.stream(rates).min().orElseThrow(),
                rates.length == 0 ? null : java.util.Arrays.stream(rates).max().orElseThrow(),
                complete.size(), complete.isEmpty() ? null : (double) consistent / complete.size());
    }

    /** Pairs whose two games were both scored with a five-level verdict. */
    private static io.claimbench.stats.PositionBias positionBias(List<JudgmentEntity> judgments) {
        Map<String, Integer[]> byItem = new HashMap<>();
        for (JudgmentEntity j : judgments) {
            if ("SCORED".equals(j.outcome) && j.preference != null && (j.game == 1 || j.game == 2)) {
                var p = io.claimbench.judging.Preference.parse(j.preference);
                if (p.isPresent()) {
                    byItem.computeIfAbsent(j.judge + "|" + j.workItemId, k -> new Integer[2])[j.game - 1] = p.get().strength();
                }
            }
        }
        List<io.claimbench.stats.PositionBias.SwappedPair> pairs = byItem.values().stream()
                .filter(g -> g[0] != null && g[1] != null)
                .map(g -> new io.claimbench.stats.PositionBias.SwappedPair(g[0], g[1])).toList();
        return io.claimbench.stats.PositionBias.of(pairs);
    }

    /** For right-or-wrong scores (exact answers): both accuracies and McNemar's test; null otherwise. */
    private static io.claimbench.stats.McNemar.Result pairedAccuracy(List<ComparisonEntity> list) {
        List<ComparisonEntity> scored = list.stream().filter(c -> c.candidateScore != null && c.baselineScore != null).toList();
        boolean binary = !scored.isEmpty() && scored.stream().allMatch(c -> (c.candidateScore == 0 || c.candidateScore == 1)
                && (c.baselineScore == 0 || c.baselineScore == 1));
        if (!binary) {
            return null;
        }
        boolean[] cand = new boolean[scored.size()];
        boolean[] base = new boolean[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            cand[i] = scored.get(i).candidateScore == 1;
            base[i] = scored.get(i).baselineScore == 1;
        }
        return io.claimbench.stats.McNemar.of(cand, base);
    }

    static double winShare(PairOutcome outcome) {
        return switch (outcome) {
            case WIN -> 1.0;
            case TIE -> 0.5;
            case LOSS -> 0.0;
            default -> throw new IllegalArgumentException("not a decided outcome: " + outcome);
        };
    }

    private static RunReport.ScoreFigure scores(List<ComparisonEntity> list, boolean candidate) {
        double[] xs = list.stream().map(c -> candidate ? c.candidateScore : c.baselineScore)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        if (xs.length == 0) {
            return null;
        }
        return figure(Summary.of(xs));
    }

    private RunReport.ModelFigures figures(String name, String role, List<GenerationEntity> generations,
                                           List<ComparisonEntity> comparisons, long wins,
                                           Optional<ReferenceScorer> scorer, boolean candidate) {
        List<GenerationEntity> mine = generations.stream().filter(g -> role.equals(g.role)).toList();
        long errors = mine.stream().filter(g -> g.error != null).count();
        long answers = mine.size() - errors;
        double[] latencies = mine.stream().filter(g -> g.error == null && g.latencyMs != null)
                .mapToDouble(g -> g.latencyMs).toArray();
        Summary latency = Summary.of(latencies);
        Summary firstToken = Summary.of(mine.stream().filter(g -> g.error == null && g.firstTokenMs != null)
                .mapToDouble(g -> g.firstTokenMs).toArray());
        Double total = sumCost(mine.stream().map(g -> g.cost).toList());
        Summary perAnswer = Summary.of(mine.stream().filter(g -> g.error == null && g.cost != null)
                .mapToDouble(g -> g.cost).toArray());
        RunReport.ScoreFigure benchmark = null;
        Map<String, Long> failedChecks = null;
        if (scorer.isPresent()) {
            List<AnswerScore> scores = new ArrayList<>();
            for (ComparisonEntity c : comparisons) {
                AnswerScore s = readScore(candidate ? c.candidateDetail : c.baselineDetail);
                if (s != null) {
                    scores.add(s);
                }
            }
            benchmark = scorer.get().benchmark(scores).map(ResultsService::figure).orElse(null);
            failedChecks = scorer.get().failedCheckCounts(scores);
        }
        Summary length = Summary.of(mine.stream().filter(g -> g.error == null && g.text != null)
                .mapToDouble(g -> g.text.codePointCount(0, g.text.length())).toArray());
        return new RunReport.ModelFigures(name, answers, errors, mine.stream().filter(g -> g.fromCache).count(),
                figure(length), figure(latency), figure(firstToken), figure(perAnswer), total,
                total == null || wins == 0 ? null : total / wins, benchmark, failedChecks,
                scorer.isPresent() ? null : style(comparisons, candidate));
    }

    /** Means of the style scorer's measures over one side's answers; null when the run measured no style. */
    private static Map<String, RunReport.ScoreFigure> style(List<ComparisonEntity> comparisons, boolean candidate) {
        Map<String, List<Double>> parts = new TreeMap<>();
        for (ComparisonEntity c : comparisons) {
            if (readScore(candidate ? c.candidateDetail : c.baselineDetail) instanceof AnswerScore.Scored s) {
                s.parts().forEach((k, v) -> parts.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Map<String, RunReport.ScoreFigure> out = new java.util.LinkedHashMap<>();
        parts.forEach((k, v) -> out.put(k, figure(Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray()))));
        return out;
    }

    private static RunReport.ScoreFigure figure(Summary s) {
        return s.n() == 0 ? null : new RunReport.ScoreFigure(s.n(), s.mean(), s.interval());
    }

    private static final ObjectMapper DETAIL_JSON = new ObjectMapper();

    /** A stored answer score (a reference scorer's detail) read back; null when there is none. */
    static AnswerScore readScore(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            JsonNode node = DETAIL_JSON.readTree(detail);
            if (node.has("value")) {
                Map<String, Double> parts = new java.util.LinkedHashMap<>();
                node.path("parts").fields().forEachRemaining(e -> parts.put(e.getKey(), e.getValue().asDouble()));
                return new AnswerScore.Scored(node.get("value").asDouble(), parts);
            }
            return new AnswerScore.Unscored(node.path("reason").asText("unscored"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable score detail", e);
        }
    }

    private static Double sumCost(List<Double> costs) {
        return costs.stream().anyMatch(java.util.Objects::nonNull)
                ? costs.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum() : null;
    }
}
