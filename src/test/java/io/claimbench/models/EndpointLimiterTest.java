package io.claimbench.models;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointLimiterTest {

    @Test
    void should_hold_calls_beyond_max_concurrency_until_a_slot_frees() throws Exception {
        EndpointLimiter limiter = new EndpointLimiter(2, null, Clock.systemUTC());
        EndpointLimiter.Permit a = limiter.acquire();
        EndpointLimiter.Permit b = limiter.acquire();
        CompletableFuture<EndpointLimiter.Permit> third = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        Thread.sleep(200);
        assertThat(third).isNotDone();
        a.close();
        third.get(5, TimeUnit.SECONDS).close();
        b.close();
    }

    @Test
    void should_start_no_more_than_the_rate_within_a_window() throws Exception {
        Duration window = Duration.ofMillis(600);
        EndpointLimiter limiter = new EndpointLimiter(10, 2, Clock.systemUTC(), window);
        long start = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            limiter.acquire().close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        limiter.acquire().close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(window);
    }

    @Test
    void should_apply_new_limits_to_the_calls_that_follow() throws Exception {
        EndpointLimiter limiter = new EndpointLimiter(1, null, Clock.systemUTC());
        EndpointLimiter.Permit first = limiter.acquire();
        limiter.setLimits(2, null);
        CompletableFuture<EndpointLimiter.Permit> second = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        second.get(2, TimeUnit.SECONDS).close();
        first.close();
    }
}
