package io.claimbench.results;

import io.claimbench.catalog.Hypothesis;
import io.claimbench.catalog.PublishedFigure;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.SwapMode;
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
                        List<Group> categories, Models models, Judging judging, Savings savings, Humans humans,
                        Epochs epochs, Efficiency efficiency, Regression regression) {

    /**
     * Regression mode (null without a margin): is the candidate worse than the baseline, the version in production,
     * by more than the margin? Each applicable measure with its 95% interval against its bar: the win rate
     * (prompt-clustered bootstrap, as the hypothesis verdict) against 0.5 - margin, for every run; the accuracy
     * difference (Newcombe's paired interval, McNemar's p-value beside it) against -margin, for right-or-wrong
     * scorers; the benchmark score difference (normal interval of the paired mean difference) against
     * -margin x |baseline's mean|, for scorers with a benchmark figure. The win rate also per category; the verdict
     * is over the measures of the whole eval set.
     */
    public record Regression(double margin, double bar, List<RegressionMeasure> measures,
                             List<RegressionMeasure> categories, io.claimbench.stats.RegressionVerdict verdict) {
        public Regression {
            measures = List.copyOf(measures);
            categories = List.copyOf(categories);
        }
    }

    /**
     * One measure against its bar: n, the candidate's figure (win rate, or candidate - baseline), its interval, the
     * verdict, McNemar's p-value for the accuracy difference, and both sides' means over the same items for the
     * differences. {@code category} null for the whole eval set.
     */
    public record RegressionMeasure(String metric, String category, String statement, long n, Double value,
                                    Interval interval, double bar, io.claimbench.stats.RegressionVerdict verdict,
                                    Double pValue, Double candidateMean, Double baselineMean) {
    }

    /**
     * Speed and price, candidate against baseline over the same work items: time to first token (streamed answers),
     * total latency and cost per answer at list price (token counts x the model's price, so cached answers count
     * what they would cost), each as means, difference and ratio with prompt-clustered bootstrap intervals; cost per
     * win; and the verdict on each efficiency claim of the eval set. Recorded answers carry no timings: n is 0.
     */
    public record Efficiency(io.claimbench.stats.PairedRatio.Result firstTokenMs,
                             io.claimbench.stats.PairedRatio.Result latencyMs,
                             io.claimbench.stats.PairedRatio.Result costPerAnswer,
                             io.claimbench.stats.PairedRatio.CostPerWin costPerWin, List<EfficiencyClaim> claims) {
    }

    /** One efficiency claim: the candidate/baseline ratio, its n and interval, and the verdict the interval gives. */
    public record EfficiencyClaim(String metric, String comparator, double threshold, String statement, long n,
                                  Double ratio, Interval interval, ClaimVerdict verdict) {
    }

    /**
     * Repeated samples per prompt (epochs): the win rate of each sample index on its own, how much it varies from
     * one epoch to the next (mean, sample standard deviation, range), and the share of prompts whose outcome is the
     * same in every epoch. Null for runs of one sample.
     */
    public record Epochs(int samples, List<Epoch> epochs, Double mean, Double standardDeviation, Double min, Double max,
                         long prompts, Double consistentShare) {
    }

    /** One epoch: the win rate over its n decided pairs with the Wilson interval. */
    public record Epoch(int sample, long n, Double winRate, Interval wilson) {
    }

    /**
     * Human votes on the run's comparisons: how the people agree with each other (per pair of voters) and how the
     * judge agrees with their majority (the verdict more than half of the votes give), with and
     * without ties, as raw agreement and Cohen's kappa; and the candidate's win rate by the votes. Null when no one
     * voted.
     */
    public record Humans(long votes, List<String> voters, List<RaterAgreement> betweenVoters, long majorities,
                         io.claimbench.stats.Agreement.Result judgeWithMajority, HumanWinRate winRate) {
    }

    /**
     * The candidate's win rate by the human votes (a tie as half) over n votes, with the prompt-clustered bootstrap
     * interval; value and interval null when n = 0.
     */
    public record HumanWinRate(long n, Double value, Interval interval) {
    }

    /** How two raters (people, or judges of a panel) agree on the pairs both labelled, raw and as Cohen's kappa. */
    public record RaterAgreement(String a, String b, io.claimbench.stats.Agreement.Result agreement) {
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
                      boolean errorBudgetExceeded, String gitRevision, Instant createdAt, Instant startedAt, Instant finishedAt) {
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
     * reference scorer, each with its n and interval where it is a mean; for scorers made of named checks (ASCII
     * art), how many of the model's scored answers failed each check; in judged runs whose eval set names a style
     * scorer, the mean of each style measure over the model's answers (words, list items, open question...), so
     * that a reader sees how the answers that won differ.
     */
    public record ModelFigures(String name, long answers, long errors, long fromCache, ScoreFigure lengthChars,
                               ScoreFigure latencyMs, ScoreFigure firstTokenMs, ScoreFigure costPerAnswer,
                               Double totalCost, Double costPerWin, ScoreFigure benchmarkScore,
                               java.util.Map<String, Long> failedChecks, java.util.Map<String, ScoreFigure> style) {
    }

    /**
     * The judge's work and quality in this run: position consistency (share of pairs whose verdict survives the
     * swap) and first-position win rate (0.5 without bias) with its interval, whether the judge is of the
     * same model family as a contestant (then it may favour its own: read its verdicts with care), and the pairs
     * in which an answer tried to steer the judge, with their outcomes.
     */
    public record Judging(String judge, long games, long scored, long unscored, long errors, long fromCache,
                          Double totalCost, io.claimbench.stats.PositionBias positionBias, String sameFamilyAs,
                          long flaggedPairs, PairCounts flaggedOutcomes, List<String> judges, JudgeAggregate aggregate,
                          Swap swap, List<JudgeFigures> perJudge, List<RaterAgreement> agreement,
                          Long identicalPairs, StructuredVerdicts structuredOutput) {
    }

    /**
     * How many of the judges' answered pairwise games had their verdict read from structured output (an answer
     * given under the verdict's JSON schema) rather than from the text, with the share's Wilson interval.
     */
    public record StructuredVerdicts(long games, long structured, Double share, Interval wilson) {
        static StructuredVerdicts of(long games, long structured) {
            Double share = games == 0 ? null : (double) structured / games;
            return new StructuredVerdicts(games, structured, share,
                    share == null ? null : io.claimbench.stats.WinRate.wilson(share, games, io.claimbench.stats.WinRate.Z95));
        }
    }

    /**
     * How the orders were judged. Under adaptive swap the second order is judged only for pairs whose first verdict
     * was not decisive and for the audited pairs (a seeded random share); the position bias above is then measured
     * on the audited pairs only, an unselected sample. Counts are judge-pair games: pairs x judges.
     */
    public record Swap(SwapMode mode, Double auditShareSet, long pairs, long secondOrderJudged, Double secondOrderShare,
                       long auditedPairs, Double auditedShare, String positionBiasFrom) {
    }

    /**
     * One judge of the run on its own: its games, its verdicts combined per pair (as if it judged alone), the
     * candidate's win rate by its verdicts with the Wilson interval, and its position bias.
     */
    public record JudgeFigures(String judge, long games, long scored, long unscored, long errors, Double totalCost,
                               PairCounts verdicts, Double winRate, Interval wilson,
                               io.claimbench.stats.PositionBias positionBias, String sameFamilyAs) {
    }
}
