package io.claimbench.runs;

import io.claimbench.models.Generation;

/** An answer and where it came from; cost is zero when it came from the cache (nothing was paid). */
record CallResult(Generation generation, boolean fromCache, String cacheKey, Double cost) {
}
