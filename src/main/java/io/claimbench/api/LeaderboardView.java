package io.claimbench.api;

import io.claimbench.results.LeaderboardService;
import io.claimbench.results.Rater;
import io.claimbench.stats.BradleyTerry;

import java.util.List;
import java.util.Map;

/**
 * The leaderboard of an eval set (GET /api/leaderboard): ratings over every recorded comparison and the models'
 * reference scores, as the API's own types, mapped from {@link BradleyTerry.Ratings} and
 * {@link LeaderboardService.ModelScore} here only.
 */
public record LeaderboardView(String evalSet, String category, String rater, String method, String anchor, long battles,
                              double tieParameter, int resamples, long seed, List<RatingView> ratings,
                              List<ModelScoreView> scores) {

    /** How the ratings are fitted, for a reader who sees the table without the code. */
    static final String METHOD = "bradley-terry-davidson, elo scale, clustered bootstrap";

    /** The board as asked for: {@code resamples} and {@code seed} are the request's, echoed for reproduction. */
    public static LeaderboardView of(String evalSet, String category, int resamples, long seed, BradleyTerry.Ratings r,
                                     List<LeaderboardService.ModelScore> scores) {
        return of(evalSet, category, Rater.JUDGES, resamples, seed, r, scores);
    }

    /** {@code rater}: whose verdicts the ratings come from, the judges' or the human votes'. */
    public static LeaderboardView of(String evalSet, String category, Rater rater, int resamples, long seed,
                                     BradleyTerry.Ratings r, List<LeaderboardService.ModelScore> scores) {
        return new LeaderboardView(evalSet, category, rater.label(), METHOD, r.anchor(), r.battles(), r.tieParameter(), resamples, seed,
                Views.list(r.ratings(), RatingView::of), Views.list(scores, ModelScoreView::of));
    }

    /** One model's rating (Elo scale) with its interval and record. */
    public record RatingView(String model, double rating, Double lower, Double upper, long wins, long ties,
                             long losses) {

        static RatingView of(BradleyTerry.Rating r) {
            return r == null ? null : new RatingView(r.model(), r.rating(), r.lower(), r.upper(), r.wins(), r.ties(),
                    r.losses());
        }
    }

    /** One model's mean score under a reference scorer, with n, interval and failed checks by name. */
    public record ModelScoreView(String model, String scorer, long n, long unscored, Double mean,
                                 IntervalView interval, Map<String, Long> failedChecks) {

        static ModelScoreView of(LeaderboardService.ModelScore s) {
            return s == null ? null : new ModelScoreView(s.model(), s.scorer(), s.n(), s.unscored(), s.mean(),
                    IntervalView.of(s.interval()), s.failedChecks());
        }
    }
}
