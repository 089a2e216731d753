package io.claimbench.web;

import io.claimbench.stats.PairOutcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The voting rules and page helpers that need no server. */
class WebUnitsTest {

    @Test
    void should_map_each_choice_to_the_candidates_outcome_by_the_side_it_was_shown_on() {
        assertThat(VoteChoice.LEFT.outcome(true)).isEqualTo(PairOutcome.WIN);
        assertThat(VoteChoice.LEFT.outcome(false)).isEqualTo(PairOutcome.LOSS);
        assertThat(VoteChoice.RIGHT.outcome(true)).isEqualTo(PairOutcome.LOSS);
        assertThat(VoteChoice.RIGHT.outcome(false)).isEqualTo(PairOutcome.WIN);
        assertThat(VoteChoice.TIE.outcome(true)).isEqualTo(PairOutcome.TIE);
        assertThat(VoteChoice.BOTH_BAD.outcome(false)).isEqualTo(PairOutcome.TIE);
        assertThat(VoteChoice.parse("both-bad")).contains(VoteChoice.BOTH_BAD);
        assertThat(VoteChoice.parse("up")).isEmpty();
    }

    @Test
    void should_draw_sides_per_vote_the_same_on_reload_and_about_evenly() {
        assertThat(BallotSides.candidateLeft(11001, 7, "key:a")).isEqualTo(BallotSides.candidateLeft(11001, 7, "key:a"));
        long left = IntStream.range(0, 2000).filter(i -> BallotSides.candidateLeft(11001, i, "key:a")).count();
        assertThat(left).isBetween(900L, 1100L);
        long differs = IntStream.range(0, 200)
                .filter(i -> BallotSides.candidateLeft(11001, i, "key:a") != BallotSides.candidateLeft(11001, i, "key:b")).count();
        assertThat(differs).isBetween(60L, 140L);
    }

    @Test
    void should_allow_a_voter_so_many_votes_a_minute_and_more_once_it_passed() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00Z"));
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        VoteRateLimit limit = new VoteRateLimit(clock, config(3));
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isFalse();
        assertThat(limit.tryAcquire("b")).as("per voter").isTrue();
        now.set(now.get().plus(Duration.ofSeconds(61)));
        assertThat(limit.tryAcquire("a")).isTrue();
    }

    @Test
    void should_place_the_point_inside_its_interval_and_the_threshold_on_the_same_scale() {
        assertThat(WinRateChart.x(0)).isEqualTo(WinRateChart.LEFT);
        assertThat(WinRateChart.x(1)).isEqualTo(WinRateChart.WIDTH - WinRateChart.RIGHT);
        assertThat(WinRateChart.x(0.5)).isEqualTo((WinRateChart.LEFT + WinRateChart.WIDTH - WinRateChart.RIGHT) / 2.0);
        assertThat(WinRateChart.x(1.7)).as("clamped").isEqualTo(WinRateChart.x(1));
    }

    @Test
    void should_only_go_back_to_local_paths_after_signing_in() {
        assertThat(PageAccess.safeNext("/runs/x")).isEqualTo("/runs/x");
        assertThat(PageAccess.safeNext("//evil.example")).isEqualTo("/");
        assertThat(PageAccess.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(PageAccess.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(PageAccess.safeNext(null)).isEqualTo("/");
    }

    private static WebConfig config(int perMinute) {
        return new WebConfig() {
            public int pageSize() {
                return 20;
            }

            public int dashboardSize() {
                return 20;
            }

            public int votesPerMinute() {
                return perMinute;
            }

            public boolean secureCookies() {
                return false;
            }
        };
    }
}
