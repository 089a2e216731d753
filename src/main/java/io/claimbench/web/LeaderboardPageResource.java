package io.claimbench.web;

import io.claimbench.results.Rater;
import io.claimbench.api.LeaderboardView;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.results.LeaderboardService;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The leaderboard of an eval set: Bradley-Terry ratings with their bootstrap intervals over every recorded
 * comparison, and the models' reference scores; the figures of GET /api/leaderboard with its defaults.
 */
@Path("/leaderboard")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class LeaderboardPageResource {

    static final int RESAMPLES = 1000;

    private final LeaderboardService leaderboard;
    private final CatalogService catalog;
    private final PageAccess access;

    public LeaderboardPageResource(LeaderboardService leaderboard, CatalogService catalog, PageAccess access) {
        this.leaderboard = leaderboard;
        this.catalog = catalog;
        this.access = access;
    }

    @GET
    public TemplateInstance board(@QueryParam("evalSet") String evalSet, @QueryParam("category") String category,
                                  @QueryParam("rater") String raterParam) {
        access.requireReader("/leaderboard");
        List<String> sets = catalog.all().stream().map(EvalSet::id).sorted().toList();
        if (evalSet == null || evalSet.isBlank()) {
            return Pages.leaderboard(sets, null, access.signedIn());
        }
        EvalSet set = catalog.find(evalSet).orElse(null);
        if (set == null && !catalog.isIndexed(evalSet)) {
            throw new PageException(404, "There is no eval set '" + evalSet + "'.");
        }
        String c = category == null || category.isBlank() ? null : category;
        if (set != null && c != null && !set.categories().contains(c)) {
            throw new PageException(400, "Eval set '" + evalSet + "' has no category '" + c + "'.");
        }
        Rater rater = raterParam == null || raterParam.isBlank() ? Rater.JUDGES : Rater.parse(raterParam)
                .orElseThrow(() -> new PageException(400, "Rated by: judges or humans."));
        LeaderboardView board = LeaderboardView.of(evalSet, c, rater, RESAMPLES, 0,
                leaderboard.ratings(rater, evalSet, c, null, RESAMPLES, 0), leaderboard.scores(evalSet, c));
        return Pages.leaderboard(sets, board, access.signedIn());
    }
}
