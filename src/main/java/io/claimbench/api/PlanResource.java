package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.results.PlanService;
import io.claimbench.runs.RunRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plans a run: pairs, calls and cost for a claimed effect, before anything is paid. */
@RolesAllowed(Roles.READER)
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    private final PlanService planner;

    public PlanResource(PlanService planner) {
        this.planner = planner;
    }

    public record PlanRequestBody(String evalSet, @DecimalMin("0") @DecimalMax("1") Double threshold, String comparator,
                                  @NotNull @DecimalMin("0") @DecimalMax("1") Double expectedWinRate,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double power,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5") Double alpha,
                                  @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double lostShare,
                                  @Min(1) Integer samples, String candidate, String baseline, String judge,
                                  @Min(1) Integer answerTokens, @Min(1) Integer judgeOutputTokens,
                                  java.util.List<String> judges, String swap,
                                  @DecimalMin("0") @DecimalMax("1") Double swapAudit) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "planRun", summary = "Plan a run",
            description = "Decided pairs for the wanted power, pairs to run, calls and cost at the models' prices, with the assumptions.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public PlanView plan(@Valid @NotNull PlanRequestBody body) {
        return PlanView.of(planner.plan(new PlanService.PlanRequest(body.evalSet(), body.threshold(), body.comparator(),
                body.expectedWinRate(), body.power(), body.alpha(), body.lostShare(), body.samples(), body.candidate(),
                body.baseline(), body.judge(), body.answerTokens(), body.judgeOutputTokens(), body.judges(), RunRequest.parseSwap(body.swap()),
                body.swapAudit())));
    }
}
