package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.results.LeaderboardService;
import io.claimbench.stats.BradleyTerry;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Bradley-Terry ratings (Davidson ties, Elo scale) over every recorded comparison of an eval set, with
 * prompt-clustered bootstrap intervals. Each row carries its n.
 */
@RolesAllowed(Roles.READER)
@Path("/api/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final LeaderboardService leaderboard;
    private final CatalogService catalog;

    public LeaderboardResource(LeaderboardService leaderboard, CatalogService catalog) {
        this.leaderboard = leaderboard;
        this.catalog = catalog;
    }

    @GET
    public LeaderboardView get(@QueryParam("evalSet") String evalSet, @QueryParam("category") String category,
                               @QueryParam("anchor") String anchor,
                               @QueryParam("resamples") @DefaultValue("1000") String resamplesParam,
                               @QueryParam("seed") @DefaultValue("0") String seedParam) {
        int resamples = QueryNumbers.integer("resamples", resamplesParam, 0, 10_000);
        long seed = QueryNumbers.whole("seed", seedParam);
        if (evalSet == null || evalSet.isBlank()) {
            throw new ApiInputException(400, "evalSet", "evalSet is required");
        }
        EvalSet set = catalog.find(evalSet).orElse(null);
        if (set == null && !catalog.isIndexed(evalSet)) {
            throw new ApiInputException(404, "evalSet", "unknown eval set '" + evalSet + "'");
        }
        if (set != null && category != null && !set.categories().contains(category)) {
            throw new ApiInputException(400, "category", "eval set '" + evalSet + "' has no category '" + category + "'");
        }
        BradleyTerry.Ratings r;
        try {
            r = leaderboard.ratings(evalSet, category, anchor, resamples, seed);
        } catch (IllegalArgumentException e) {
            throw new ApiInputException(400, "anchor", e.getMessage());
        }
        return LeaderboardView.of(evalSet, category, resamples, seed, r, leaderboard.scores(evalSet, category));
    }
}
