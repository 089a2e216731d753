package io.claimbench.runs;

import io.claimbench.catalog.PromptItem;
import io.claimbench.models.Generation;
import io.claimbench.support.LogWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many work items storing the same answer at the same instant (identical prompts, or a judge asked the same thing
 * twice): one row, the first answer kept, no error, and nothing in the log about a constraint. On H2 here, on
 * PostgreSQL in {@link PostgresAnswerCacheConcurrencyTest}.
 */
@QuarkusTest
class AnswerCacheConcurrencyTest {

    private static final int THREADS = 32;
    private static final int ROUNDS = 10;

    @Inject
    AnswerCache cache;

    @Test
    void should_store_one_row_without_an_error_when_many_threads_put_one_key_at_once() throws Exception {
        LogWindow log = LogWindow.open();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String key = PromptItem.sha256("db-cache-race|" + UUID.randomUUID());
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<Boolean>> puts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Generation g = new Generation("answer from thread " + t, 10 + t, null, 100, 50);
                    puts.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return cache.put(key, "generation", g);
                    }));
                }
                int stored = 0;
                int winner = -1;
                for (int t = 0; t < THREADS; t++) {
                    if (puts.get(t).get(30, TimeUnit.SECONDS)) { // rethrows what a put threw
                        stored++;
                        winner = t;
                    }
                }
                assertThat(stored).as("puts that stored a row, round %d", round).isEqualTo(1);
                assertThat(rows(key)).isEqualTo(1);
                assertThat(cache.get(key)).get().extracting(Generation::text).isEqualTo("answer from thread " + winner);
                // A put after the race changes nothing either.
                assertThat(cache.put(key, "generation", new Generation("late answer", 1, null, 1, 1))).isFalse();
                assertThat(cache.get(key)).get().extracting(Generation::text).isEqualTo("answer from thread " + winner);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.written()).doesNotContain(LogWindow.CONSTRAINT_VIOLATIONS);
    }

    @Test
    void should_keep_every_field_of_a_stored_answer() {
        String key = PromptItem.sha256("db-cache-fields|" + UUID.randomUUID());
        assertThat(cache.put(key, "judgment", new Generation("text with ' quote and \u00e9", 1234, 56L, 7, 8))).isTrue();
        assertThat(cache.get(key)).contains(new Generation("text with ' quote and \u00e9", 1234, 56L, 7, 8));
        String bare = PromptItem.sha256("db-cache-nulls|" + UUID.randomUUID());
        assertThat(cache.put(bare, "generation", new Generation("x", 0, null, null, null))).isTrue();
        assertThat(cache.get(bare)).contains(new Generation("x", 0, null, null, null));
        CacheEntry e = QuarkusTransaction.requiringNew().call(() -> CacheEntry.<CacheEntry>findById(key));
        assertThat(e.kind).isEqualTo("judgment");
        assertThat(e.createdAt).isNotNull();
    }

    private static long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> CacheEntry.count("cacheKey", key));
    }
}
