package io.claimbench.runs;

import io.claimbench.catalog.PromptVersionEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The prompt versions a run read last, by id, so that the items of a prompt sampled several times (and the items of
 * small eval sets) are not read from the database one by one; at most {@code capacity} of them, the least recently used
 * dropped first, so that memory is bounded whatever the run's size. Prompt versions never change once stored.
 */
final class RecentPrompts {

    private final Map<Long, PromptVersionEntity> recent;

    RecentPrompts(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, PromptVersionEntity> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Of {@code ids}, those not among the recent ones. */
    java.util.List<Long> missing(java.util.Collection<Long> ids) {
        synchronized (recent) {
            return ids.stream().distinct().filter(id -> !recent.containsKey(id)).toList();
        }
    }

    void put(PromptVersionEntity p) {
        synchronized (recent) {
            recent.put(p.id, p);
        }
    }

    /** The prompt version, read with {@code reader} (outside the lock) when it is not among the recent ones. */
    PromptVersionEntity get(long id, LongFunction<PromptVersionEntity> reader) {
        synchronized (recent) {
            PromptVersionEntity p = recent.get(id);
            if (p != null) {
                return p;
            }
        }
        PromptVersionEntity p = reader.apply(id);
        synchronized (recent) {
            recent.put(id, p);
        }
        return p;
    }
}
