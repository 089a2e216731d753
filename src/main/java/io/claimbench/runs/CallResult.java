package io.claimbench.runs;

import io.claimbench.models.Generation;

/**
 * An answer and where it came from; cost is zero when it came from the cache (nothing was paid). {@code fresh} is the
 * answer to store in the cache with the work item (null when it came from the cache or is not cached).
 */
record CallResult(Generation generation, boolean fromCache, String cacheKey, Double cost, AnswerCache.Entry fresh) {
}
