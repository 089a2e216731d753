package io.claimbench.runs;

import io.claimbench.models.CallPermit;
import io.claimbench.models.EndpointException;
import io.claimbench.models.EndpointLimiter;
import io.claimbench.models.Generation;
import io.claimbench.models.GenerationRequest;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Calls a model for a run: through the cache, within the model's limits and the run's call slots, retrying
 * 429, 5xx, timeouts and network errors with exponential backoff and jitter, and waiting at least the server's
 * Retry-After. Other failures are not retried. A stopped run stops retrying. The cache and the run's cost wait for a
 * database that went away ({@link DatabaseRetry}). A fresh answer is not stored here: it is handed back with the
 * result, and stored with its work item (recorded or given back), so that a call costs no transaction of its own.
 */
@ApplicationScoped
public class ModelCaller {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ModelCaller.class);

    private final ModelRegistry registry;
    private final AnswerCache cache;
    private final RunsConfig config;
    private final WorkItemStore store;
    private final DatabaseRetry db;

    public ModelCaller(ModelRegistry registry, AnswerCache cache, RunsConfig config, WorkItemStore store, DatabaseRetry db) {
        this.db = db;
        this.registry = registry;
        this.cache = cache;
        this.config = config;
        this.store = store;
    }

    CallResult call(RunContext ctx, ModelSpec spec, GenerationRequest request, String cacheKey, String kind) {
        boolean cacheable = ctx.settings.cache() && spec.provider() != Provider.RECORDED;
        if (cacheable) {
            Optional<Generation> hit = db.call("reading the answer cache", () -> cache.get(cacheKey));
            if (hit.isPresent()) {
                return new CallResult(hit.get(), true, cacheKey, 0.0, null);
            }
        }
        Generation g = callWithRetries(ctx, spec, request);
        Double cost = spec.cost(g.tokensIn(), g.tokensOut());
        if (cost != null && cost > 0) {
            // Booked at once: a stop or crash before the item is recorded loses no spend.
            // A retry after a commit whose answer was lost may book this call twice: an overstatement, never a loss.
            double spent = db.call("booking a call's cost", () -> store.addCost(ctx.runId, cost));
            if (ctx.settings.costCap() != null && spent >= ctx.settings.costCap()) {
                ctx.stop(RunState.STOPPED, String.format(java.util.Locale.ROOT, "cost cap %.4f reached (spent %.4f)", ctx.settings.costCap(), spent));
            }
        }
        return new CallResult(g, false, cacheKey, cost, cacheable ? new AnswerCache.Entry(cacheKey, kind, g) : null);
    }

    private Generation callWithRetries(RunContext ctx, ModelSpec spec, GenerationRequest request) {
        EndpointLimiter limiter = registry.limiter(spec);
        for (int attempt = 1; ; attempt++) {
            if (ctx.stopped()) {
                throw new RunStoppedException();
            }
            try {
                return once(ctx, spec, limiter, request);
            } catch (EndpointException e) {
                if (!e.kind().retryable() || attempt >= config.maxAttempts()) {
                    throw attempt > 1 && e.kind().retryable()
                            ? new EndpointException(e.kind(), e.status().orElse(null), null,
                            e.getMessage() + " (after " + attempt + " attempts)")
                            : e;
                }
                Duration retryAfter = e.retryAfter().orElse(null);
                if (retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0) {
                    throw new EndpointException(e.kind(), e.status().orElse(null), retryAfter, e.getMessage()
                            + " (Retry-After " + retryAfter.toSeconds() + " s is longer than the "
                            + config.maxRetryAfter().toSeconds() + " s a run waits: claimbench.runs.max-retry-after)");
                }
                Duration wait = delay(ctx, attempt, retryAfter);
                LOG.infof("run %s: %s; retrying in %d ms (attempt %d of %d%s)", ctx.runId, e.getMessage(), wait.toMillis(),
                        attempt + 1, config.maxAttempts(), retryAfter == null ? "" : ", Retry-After " + retryAfter.toMillis() + " ms");
                sleep(ctx, wait);
            }
        }
    }

    /**
     * One call within the run's call slots and the model's limits: a permit the endpoint takes as near the wire as
     * it can ({@link CallPermit}), slot first, then the model's limits.
     */
    private Generation once(RunContext ctx, ModelSpec spec, EndpointLimiter limiter, GenerationRequest request) {
        CallPermit permit = () -> {
            ctx.calls.acquire();
            EndpointLimiter.Permit limits;
            try {
                limits = limiter.acquire();
            } catch (InterruptedException | RuntimeException e) {
                ctx.calls.release();
                throw e;
            }
            return () -> {
                try {
                    limits.close();
                } finally {
                    ctx.calls.release();
                }
            };
        };
        try {
            return registry.endpoint(spec).generate(request, permit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException();
        }
    }

    /** Exponential backoff with jitter in [base/2, base]; with a Retry-After, the longer of the two. */
    Duration delay(RunContext ctx, int attempt, Duration retryAfter) {
        long base = Math.min(config.backoffMax().toMillis(),
                config.backoffBase().toMillis() * (1L << Math.min(20, attempt - 1)));
        double jitter;
        synchronized (ctx.random) {
            jitter = ctx.random.nextDouble();
        }
        Duration backoff = Duration.ofMillis((long) (base * (0.5 + 0.5 * jitter)));
        if (retryAfter != null) {
            // Honour the server, with a little jitter on top so that many waiting calls do not return at once.
            Duration honoured = retryAfter.plusMillis((long) (jitter * 250));
            return honoured.compareTo(backoff) >= 0 ? honoured : backoff;
        }
        return backoff;
    }

    /** Sleeps in short slices, so that a stopped run does not wait out a long backoff. */
    private static void sleep(RunContext ctx, Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        try {
            for (long left = d.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                if (ctx.stopped()) {
                    throw new RunStoppedException();
                }
                Thread.sleep(Math.min(left, 100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException();
        }
    }
}
