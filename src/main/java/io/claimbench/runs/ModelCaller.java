package io.claimbench.runs;

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
 * Retry-After. Other failures are not retried. A stopped run stops retrying.
 */
@ApplicationScoped
public class ModelCaller {

    private final ModelRegistry registry;
    private final AnswerCache cache;
    private final RunsConfig config;

    public ModelCaller(ModelRegistry registry, AnswerCache cache, RunsConfig config) {
        this.registry = registry;
        this.cache = cache;
        this.config = config;
    }

    CallResult call(RunContext ctx, ModelSpec spec, GenerationRequest request, String cacheKey, String kind) {
        boolean cacheable = ctx.useCache && spec.provider() != Provider.RECORDED;
        if (cacheable) {
            Optional<Generation> hit = cache.get(cacheKey);
            if (hit.isPresent()) {
                return new CallResult(hit.get(), true, cacheKey, 0.0);
            }
        }
        Generation g = callWithRetries(ctx, spec, request);
        if (cacheable) {
            cache.put(cacheKey, kind, g);
        }
        return new CallResult(g, false, cacheKey, spec.cost(g.tokensIn(), g.tokensOut()));
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
                sleep(delay(ctx, attempt, e.retryAfter().orElse(null)));
            }
        }
    }

    private Generation once(RunContext ctx, ModelSpec spec, EndpointLimiter limiter, GenerationRequest request) {
        try {
            ctx.calls.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException();
        }
        try (EndpointLimiter.Permit ignored = limiter.acquire()) {
            return registry.endpoint(spec).generate(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException();
        } finally {
            ctx.calls.release();
        }
    }

    /** Exponential backoff with full jitter in [base/2, base], never shorter than Retry-After. */
    Duration delay(RunContext ctx, int attempt, Duration retryAfter) {
        long base = Math.min(config.backoffMax().toMillis(),
                config.backoffBase().toMillis() * (1L << Math.min(20, attempt - 1)));
        double jitter;
        synchronized (ctx.random) {
            jitter = ctx.random.nextDouble();
        }
        long backoff = (long) (base * (0.5 + 0.5 * jitter));
        if (retryAfter != null) {
            // Honour the server, with a little jitter on top so that many waiting calls do not return at once.
            return retryAfter.plusMillis((long) (jitter * 250));
        }
        return Duration.ofMillis(backoff);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException();
        }
    }
}
