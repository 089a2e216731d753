package io.claimbench.web;

import io.claimbench.support.Runs;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the page tests share: made once per test JVM, over REST, as a user would. */
final class WebFixtures {

    private static String eqBench;

    private WebFixtures() {
    }

    /** The README's main job: EQ-Bench v2, recorded answers of gpt-4-1106-preview against gpt-4-0613. */
    static synchronized String eqBenchRun() {
        if (eqBench == null) {
            String id = Runs.start(Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview",
                    "baseline", "gpt-4-0613"));
            assertThat(Runs.awaitFinal(id, Duration.ofSeconds(120)).getString("state")).isEqualTo("COMPLETED");
            eqBench = id;
        }
        return eqBench;
    }
}
