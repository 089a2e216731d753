package io.claimbench.runs;

import io.claimbench.catalog.PublishedFigure;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
import io.claimbench.stats.PairCounts;

import java.time.Instant;
import java.util.List;

/**
 * The scored results of a run: overall and per category, wins/ties/losses with unscored and errors apart, the
 * candidate's win rate (ties as half) with its 95% interval and n, the hypothesis verdict, and per model latency,
 * cost and (for reference scorers) the benchmark score.
 */
public record RunReport(Run run, Hypothesis hypothesis, List<PublishedFigure> published, Group overall,
                        List<Group> categories, Models models, Judging judging, Savings savings, Humans humans) {

    /**
     * Human votes on the run's comparisons: how the people agree with each other (per pair of voters) and how the
     * judge agrees with their majority (the verdict more than half of the votes give), with and
     * without ties, as raw agreement and Cohen's kappa. Null when no one voted.
     */
    public record Humans(long votes, List<String> voters, List<VoterAgreement> betweenVoters, long majorities,
                         io.claimbench.stats.Agreement.Result judgeWithMajority) {
    }

    public record VoterAgreement(String a, String b, io.claimbench.stats.Agreement.Result agreement) {
    }

    /**
     * What stopping early saved: the items not run, and the calls and cost they would have taken at the
     * run's average so far. Null unless the run stopped early.
     */
    public record Savings(long itemsNotRun, long callsSaved, Double costSaved) {
    }

    public record Run(String id, String state, String reason, String evalSet, String evalSetHash, String candidate,
                      String baseline, String scorer, String judge, String judgeTemplate, String judgeTemplateHash,
                      int samples, long seed, Double temperature, boolean earlyStop, int totalItems, long completedItems,
                      String gitRevision, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    public record Hypothesis(String metric, String comparator, double threshold, String statement) {
    }

    /**
     * Outcomes of one category (or all, when category is null) and the verdict on the hypothesis there, with the
     * sign test's one-sided p-value and, when inconclusive, about how many more decided pairs would settle it.
     */
    public record Group(String category, PairCounts counts, WinRateFigure winRate, ClaimVerdict verdict,
                        double pValue, Long morePairsNeeded, ScoreFigure candidateMeanScore,
                        ScoreFigure baselineMeanScore, io.claimbench.stats.McNemar.Result pairedAccuracy) {
    }

    /**
     * Win rate with ties as half (or the judge's probability, for imported verdicts) over the n decided
     * comparisons, with its standard error, the discrete rate (wins + ties/2) / n, the prompt-clustered bootstrap
     * interval (which decides the verdict) and the Wilson interval; nulls when n = 0.
     */
    public record WinRateFigure(long n, Double value, Double standardError, Double discrete, Interval interval,
                                Interval wilson, TiesExcluded tiesExcluded, Graded graded) {
    }

    /** The win rate over wins and losses only (ties left out), with its Wilson interval. */
    public record TiesExcluded(long n, Double value, Interval wilson) {
    }

    /**
     * The graded win rate, as Arena-Hard weighs strong verdicts: each judged pair's summed strength s (-4..4 over
     * both games) counts as (s + 4) / 8, so A>>B twice is a full win and A>B twice three quarters. An estimate
     * beside the plain rate, for judged runs only.
     */
    public record Graded(long n, Double value, Interval interval) {
    }

    public record ScoreFigure(long n, Double mean, Interval interval) {
    }

    public record Models(ModelFigures candidate, ModelFigures baseline) {
    }

    /**
     * One model's answers: latency and time to first token (streamed answers only) in ms, cost per answer (only
     * answers with a price; cached answers cost 0), total cost and cost per win, and the benchmark score of a
     * reference scorer, each with its n and interval where it is a mean.
     */
    public record ModelFigures(String name, long answers, long errors, long fromCache, ScoreFigure lengthChars,
                               ScoreFigure latencyMs, ScoreFigure firstTokenMs, ScoreFigure costPerAnswer,
                               Double totalCost, Double costPerWin, ScoreFigure benchmarkScore) {
    }

    /**
     * The judge's work and quality in this run: position consistency (share of pairs whose verdict survives the
     * swap) and first-position win rate (0.5 without bias) with its interval, whether the judge is of the
     * same model family as a contestant (then it may favour its own: read its verdicts with care), and the pairs
     * in which an answer tried to steer the judge, with their outcomes.
     */
    public record Judging(String judge, long games, long scored, long unscored, long errors, long fromCache,
                          Double totalCost, io.claimbench.stats.PositionBias positionBias, String sameFamilyAs,
                          long flaggedPairs, PairCounts flaggedOutcomes) {
    }
}
