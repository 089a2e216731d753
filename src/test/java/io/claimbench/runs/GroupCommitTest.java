package io.claimbench.runs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recorder's group commit: batches, the linger, hurrying it, and a bad write failing alone. */
class GroupCommitTest {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    private List<Integer> write(List<Integer> batch) {
        if (batch.contains(-1)) {
            throw new IllegalArgumentException("bad write");
        }
        batches.add(List.copyOf(batch));
        return batch.stream().map(i -> i * 10).toList();
    }

    @Test
    void should_commit_a_lone_write_at_once_alone_without_a_linger() {
        try (GroupCommit<Integer, Integer> commits = new GroupCommit<>("test-commit", 8, Duration.ZERO, this::write)) {
            assertThat(commits.submit(1)).isEqualTo(10);
            assertThat(commits.submit(2)).isEqualTo(20);
        }
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void should_gather_the_writes_of_a_linger_into_one_commit_until_the_batch_is_full() throws Exception {
        // A linger far longer than the test: only a full batch ends it.
        try (GroupCommit<Integer, Integer> commits = new GroupCommit<>("test-commit", 6, Duration.ofHours(1), this::write);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int value = i;
                results.add(CompletableFuture.supplyAsync(() -> commits.submit(value), threads));
            }
            for (int i = 0; i < 6; i++) {
                assertThat(results.get(i).get(1, TimeUnit.MINUTES)).isEqualTo((i + 1) * 10);
            }
        }
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void should_end_the_linger_when_hurried() throws Exception {
        try (GroupCommit<Integer, Integer> commits = new GroupCommit<>("test-commit", 64, Duration.ofHours(1), this::write);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Integer> lone = CompletableFuture.supplyAsync(() -> commits.submit(7), threads);
            while (!lone.isDone()) {
                commits.hurry(); // the write may not have reached the writer yet: hurry until it is committed
                try {
                    lone.get(50, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillLingering) {
                    // hurried before the write arrived; again
                }
            }
            assertThat(lone.get()).isEqualTo(70);
        }
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void should_write_a_failed_batch_again_one_by_one_so_that_only_the_bad_write_fails() throws Exception {
        try (GroupCommit<Integer, Integer> commits = new GroupCommit<>("test-commit", 3, Duration.ofHours(1), this::write);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Integer> good = CompletableFuture.supplyAsync(() -> commits.submit(4), threads);
            CompletableFuture<Integer> bad = CompletableFuture.supplyAsync(() -> commits.submit(-1), threads);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> commits.submit(5), threads);
            assertThat(good.get(1, TimeUnit.MINUTES)).isEqualTo(40);
            assertThat(other.get(1, TimeUnit.MINUTES)).isEqualTo(50);
            assertThatThrownBy(bad::join).hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("bad write");
        }
        assertThat(batches).containsExactlyInAnyOrder(List.of(4), List.of(5));
    }
}
