package io.claimbench.cli;

import io.claimbench.runs.RunProgress;
import io.claimbench.runs.RunState;
import io.claimbench.stats.PairCounts;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress on stderr, driven by a sequence of polls and a clock the test moves; nothing sleeps. */
class ProgressPrinterTest {

    /** A clock that stands still until the test moves it. */
    static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final StringWriter text = new StringWriter();

    private ProgressPrinter printer(ProgressPrinter.Style style) {
        return new ProgressPrinter(new PrintWriter(text), style, clock, "everyday a vs b", Duration.ofSeconds(60));
    }

    private static RunProgress at(long done, long errors, double cost) {
        return new RunProgress("r1", RunState.RUNNING, null, 100, done, done < 100 ? 4 : 0, 100 - done - (done < 100 ? 4 : 0),
                new PairCounts(done - errors, 0, 0, 0, errors), cost);
    }

    private static RunProgress ended(RunState state, long done) {
        return new RunProgress("r1", state, null, 100, done, 0, 0, new PairCounts(done - 2, 0, 0, 0, 2), 0.5);
    }

    @Test
    void should_redraw_one_bar_line_in_place_on_a_terminal_and_end_it_with_the_final_state() {
        ProgressPrinter p = printer(ProgressPrinter.Style.BAR);
        p.update(at(0, 0, 0));
        clock.advance(Duration.ofSeconds(10));
        p.update(at(25, 1, 0.25));
        p.update(at(25, 1, 0.25)); // nothing new, not even the ETA: not drawn again
        clock.advance(Duration.ofSeconds(10));
        p.update(at(50, 2, 1.5));
        clock.advance(Duration.ofSeconds(20));
        p.finish(ended(RunState.COMPLETED, 100));

        String out = text.toString();
        // the label once, then one line redrawn in place, which ends as the final state
        assertThat(out).startsWith("everyday a vs b\n\r").endsWith("\n");
        assertThat(out.chars().filter(c -> c == '\n')).hasSize(2);
        String[] frames = out.substring("everyday a vs b\n".length()).split("\r", -1);
        assertThat(frames).hasSize(5); // "" before the first \r, three draws (the repeat skipped), the end
        assertThat(frames[1]).isEqualTo("[....................]   0/100   0% | 0 errors | cost $0 | ETA --");
        // 25 items in 10 s, 75 left: 30 s
        assertThat(frames[2]).isEqualTo("[#####...............]  25/100  25% | 1 errors | cost $0.25 | ETA 30s");
        // 50 in 20 s, 50 left: 20 s
        assertThat(frames[3]).isEqualTo("[##########..........]  50/100  50% | 2 errors | cost $1.50 | ETA 20s");
        assertThat(frames[4]).isEqualTo("COMPLETED, 100/100 items, 98 won 0 tied 0 lost, 2 errors, cost $0.5, in 40s\n");
        assertThat(frames).allSatisfy(f -> assertThat(f.length()).isLessThan(80));
    }

    @Test
    void should_cover_a_longer_bar_with_blanks_when_the_next_draw_is_shorter() {
        ProgressPrinter p = printer(ProgressPrinter.Style.BAR);
        p.update(new RunProgress("r1", RunState.RUNNING, null, 100, 50, 0, 50, new PairCounts(40, 0, 0, 0, 10), 1234.5));
        p.update(at(60, 0, 0));
        String[] frames = text.toString().split("\r", -1);
        assertThat(frames[1]).isEqualTo("[##########..........]  50/100  50% | 10 errors | cost $1234.50 | ETA --");
        String shorter = "[############........]  60/100  60% | 0 errors | cost $0 | ETA --";
        assertThat(frames[2]).isEqualTo(shorter + " ".repeat(frames[1].length() - shorter.length()));
        assertThat(frames[2]).hasSameSizeAs(frames[1]);
    }

    @Test
    void should_print_plain_lines_at_a_bounded_rate_in_a_log_a_tenth_at_a_time_or_a_heartbeat() {
        ProgressPrinter p = printer(ProgressPrinter.Style.LINES);
        // a poll a second for 100 s, one item done per poll except a 2-minute stall at 30 items
        for (int done = 0; done <= 99; done++) {
            p.update(at(done, 0, done * 0.01));
            clock.advance(Duration.ofSeconds(1));
            if (done == 30) {
                for (int i = 0; i < 120; i++) {
                    p.update(at(done, 0, done * 0.01));
                    clock.advance(Duration.ofSeconds(1));
                }
            }
        }
        p.finish(ended(RunState.COMPLETED, 100));

        List<String> lines = text.toString().lines().toList();
        assertThat(text.toString()).doesNotContain("\r");
        // the first poll, 10% ... 90%, two heartbeats in the stall, the end
        assertThat(lines).hasSize(1 + 9 + 2 + 1);
        assertThat(lines.get(0)).isEqualTo("everyday a vs b: 0/100 items (0%), 4 running, 0 won 0 tied 0 lost, 0 errors, cost $0");
        assertThat(lines.get(1)).isEqualTo("everyday a vs b: 10/100 items (10%), 4 running, 10 won 0 tied 0 lost, 0 errors, cost $0.1, ETA 1m30s");
        assertThat(lines.get(3)).startsWith("everyday a vs b: 30/100 items (30%)");
        assertThat(lines.get(4)).startsWith("everyday a vs b: 30/100 items (30%)"); // a heartbeat: still alive
        assertThat(lines.get(5)).startsWith("everyday a vs b: 30/100 items (30%)");
        assertThat(lines.get(6)).startsWith("everyday a vs b: 40/100 items (40%)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("everyday a vs b: COMPLETED, 100/100 items, 98 won 0 tied 0 lost, 2 errors, cost $0.5, in 3m40s");
    }

    @Test
    void should_end_with_the_last_poll_when_the_run_cannot_be_read_at_the_end_and_only_once() {
        ProgressPrinter p = printer(ProgressPrinter.Style.LINES);
        p.update(at(40, 0, 0));
        clock.advance(Duration.ofSeconds(5));
        p.finish(null);
        p.finish(ended(RunState.COMPLETED, 100));
        p.update(at(50, 0, 0));

        assertThat(text.toString().lines().toList()).containsExactly(
                "everyday a vs b: 40/100 items (40%), 4 running, 40 won 0 tied 0 lost, 0 errors, cost $0",
                "everyday a vs b: RUNNING, 40/100 items, 40 won 0 tied 0 lost, 0 errors, cost $0, in 5.0s");
    }

    @Test
    void should_say_the_state_a_run_ended_in() {
        ProgressPrinter p = printer(ProgressPrinter.Style.LINES);
        p.finish(ended(RunState.FAILED, 6));
        assertThat(text.toString()).isEqualTo("everyday a vs b: FAILED, 6/100 items, 4 won 0 tied 0 lost, 2 errors, cost $0.5, in 0.0s\n");
    }

    @Test
    void should_poll_until_closed_then_print_the_final_state_even_when_a_poll_fails() throws Exception {
        ConcurrentLinkedQueue<RunProgress> polls = new ConcurrentLinkedQueue<>(List.of(at(10, 0, 0), at(20, 0, 0)));
        CountDownLatch failedOnce = new CountDownLatch(1);
        ProgressPrinter p = printer(ProgressPrinter.Style.LINES);
        OutputFormat.Follow follow = OutputFormat.follow(() -> {
            RunProgress next = polls.poll();
            if (next == null) {
                failedOnce.countDown();
                throw new IllegalStateException("database gone");
            }
            return Optional.of(next);
        }, p, Duration.ofMillis(1));
        assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();
        polls.add(ended(RunState.COMPLETED, 100)); // what the last poll, after close, reads
        follow.close();

        assertThat(text.toString().lines().toList()).first().asString().startsWith("everyday a vs b: 10/100 items");
        assertThat(text.toString().lines().toList()).last().asString().startsWith("everyday a vs b: COMPLETED, 100/100 items");
    }
}
