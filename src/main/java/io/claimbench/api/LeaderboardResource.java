package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.results.LeaderboardService;
import io.claimbench.results.Rater;
import io.claimbench.stats.BradleyTerry;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bradley-Terry ratings (Davidson ties, Elo scale) over every recorded comparison of an eval set, with
 * prompt-clustered bootstrap intervals. Each row carries its n.
 */
@RolesAllowed(Roles.READER)
@Path("/api/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leaderboard")
public class LeaderboardResource {

    private final LeaderboardService leaderboard;
    private final CatalogService catalog;

    public LeaderboardResource(LeaderboardService leaderboard, CatalogService catalog) {
        this.leaderboard = leaderboard;
        this.catalog = catalog;
    }

    @GET
    @Operation(operationId = "getLeaderboard", summary = "Get an eval set's leaderboard",
            description = "Bradley-Terry ratings (Davidson ties, Elo scale) with prompt-clustered bootstrap intervals, by the judges' verdicts or (rater=humans) the human votes alone; for reference-scored sets, each model's mean score.")
    @APIResponse(responseCode = "200", description = "The leaderboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeaderboardView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LeaderboardView get(@QueryParam("evalSet") @Parameter(description = "The eval set", required = true) String evalSet,
                               @QueryParam("category") @Parameter(description = "Only this category") String category,
                               @QueryParam("rater") @Parameter(description = "Whose verdicts: judges (default) or humans (the human votes alone)", schema = @Schema(type = SchemaType.STRING, enumeration = {"judges", "humans"}, defaultValue = "judges")) String raterParam,
                               @QueryParam("anchor") @Parameter(description = "The model shown at 1000 (default: the mean rating is 1000)") String anchor,
                               @QueryParam("resamples") @DefaultValue("1000") @Parameter(description = "Bootstrap resamples", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10000", defaultValue = "1000")) String resamplesParam,
                               @QueryParam("seed") @DefaultValue("0") @Parameter(description = "Bootstrap seed", schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0")) String seedParam) {
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
        Rater rater = raterParam == null ? Rater.JUDGES : Rater.parse(raterParam).orElseThrow(() ->
                new ApiInputException(400, "rater", "rater must be judges or humans"));
        BradleyTerry.Ratings r;
        try {
            r = leaderboard.ratings(rater, evalSet, category, anchor, resamples, seed);
        } catch (IllegalArgumentException e) {
            throw new ApiInputException(400, "anchor", e.getMessage());
        }
        return LeaderboardView.of(evalSet, category, rater, resamples, seed, r, leaderboard.scores(evalSet, category));
    }
}
