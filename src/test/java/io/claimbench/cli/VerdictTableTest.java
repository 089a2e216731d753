package io.claimbench.cli;

import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table compare prints for people, from hand-built rows. */
class VerdictTableTest {

    private static final String CLAIM = "candidate win-rate > 0.5 against the baseline";

    private static ClaimRows.Row row(String claim, String category, long n, Double value, Interval interval,
                                     ClaimVerdict verdict, ClaimRows.Outcome outcome) {
        return new ClaimRows.Row(claim, category, n, value, interval, "> 0.5", verdict, null, null, null, null, outcome, null);
    }

    private static ClaimRows run() {
        return new ClaimRows("eq-bench-v2", "gpt-4-1106-preview", "gpt-4-0613", ClaimRows.Outcome.PASSED, null, List.of(
                row(CLAIM, null, 171, 0.5730994152046783, new Interval(0.5057748538011697, 0.6433479532163742, 0.95, "b"),
                        ClaimVerdict.SUPPORTED, ClaimRows.Outcome.PASSED),
                row(CLAIM, "emotion-intensity", 9, 0.45, new Interval(0.123456, 0.7, 0.95, "b"), ClaimVerdict.REFUTED,
                        ClaimRows.Outcome.FAILED),
                row(CLAIM, "travel", 1200, 0.5, new Interval(0.49, 0.51, 0.95, "b"), ClaimVerdict.INCONCLUSIVE,
                        ClaimRows.Outcome.SKIPPED),
                row("candidate latency-ratio < 1.0 of the baseline", null, 0, null, null, ClaimVerdict.INCONCLUSIVE,
                        ClaimRows.Outcome.FAILED)));
    }

    private static final List<VerdictTable.ModelLine> MODELS = List.of(
            new VerdictTable.ModelLine("candidate", "gpt-4-1106-preview", "benchmark score", 86.05392151301743,
                    new Interval(83.76872663160576, 88.3391163944291, 0.95, "normal"), 171, null),
            new VerdictTable.ModelLine("baseline", "gpt-4-0613", "benchmark score", 84.78728250784116,
                    new Interval(82.40121260112657, 87.17335241455574, 0.95, "normal"), 171, 0.012345678),
            new VerdictTable.ModelLine("judge", "gpt-4.1", null, null, null, 342, 12.3456));

    @Test
    void should_align_the_verdicts_in_columns_with_rounded_figures_and_a_line_per_model() {
        String table = VerdictTable.render(List.of(run()), List.of(MODELS));

        assertThat(table).isEqualTo("""
                eq-bench-v2: gpt-4-1106-preview against gpt-4-0613

                claim                                          category                n  win rate [95% CI]        threshold  verdict
                ---------------------------------------------  -------------------  ----  -----------------------  ---------  ---------------------
                candidate win-rate > 0.5 against the baseline  all                   171  0.5731 [0.5058, 0.6433]  > 0.5      SUPPORTED
                                                                 emotion-intensity     9  0.45 [0.1235, 0.7]       > 0.5      REFUTED
                                                                 travel             1200  0.5 [0.49, 0.51]         > 0.5      INCONCLUSIVE (passes)
                candidate latency-ratio < 1.0 of the baseline  all                     0  –                        > 0.5      INCONCLUSIVE

                candidate  gpt-4-1106-preview  benchmark score 86.05 [83.77, 88.34] (n = 171)
                baseline   gpt-4-0613          benchmark score 84.79 [82.4, 87.17] (n = 171), cost $0.01235
                judge      gpt-4.1             342 games, cost $12.35
                """);
    }

    @Test
    void should_say_error_for_every_row_of_a_run_that_failed_and_why_above_them() {
        ClaimRows failed = new ClaimRows("smoke", "closed", "base", ClaimRows.Outcome.ERROR, "run ended FAILED: nothing\nwas scored",
                List.of(row("candidate win-rate >= 0.6 against the baseline", null, 0, null, null, ClaimVerdict.INCONCLUSIVE,
                        ClaimRows.Outcome.ERROR)));

        String table = VerdictTable.render(List.of(failed), List.of());

        assertThat(table).startsWith("smoke: closed against base\nerror: run ended FAILED: nothing was scored\n\n")
                .contains("candidate win-rate >= 0.6 against the baseline  all       0  –                  > 0.5      ERROR\n");
        assertThat(table.lines()).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
    }

    @Test
    void should_cut_a_long_claim_and_keep_each_row_on_one_line() {
        String claim = "a claim that goes on and on, far longer than anyone wants to read in a terminal column\nwith a break";
        ClaimRows long_ = new ClaimRows("x", "a", "b", ClaimRows.Outcome.PASSED, null, List.of(
                row(claim, null, 3, 0.123456789, null, ClaimVerdict.SUPPORTED, ClaimRows.Outcome.PASSED)));

        List<String> lines = VerdictTable.render(List.of(long_), List.of()).lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).startsWith(claim.substring(0, VerdictTable.CLAIM_WIDTH - 1) + "…  all")
                .contains("  0.1235  ");
    }
}
