package io.claimbench.runs;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.support.JudgeStubs;
import io.claimbench.support.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Early stopping's running sums against a full recount. On the 40-prompt {@code many} set with 3 samples, the judge
 * makes prompts m01, m04, ... (tag % 3 == 1) candidate wins, m02, m05, ... losses and m03, m06, ... ties, in both
 * orders: 14 prompts at share 1, 13 at 0, 13 at 1/2, so the 40 settled prompts sum to 14 + 6.5 = 20.5.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class RunTotalsTest {

    private static final double HAND_SUM = 14 + 13 * 0.5;

    @Inject
    RunService runs;
    @Inject
    RunContexts contexts;
    @Inject
    WorkItemStore store;
    @Inject
    WorkItemProcessor processor;
    @Inject
    RunTotals totals;
    @Inject
    EntityManager em;

    private final WireMockServer wm = WireMockResource.server();

    @BeforeEach
    void stubs() {
        JudgeStubs.freshContestants(wm);
        String[][] table = new String[40][];
        for (int i = 1; i <= 40; i++) {
            String[] verdicts = switch (i % 3) {
                case 1 -> new String[]{"A>B", "B>A"};
                case 2 -> new String[]{"B>A", "A>B"};
                default -> new String[]{"A=B", "A=B"};
            };
            table[i - 1] = new String[]{String.format("m%02d", i), verdicts[0], verdicts[1]};
        }
        JudgeStubs.byPosition(wm, "judge", table);
    }

    private RunEntity newRun(long seed) {
        return runs.create(RunRequest.of("many", "cand", "base", "judge").with(new RunRequest.Sampling(3, seed, null))
                .with(new RunRequest.Limits(4, null, true, true)));
    }

    @Test
    void should_keep_the_sums_a_recount_gives_when_several_processes_record_one_run_at_once() throws Exception {
        RunEntity run = newRun(14011);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            // One coordinator per process claims a run's items (a process never claims concurrently with itself).
            for (String owner : List.of("process-a", "process-b", "process-c", "process-d")) {
                workers.add(pool.submit(() -> work(run, owner, Integer.MAX_VALUE)));
            }
            int recorded = 0;
            for (Future<Integer> f : workers) {
                recorded += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(recorded).isEqualTo(120);
        } finally {
            pool.shutdownNow();
        }
        assertThat(totals.settled(run.id)).isEqualTo(new RunTotals.Sums(40, HAND_SUM)).isEqualTo(recount(run));
    }

    @Test
    void should_rebuild_the_sums_of_a_run_begun_before_they_were_kept() {
        RunEntity run = newRun(14012);
        assertThat(totals.settled(run.id)).isEqualTo(new RunTotals.Sums(0, 0));
        assertThat(work(run, "old-process", 50)).isEqualTo(50);
        RunTotals.Sums halfway = totals.settled(run.id);
        assertThat(halfway).isEqualTo(recount(run));
        // As if recorded by a version without the table (or after its row was lost): the next item rebuilds it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from run_totals where run_id = ?1")
                .setParameter(1, run.id).executeUpdate());
        assertThat(totals.settled(run.id)).isEqualTo(new RunTotals.Sums(0, 0));
        assertThat(work(run, "new-process", Integer.MAX_VALUE)).isEqualTo(70);
        assertThat(totals.settled(run.id)).isEqualTo(new RunTotals.Sums(40, HAND_SUM)).isEqualTo(recount(run));
    }

    @Test
    void should_keep_no_sums_for_a_run_that_does_not_stop_early() {
        RunEntity run = runs.create(RunRequest.of("many", "cand", "base", "judge").with(new RunRequest.Sampling(1, 14013L, null))
                .with(new RunRequest.Limits(4, null, true, false)));
        assertThat(work(run, "process", Integer.MAX_VALUE)).isEqualTo(40);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select count(*) from run_totals where run_id = ?1")
                .setParameter(1, run.id).getSingleResult())).isEqualTo(0L);
    }

    private RunTotals.Sums recount(RunEntity run) {
        return QuarkusTransaction.requiringNew().call(() -> totals.recompute(run.id, 3));
    }

    /** Claims, processes and records items of the run as one process would, up to {@code max}; returns how many. */
    private int work(RunEntity run, String owner, int max) {
        RunContext ctx = contexts.context(run);
        int done = 0;
        AtomicBoolean more = new AtomicBoolean(true);
        while (more.get() && done < max) {
            List<WorkItemEntity> items = store.claim(run.id, owner, Math.min(2, max - done), Duration.ofMinutes(10));
            more.set(!items.isEmpty());
            for (WorkItemEntity item : items) {
                PromptVersionEntity prompt = QuarkusTransaction.requiringNew().call(() -> PromptVersionEntity.findById(item.promptVersionId));
                // Urgent, as RunExecutor records an early-stop run's items: one at a time, each would wait out the linger
                assertThat(store.record(item.id, owner, processor.process(ctx, item, prompt), true)).isTrue();
                done++;
            }
        }
        return done;
    }
}
