package io.claimbench.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimbench.catalog.PublishedFigure;
import io.claimbench.results.RunReport;

import java.time.Instant;
import java.util.List;

/**
 * The results document of a run (GET /api/runs/{id}/results, the CLI's compare, and each run of an import): the
 * API's own types, mapped from {@link RunReport} here and in the section views beside it ({@link GroupView},
 * {@link ModelsView}, {@link JudgingView}, {@link EfficiencyView}, {@link RegressionView}), and nowhere else.
 * Components are declared in the order the document shows them; the regression section shows only in regression
 * mode, so that the documents of other runs stay as they were.
 */
public record RunResultsView(RunInfoView run, HypothesisView hypothesis, List<PublishedFigureView> published,
                             GroupView overall, List<GroupView> categories, ModelsView models, JudgingView judging,
                             SavingsView savings, HumansView humans, EpochsView epochs, EfficiencyView efficiency,
                             @JsonInclude(JsonInclude.Include.NON_NULL) RegressionView regression) {

    public static RunResultsView of(RunReport r) {
        return r == null ? null : new RunResultsView(RunInfoView.of(r.run()), HypothesisView.of(r.hypothesis()),
                Views.list(r.published(), PublishedFigureView::of), GroupView.of(r.overall()),
                Views.list(r.categories(), GroupView::of), ModelsView.of(r.models()), JudgingView.of(r.judging()),
                SavingsView.of(r.savings()), HumansView.of(r.humans()), EpochsView.of(r.epochs()),
                EfficiencyView.of(r.efficiency()), RegressionView.of(r.regression()));
    }

    /** What was run, on which eval set and code revision, and how far it came. */
    public record RunInfoView(String id, String state, String reason, String evalSet, String evalSetHash,
                              String candidate, String baseline, String scorer, String judge, String judgeTemplate,
                              String judgeTemplateHash, int samples, long seed, Double temperature, boolean earlyStop,
                              int totalItems, long completedItems, boolean errorBudgetExceeded, String gitRevision,
                              Instant createdAt,
                              Instant startedAt, Instant finishedAt) {

        static RunInfoView of(RunReport.Run r) {
            return r == null ? null : new RunInfoView(r.id(), r.state(), r.reason(), r.evalSet(), r.evalSetHash(),
                    r.candidate(), r.baseline(), r.scorer(), r.judge(), r.judgeTemplate(), r.judgeTemplateHash(),
                    r.samples(), r.seed(), r.temperature(), r.earlyStop(), r.totalItems(), r.completedItems(),
                    r.errorBudgetExceeded(), r.gitRevision(), r.createdAt(), r.startedAt(), r.finishedAt());
        }
    }

    /** The claim put to the test, with its comparator as written ({@code >=}, {@code >}, ...). */
    public record HypothesisView(String metric, String comparator, double threshold, String statement) {

        static HypothesisView of(RunReport.Hypothesis h) {
            return h == null ? null : new HypothesisView(h.metric(), h.comparator(), h.threshold(), h.statement());
        }
    }

    /** A figure the model maker published, for the results to be read against. */
    public record PublishedFigureView(String label, double value, String source) {

        static PublishedFigureView of(PublishedFigure f) {
            return f == null ? null : new PublishedFigureView(f.label(), f.value(), f.source());
        }
    }

    /** What stopping early saved; null unless the run stopped early. */
    public record SavingsView(long itemsNotRun, long callsSaved, Double costSaved) {

        static SavingsView of(RunReport.Savings s) {
            return s == null ? null : new SavingsView(s.itemsNotRun(), s.callsSaved(), s.costSaved());
        }
    }

    /**
     * Human votes: agreement between voters, of the judge with their majority, and the candidate's win rate by the
     * votes with its interval; null when no one voted.
     */
    public record HumansView(long votes, List<String> voters, List<RaterAgreementView> betweenVoters, long majorities,
                             AgreementView judgeWithMajority, HumanWinRateView winRate) {

        static HumansView of(RunReport.Humans h) {
            return h == null ? null : new HumansView(h.votes(), h.voters(),
                    Views.list(h.betweenVoters(), RaterAgreementView::of), h.majorities(),
                    AgreementView.of(h.judgeWithMajority()), HumanWinRateView.of(h.winRate()));
        }
    }

    /** The candidate's win rate by the human votes (a tie as half) over n votes, with the bootstrap interval. */
    public record HumanWinRateView(long n, Double value, IntervalView interval) {

        static HumanWinRateView of(RunReport.HumanWinRate w) {
            return w == null ? null : new HumanWinRateView(w.n(), w.value(), IntervalView.of(w.interval()));
        }
    }

    /** Repeated samples per prompt: each epoch's win rate and their spread; null for runs of one sample. */
    public record EpochsView(int samples, List<EpochView> epochs, Double mean, Double standardDeviation, Double min,
                             Double max, long prompts, Double consistentShare) {

        static EpochsView of(RunReport.Epochs e) {
            return e == null ? null : new EpochsView(e.samples(), Views.list(e.epochs(), EpochView::of), e.mean(),
                    e.standardDeviation(), e.min(), e.max(), e.prompts(), e.consistentShare());
        }
    }

    /** One epoch's win rate over its n decided pairs, with the Wilson interval. */
    public record EpochView(int sample, long n, Double winRate, IntervalView wilson) {

        static EpochView of(RunReport.Epoch e) {
            return e == null ? null : new EpochView(e.sample(), e.n(), e.winRate(), IntervalView.of(e.wilson()));
        }
    }
}
