package io.claimbench.api;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import io.claimbench.auth.Callers;
import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.results.ComparisonQuery;
import io.claimbench.results.ResultsService;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunProgress;
import io.claimbench.runs.RunRequest;
import io.claimbench.runs.RunService;
import io.claimbench.stats.PairOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

@RolesAllowed(Roles.READER)
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

    private final RunService runs;
    private final ResultsService results;
    private final ComparisonQuery comparisons;
    private final Callers callers;
    private final IdempotentRuns idempotent;

    public RunResource(RunService runs, ResultsService results, ComparisonQuery comparisons, Callers callers,
                       IdempotentRuns idempotent) {
        this.idempotent = idempotent;
        this.runs = runs;
        this.callers = callers;
        this.results = results;
        this.comparisons = comparisons;
    }

    /**
     * Starts a comparison of a candidate with a baseline on an eval set. Checked in one place, {@code RunValidator},
     * after the names are parsed here; each error names its field.
     */
    public record StartRunRequest(@Name String evalSet, @Name String candidate, @Name String baseline, @Name String judge,
                                  @Name String scorer, @Name String judgeTemplate, Integer samples, Long seed,
                                  Double temperature, Integer concurrency, Double costCap, Boolean cache, Boolean earlyStop,
                                  @Size(max = 16, message = "at most 16 judges") List<@Name String> judges,
                                  @Name String judgeAggregate, @Name String swap, Double swapAudit, @Name String comparator,
                                  Double threshold, @Valid RegressionRequest regression) {

        RunRequest toRequest() {
            return new RunRequest(evalSet, new RunRequest.Contestants(candidate, baseline),
                    new RunRequest.Judging(RunRequest.parseScorer(scorer), judge, judges, judgeTemplate,
                            RunRequest.parseAggregate(judgeAggregate), RunRequest.parseSwap(swap), swapAudit),
                    new RunRequest.Sampling(samples, seed, temperature),
                    new RunRequest.Limits(concurrency, costCap, cache, earlyStop),
                    new RunRequest.Claim(comparator, threshold,
                            regression == null ? null : new RunRequest.Regression(regression.margin())));
        }
    }

    /**
     * Regression mode: is the candidate worse than the baseline in production by more than {@code margin} (in [0,
     * 0.5))? Its win rate is held to 0.5 - margin, its accuracy and benchmark score to the baseline's less the margin.
     */
    public record RegressionRequest(Double margin) {
    }

    /** With an Idempotency-Key, a retry answers as the first request did (202, same Location), see IdempotentRuns. */
    @RolesAllowed(Roles.RUNNER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startRun", summary = "Start a run",
            description = "Checks the request, records the run and its work items, and starts it in the background. "
                    + "With an Idempotency-Key, a retry of the same request answers with the run the first one started "
                    + "(same Location, Idempotent-Replayed: true); the same key with another body is a 422.")
    @APIResponse(responseCode = "202", description = "The run, recorded and started; follow it at Location.",
            headers = {@Header(name = "Location", description = "The run's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = IdempotentRuns.REPLAYED, description = "true when an earlier request with this Idempotency-Key started the run",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response start(@Valid @NotNull StartRunRequest body,
                          @Parameter(name = IdempotentRuns.HEADER, in = ParameterIn.HEADER, required = false,
                                  description = "1 to 200 printable ASCII characters (a UUID, for instance), the caller's own: "
                                          + "retries with it start one run", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                          @HeaderParam(IdempotentRuns.HEADER) String idempotencyKey,
                          @Context HttpHeaders headers, UriInfo uri) {
        IdempotentRuns.Started started = idempotent.start(body, body.toRequest(), headers.getRequestHeader(IdempotentRuns.HEADER),
                callers.current());
        RunEntity run = started.run();
        URI location = uri.getBaseUriBuilder().path("api/runs").path(run.id).build();
        // A run just started is answered as recorded, all its items pending, without reading it back: the response
        // should not compete with the run's first calls for the cores. A replay answers with the run as it stands.
        RunView view = started.replayed() ? view(run.id) : RunView.of(run, RunProgress.started(run));
        Response.ResponseBuilder answer = Response.accepted(view).location(location);
        return (started.replayed() ? answer.header(IdempotentRuns.REPLAYED, "true") : answer).build();
    }

    @GET
    @Operation(operationId = "listRuns", summary = "List runs", description = "Newest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RunView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<RunView> list(@QueryParam("page") @DefaultValue("0") @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
                              @QueryParam("size") @DefaultValue("50") @Parameter(description = "Runs per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return runs.list(QueryNumbers.integer("page", page, 0, Integer.MAX_VALUE), QueryNumbers.integer("size", size, 1, 500)).stream().map(r -> RunView.of(r, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRun", summary = "Get a run", description = "Its request, state, cost and progress.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RunView get(@PathParam("id") String id) {
        return view(id);
    }

    @RolesAllowed(Roles.RUNNER)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "cancelRun", summary = "Cancel a run",
            description = "Stops a run in flight; what it recorded stays. A run that has ended is answered as it is.")
    @APIResponse(responseCode = "200", description = "The run after cancelling",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RunView cancel(@PathParam("id") String id) {
        runs.cancel(id).orElseThrow(() -> notFound(id));
        return view(id);
    }

    @GET
    @Path("/{id}/results")
    @Operation(operationId = "getRunResults", summary = "Get a run's results",
            description = "Counts, win rate with its interval, verdict, per category; per-model figures; judges, agreement and position bias.")
    @APIResponse(responseCode = "200", description = "The results so far (final once the run has ended)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunResultsView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RunResultsView results(@PathParam("id") String id) {
        return RunResultsView.of(results.report(id).orElseThrow(() -> notFound(id)));
    }

    @GET
    @Path("/{id}/comparisons")
    @Operation(operationId = "listRunComparisons", summary = "List a run's comparisons",
            description = "Each pair: the prompt, both answers, both games, the verdicts and the judge's rationale.")
    @APIResponse(responseCode = "200", description = "One page of comparisons",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonPageView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ComparisonPageView comparisons(@PathParam("id") String id,
                                          @QueryParam("page") @DefaultValue("0") @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String pageParam,
                                          @QueryParam("size") @DefaultValue("20") @Parameter(description = "Comparisons per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) String sizeParam,
                                          @QueryParam("category") @Parameter(description = "Only this category of the eval set") String category,
                                          @QueryParam("outcome") @Parameter(description = "Only pairs with this outcome for the candidate", schema = @Schema(type = SchemaType.STRING, enumeration = {"win", "tie", "loss", "unscored", "error"})) String outcome,
                                          @QueryParam("after") @Parameter(description = "The next cursor of the previous page: the page after it, by keyset (instead of a page number)") String afterParam) {
        int page = QueryNumbers.integer("page", pageParam, 0, Integer.MAX_VALUE);
        int size = QueryNumbers.integer("size", sizeParam, 1, 200);
        Long after = null;
        if (afterParam != null) {
            if (page != 0) {
                throw new ApiInputException(400, "after", "give either page or after, not both");
            }
            after = QueryNumbers.whole("after", afterParam);
            if (after < 0) {
                throw new ApiInputException(400, "after", "after must be a cursor given as next by a page");
            }
        }
        runs.find(id).orElseThrow(() -> notFound(id));
        PairOutcome o = null;
        if (outcome != null) {
            try {
                o = PairOutcome.valueOf(outcome.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiInputException(400, "outcome", "outcome must be one of win, tie, loss, unscored, error");
            }
        }
        return ComparisonPageView.of(comparisons.page(id, category, o, page, size, after));
    }

    /** Progress as server-sent events, about twice a second, ending with the run's final state. */
    @GET
    @Path("/{id}/events")
    @Operation(operationId = "getRunEvents", summary = "Follow a run's progress",
            description = "Server-sent events, about twice a second, each a progress document; the last is the run's final state.")
    @APIResponse(responseCode = "200", description = "A stream of progress events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = RunProgressView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<RunProgressView> events(@PathParam("id") String id) {
        runs.find(id).orElseThrow(() -> notFound(id));
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(Duration.ofMillis(500))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(t -> runs.progress(id).orElseThrow())
                // Emits the final state, then ends at the next tick.
                .select().first(p -> !ended.getAndSet(p.terminal()))
                .map(RunProgressView::of);
    }

    private RunView view(String id) {
        RunEntity r = runs.find(id).orElseThrow(() -> notFound(id));
        return RunView.of(r, runs.progress(id).orElse(null));
    }

    private static ApiInputException notFound(String id) {
        return ApiInputException.notFound("unknown run '" + id + "'");
    }
}
