package io.claimbench.api;

import io.claimbench.results.RunReport;

import java.util.List;

/**
 * The judges' work and quality in a run: part of {@link RunResultsView}, the API's own types mapped from
 * {@link RunReport.Judging} here only. Aggregate and swap mode read as their labels ({@code majority},
 * {@code adaptive}), as the requests write them.
 */
public record JudgingView(String judge, long games, long scored, long unscored, long errors, long fromCache,
                          Double totalCost, PositionBiasView positionBias, String sameFamilyAs, long flaggedPairs,
                          CountsView flaggedOutcomes, List<String> judges, String aggregate, SwapView swap,
                          List<JudgeFiguresView> perJudge, List<RaterAgreementView> agreement,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          Long identicalPairs, StructuredView structuredOutput) {

    public static JudgingView of(RunReport.Judging j) {
        return j == null ? null : new JudgingView(j.judge(), j.games(), j.scored(), j.unscored(), j.errors(),
                j.fromCache(), j.totalCost(), PositionBiasView.of(j.positionBias()), j.sameFamilyAs(), j.flaggedPairs(),
                CountsView.of(j.flaggedOutcomes()), j.judges(), j.aggregate() == null ? null : j.aggregate().label(),
                SwapView.of(j.swap()), Views.list(j.perJudge(), JudgeFiguresView::of),
                Views.list(j.agreement(), RaterAgreementView::of), j.identicalPairs(), StructuredView.of(j.structuredOutput()));
    }

    /** Answered pairwise games ({@code games}) whose verdict was read from structured output, with the share's interval. */
    public record StructuredView(long games, long structured, Double share, IntervalView wilson) {

        static StructuredView of(RunReport.StructuredVerdicts s) {
            return s == null ? null : new StructuredView(s.games(), s.structured(), s.share(), IntervalView.of(s.wilson()));
        }
    }

    /** How the orders were judged: under adaptive swap, how many second orders and audited pairs. */
    public record SwapView(String mode, Double auditShareSet, long pairs, long secondOrderJudged,
                           Double secondOrderShare, long auditedPairs, Double auditedShare, String positionBiasFrom) {

        static SwapView of(RunReport.Swap s) {
            return s == null ? null : new SwapView(s.mode() == null ? null : s.mode().label(), s.auditShareSet(),
                    s.pairs(), s.secondOrderJudged(), s.secondOrderShare(), s.auditedPairs(), s.auditedShare(),
                    s.positionBiasFrom());
        }
    }

    /** One judge of the run on its own: its games, its verdicts as if it judged alone, its position bias. */
    public record JudgeFiguresView(String judge, long games, long scored, long unscored, long errors, Double totalCost,
                                   CountsView verdicts, Double winRate, IntervalView wilson,
                                   PositionBiasView positionBias, String sameFamilyAs) {

        static JudgeFiguresView of(RunReport.JudgeFigures f) {
            return f == null ? null : new JudgeFiguresView(f.judge(), f.games(), f.scored(), f.unscored(), f.errors(),
                    f.totalCost(), CountsView.of(f.verdicts()), f.winRate(), IntervalView.of(f.wilson()),
                    PositionBiasView.of(f.positionBias()), f.sameFamilyAs());
        }
    }
}
