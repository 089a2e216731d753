package io.claimbench.runs;

import io.claimbench.models.Generation;
import io.claimbench.catalog.PromptItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Id;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A work item's record is written in plain JDBC batches ({@link EntityRows}): every mapped field of a generation, a
 * judgment and a comparison reads back through Hibernate as it was written (so a column added to an entity cannot be
 * dropped silently), and the item's fresh answers are in the cache after the same transaction. On PostgreSQL in
 * {@link PostgresItemRecordTest}.
 */
@QuarkusTest
class ItemRecordTest {

    @Inject
    RunService runs;
    @Inject
    WorkItemStore store;
    @Inject
    AnswerCache cache;

    @Test
    void should_read_back_every_field_of_what_an_item_recorded_and_its_answers() throws Exception {
        RunEntity run = run(15001L);
        WorkItemEntity item = store.claim(run.id, "writer", 1, Duration.ofMinutes(5)).getFirst();
        GenerationEntity g1 = filled(new GenerationEntity(), run, item, 1);
        GenerationEntity g2 = filled(new GenerationEntity(), run, item, 2);
        JudgmentEntity j = filled(new JudgmentEntity(), run, item, 3);
        ComparisonEntity c = filled(new ComparisonEntity(), run, item, 4);
        c.promptVersionId = item.promptVersionId;
        String key = PromptItem.sha256("item-record|" + UUID.randomUUID());
        AnswerCache.Entry answer = new AnswerCache.Entry(key, "generation", new Generation("fresh answer", 12, 3L, 40, 50));

        assertThat(store.record(item.id, "writer", new WorkItemStore.ItemRecord(List.of(g1, g2), List.of(j), c, List.of(answer)))).isTrue();

        List<GenerationEntity> gens = QuarkusTransaction.requiringNew().call(() ->
                GenerationEntity.<GenerationEntity>list("workItemId = ?1 order by id", item.id));
        assertThat(gens).hasSize(2);
        assertSameFields(gens.get(0), g1);
        assertSameFields(gens.get(1), g2);
        assertSameFields(QuarkusTransaction.requiringNew().call(() -> JudgmentEntity.<JudgmentEntity>find("workItemId", item.id).singleResult()), j);
        assertSameFields(QuarkusTransaction.requiringNew().call(() -> ComparisonEntity.<ComparisonEntity>find("workItemId", item.id).singleResult()), c);
        assertThat(cache.get(key)).contains(answer.generation());
        assertThat(store.unfinished(run.id)).isEqualTo(run.totalItems - 1);
    }

    @Test
    void should_keep_the_answers_but_not_the_rows_of_an_item_taken_over() {
        RunEntity run = run(15002L);
        WorkItemEntity item = store.claim(run.id, "first", 1, Duration.ofMinutes(5)).getFirst();
        ComparisonEntity c = filled(new ComparisonEntity(), run, item, 5);
        c.promptVersionId = item.promptVersionId;
        String key = PromptItem.sha256("item-record-taken|" + UUID.randomUUID());
        AnswerCache.Entry answer = new AnswerCache.Entry(key, "judgment", new Generation("paid for", 7, null, 1, 2));

        assertThat(store.record(item.id, "second", new WorkItemStore.ItemRecord(List.of(), List.of(), c, List.of(answer)))).isFalse();

        assertThat(QuarkusTransaction.requiringNew().call(() -> ComparisonEntity.count("workItemId", item.id))).isZero();
        assertThat(cache.get(key)).contains(answer.generation());
    }

    @Test
    void should_store_the_answers_of_an_item_given_back() {
        RunEntity run = run(15003L);
        WorkItemEntity item = store.claim(run.id, "stopping", 1, Duration.ofMinutes(5)).getFirst();
        String key = PromptItem.sha256("item-record-released|" + UUID.randomUUID());
        store.release(item.id, List.of(new AnswerCache.Entry(key, "generation", new Generation("kept", 1, null, null, null))));
        assertThat(cache.get(key)).isPresent();
        assertThat(store.claim(run.id, "next", run.totalItems, Duration.ofMinutes(5))).extracting(w -> w.id).contains(item.id);
    }

    /**
     * The rows written here hold made-up values (not JSON where JSON is expected, labels no verdict has): removed, so
     * that the pages and reports of later tests in this application never read them.
     */
    @AfterEach
    void removeMadeUpRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (RunEntity r : RunEntity.<RunEntity>list("seed in ?1", List.of(15001L, 15002L, 15003L))) {
                GenerationEntity.delete("runId", r.id);
                JudgmentEntity.delete("runId", r.id);
                ComparisonEntity.delete("runId", r.id);
            }
        });
    }

    /** A run of the smoke eval set, ended at once: its items are handled by hand here, never by an executor resuming it. */
    private RunEntity run(long seed) {
        RunEntity run = runs.create(RunRequest.of("smoke", "cand", "base", "judge").with(new RunRequest.Sampling(1, seed, null)));
        QuarkusTransaction.requiringNew().run(() -> RunEntity.update("state = ?1 where id = ?2", RunState.CANCELLED, run.id));
        return run;
    }

    /** Sets every mapped field but the id to a value of its type that depends on {@code n}. */
    private static <T> T filled(T entity, RunEntity run, WorkItemEntity item, int n) {
        try {
            for (Field f : mapped(entity.getClass())) {
                Class<?> t = f.getType();
                Object v;
                if (f.getName().equals("runId")) {
                    v = run.id;
                } else if (f.getName().equals("workItemId")) {
                    v = item.id;
                } else if (f.getName().equals("cacheKey")) {
                    v = PromptItem.sha256("k" + n);
                } else if (t == String.class) {
                    v = "v" + n + f.getName().substring(0, Math.min(4, f.getName().length()));
                } else if (t == long.class || t == Long.class) {
                    v = 100L + n;
                } else if (t == int.class || t == Integer.class) {
                    v = n;
                } else if (t == boolean.class || t == Boolean.class) {
                    v = true;
                } else if (t == double.class || t == Double.class) {
                    v = 0.25 * n;
                } else if (t == Instant.class) {
                    v = Instant.parse("2026-11-30T10:15:30.123456Z").plusSeconds(n);
                } else if (t.isEnum()) {
                    v = t.getEnumConstants()[n % t.getEnumConstants().length];
                } else {
                    throw new AssertionError("no test value for " + f);
                }
                f.set(entity, v);
            }
            return entity;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSameFields(Object read, Object written) throws IllegalAccessException {
        for (Field f : mapped(written.getClass())) {
            Object expected = f.get(written);
            Object actual = f.get(read);
            if (expected instanceof Instant t) {
                assertThat(((Instant) actual).truncatedTo(ChronoUnit.MILLIS)).as(f.getName()).isEqualTo(t.truncatedTo(ChronoUnit.MILLIS));
            } else {
                assertThat(actual).as(written.getClass().getSimpleName() + "." + f.getName()).isEqualTo(expected);
            }
        }
    }

    private static List<Field> mapped(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                        && !f.isSynthetic() && !f.getName().startsWith("$$") && !f.isAnnotationPresent(Id.class))
                .peek(f -> f.setAccessible(true)).toList();
    }
}
