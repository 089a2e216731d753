package io.claimbench.runs;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.models.GenerationRequest;
import io.claimbench.support.PostgresProfile;
import io.claimbench.support.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.answer;
import static io.claimbench.support.OpenAiStubs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work items on a real PostgreSQL: claims are exclusive between processes, and a run left behind by a process
 * that died mid-run is finished on the next start without generating any answer twice.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@QuarkusTestResource(WireMockResource.class)
class PostgresResumeTest {

    @Inject
    RunService runs;
    @Inject
    RunContexts contexts;
    @Inject
    RunExecutor executor;
    @Inject
    RunResumer resumer;
    @Inject
    WorkItemStore store;
    @Inject
    WorkItemProcessor processor;
    @Inject
    ModelCaller caller;

    private final WireMockServer wm = WireMockResource.server();

    @BeforeEach
    void stubs() {
        wm.resetAll();
        String nonce = UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(answer("CANDIDATE " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(answer("BASELINE " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/judge/v1/chat/completions")).willReturn(verdict("A>B")));
    }

    private RunEntity newRun(long seed) {
        return runs.create(RunRequest.of("smoke", "cand", "base", "judge").with(new RunRequest.Sampling(1, seed, null))
                .with(new RunRequest.Limits(2, null, true, null)));
    }

    @Test
    void should_never_give_one_item_to_two_claimers() throws Exception {
        RunEntity run = newRun(101);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<WorkItemEntity>>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "process-" + i;
                Callable<List<WorkItemEntity>> claim = () -> store.claim(run.id, owner, 6, Duration.ofMinutes(10));
                claims.add(pool.submit(claim));
            }
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<WorkItemEntity>> f : claims) {
                for (WorkItemEntity w : f.get(30, TimeUnit.SECONDS)) {
                    assertThat(seen.add(w.id)).as("item %d claimed twice", w.id).isTrue();
                    total++;
                }
            }
            assertThat(total).isEqualTo(6);
            assertThat(store.claim(run.id, "late", 6, Duration.ofMinutes(10))).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_finish_a_run_left_by_a_dead_process_without_generating_twice() throws Exception {
        RunEntity run = newRun(202);
        RunContext ctx = contexts.context(run);
        // The dead process had claimed three items: finished one, got the candidate's answer for the second (and
        // gave that item back with the answer, which the cache keeps), and nothing yet for the third. It has no
        // heartbeat, and its claims are past their grace.
        List<WorkItemEntity> claimed = store.claim(run.id, "dead-process", 3, Duration.ZERO);
        assertThat(claimed).hasSize(3);
        WorkItemEntity finished = claimed.get(0);
        store.record(finished.id, "dead-process", processor.process(ctx, finished, prompt(finished)));
        WorkItemEntity half = claimed.get(1);
        PromptVersionEntity p = prompt(half);
        String key = WorkItemProcessor.generationKey(ctx.models.candidate(), null, 202, 0, p.contentHash);
        CallResult answered = caller.call(ctx, ctx.models.candidate(), new GenerationRequest(null, p.text, null, null, 202, null), key, "generation");
        store.release(half.id, List.of(answered.fresh()));
        QuarkusTransaction.requiringNew().run(() -> RunEntity.update("state = ?1 where id = ?2", RunState.RUNNING, run.id));
        wm.resetRequests();

        resumer.onStart(null);
        assertThat(executor.completion(run.id).get(60, TimeUnit.SECONDS)).isEqualTo(RunState.COMPLETED);

        // 6 prompts: the candidate had answered 2 before the crash, the baseline 1, the judge 1 pair (2 games).
        wm.verify(4, postRequestedFor(urlPathEqualTo("/cand/v1/chat/completions")));
        wm.verify(5, postRequestedFor(urlPathEqualTo("/base/v1/chat/completions")));
        wm.verify(10, postRequestedFor(urlPathEqualTo("/judge/v1/chat/completions")));
        long comparisons = QuarkusTransaction.requiringNew().call(() -> ComparisonEntity.count("runId", run.id));
        assertThat(comparisons).isEqualTo(6);
        assertThat(store.unfinished(run.id)).isZero();
    }

    @Test
    void should_drop_the_result_of_an_item_another_process_took_over() {
        RunEntity run = newRun(303);
        RunContext ctx = contexts.context(run);
        WorkItemEntity item = store.claim(run.id, "slow-process", 1, Duration.ofMinutes(10)).getFirst();
        WorkItemStore.ItemRecord result = processor.process(ctx, item, prompt(item));
        assertThat(store.record(item.id, "another-process", result)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ComparisonEntity.count("runId", run.id))).isZero();
        assertThat(store.record(item.id, "slow-process", result)).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ComparisonEntity.count("runId", run.id))).isEqualTo(1);
        // An instance alive keeps its items, however long ago it claimed them; once its heartbeat is gone (it is not
        // among the live instances), another instance takes them over, and never its own.
        WorkItemEntity held = store.claim(run.id, "slow-process", 1, Duration.ZERO).getFirst();
        assertThat(store.releaseExpired("other-process", List.of("other-process", "slow-process"))).isZero();
        assertThat(store.claim(run.id, "other-process", 6, Duration.ofMinutes(10))).extracting(w -> w.id).doesNotContain(held.id);
        assertThat(store.releaseExpired("other-process", List.of("other-process"))).isEqualTo(1);
        assertThat(store.claim(run.id, "other-process", 6, Duration.ofMinutes(10))).extracting(w -> w.id).containsExactly(held.id);
    }

    private static PromptVersionEntity prompt(WorkItemEntity w) {
        return QuarkusTransaction.requiringNew().call(() -> PromptVersionEntity.findById(w.promptVersionId));
    }
}
