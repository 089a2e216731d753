package io.claimbench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.cluster.ExclusiveTransactions;
import io.claimbench.support.LogWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances that start together on a database that has not seen the catalog yet: each indexes it in its own
 * transaction at the same moment. Every one starts, and each eval set and prompt version is in the index once. Each
 * instance is a {@link CatalogService} of its own (as in its own process), so nothing in this JVM keeps them apart but
 * what the service does itself. On H2 here, on PostgreSQL in {@link PostgresCatalogRaceTest}.
 */
@QuarkusTest
class CatalogRaceTest {

    private static final int INSTANCES = 3;
    private static final int SETS = 4;
    private static final int PROMPTS = 120;

    @Inject
    ObjectMapper json;

    @Inject
    ExclusiveTransactions exclusive;

    @TempDir
    Path dir;

    @Test
    void should_index_each_set_and_prompt_once_when_instances_start_together_on_an_empty_database() throws Exception {
        Path sets = Files.createDirectories(dir.resolve("eval-sets"));
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < SETS; s++) {
            String id = "misc-race-" + (char) ('a' + s);
            ids.add(id);
            Files.writeString(sets.resolve(id + ".yaml"), set(id));
        }
        assertThat(indexedSets()).as("the sets are new to the database").isZero();

        LogWindow log = LogWindow.open();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<List<EvalSet>>> starts = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                CatalogService instance = new CatalogService(PromptVersioningTest.config(sets), Clock.systemUTC(), json, exclusive);
                starts.add(pool.submit(() -> {
                    start.await();
                    return instance.reload();
                }));
            }
            start.countDown();
            for (Future<List<EvalSet>> s : starts) {
                assertThat(s.get(120, TimeUnit.SECONDS)).extracting(EvalSet::id).containsExactlyInAnyOrderElementsOf(ids);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(indexedSets()).isEqualTo(SETS);
        for (String id : ids) {
            List<PromptVersionEntity> versions = QuarkusTransaction.requiringNew().call(() ->
                    PromptVersionEntity.list("evalSetId", id));
            assertThat(versions).as(id).hasSize(PROMPTS).allMatch(v -> v.currentVersion);
            assertThat(versions).extracting(v -> v.promptId).doesNotHaveDuplicates();
        }
        assertThat(log.written()).doesNotContain(LogWindow.CONSTRAINT_VIOLATIONS);
    }

    private long indexedSets() {
        return QuarkusTransaction.requiringNew().call(() -> EvalSetEntity.count("id like ?1", "misc-race-%"));
    }

    private static String set(String id) {
        StringBuilder yaml = new StringBuilder("""
                id: %s
                title: "Indexed by several instances at once"
                claim:
                  quote: "q"
                  source: "s"
                hypothesis:
                  metric: win-rate
                  comparator: ">"
                  threshold: 0.5
                scorer: pairwise-judge
                judge-template: everyday
                categories: [c]
                prompts:
                """.formatted(id));
        for (int p = 1; p <= PROMPTS; p++) {
            yaml.append("  - id: ").append(id).append("-").append(p).append("\n    category: c\n    text: \"Prompt ")
                    .append(p).append(" of ").append(id).append("\"\n");
        }
        return yaml.toString();
    }
}
