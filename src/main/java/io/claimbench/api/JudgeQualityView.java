package io.claimbench.api;

import io.claimbench.results.JudgeQualityService;

/**
 * One judge's quality over all recorded runs (GET /api/judges): the API's own types, mapped from
 * {@link JudgeQualityService.JudgeQuality} here only.
 */
public record JudgeQualityView(String judge, long runs, long games, long unscored, long errors,
                               PositionBiasView positionBias, AgreementView withHumanMajority,
                               SelfPreferenceView selfPreference) {

    public static JudgeQualityView of(JudgeQualityService.JudgeQuality q) {
        return q == null ? null : new JudgeQualityView(q.judge(), q.runs(), q.games(), q.unscored(), q.errors(),
                PositionBiasView.of(q.positionBias()), AgreementView.of(q.withHumanMajority()),
                SelfPreferenceView.of(q.selfPreference()));
    }

    /** A contestant of the judge's family: its win rate under this judge and under the others, and the difference. */
    public record SelfPreferenceView(String family, String contestant, long n, double winRate, long otherN,
                                     double otherJudgesWinRate, double difference) {

        static SelfPreferenceView of(JudgeQualityService.SelfPreference p) {
            return p == null ? null : new SelfPreferenceView(p.family(), p.contestant(), p.n(), p.winRate(), p.otherN(),
                    p.otherJudgesWinRate(), p.difference());
        }
    }
}
