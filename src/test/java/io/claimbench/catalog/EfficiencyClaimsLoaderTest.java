package io.claimbench.catalog;

import io.claimbench.stats.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Efficiency claims (speed and price ratios) beside the win-rate hypothesis, validated with file and line. */
class EfficiencyClaimsLoaderTest {

    @TempDir
    Path dir;

    private static String set(String claims) {
        return """
                id: fast
                title: A speed claim
                claim:
                  quote: "it answers at once"
                  source: "a podcast"
                hypothesis:
                  metric: win-rate
                  comparator: ">="
                  threshold: 0.45
                efficiency-claims:
                %s
                scorer: pairwise-judge
                judge-template: everyday
                categories: [one]
                prompts:
                  - id: fast-001
                    category: one
                    text: "A prompt"
                """.formatted(claims);
    }

    private EvalSetLoader loader(String content) throws IOException {
        Files.createDirectories(dir.resolve("prompts/judges"));
        Files.copy(Path.of("prompts/judges/everyday.md"), dir.resolve("prompts/judges/everyday.md"));
        Files.createDirectories(dir.resolve("eval-sets"));
        Files.writeString(dir.resolve("eval-sets/fast.yaml"), content);
        return new EvalSetLoader(dir.resolve("eval-sets"), dir.resolve("prompts"));
    }

    @Test
    void should_read_ratio_claims() throws IOException {
        EvalSet s = loader(set("""
                  - metric: first-token-ratio
                    comparator: "<"
                    threshold: 0.5
                  - metric: cost-per-win-ratio
                    comparator: "<="
                    threshold: 0.25""")).loadAll().get(0);
        assertThat(s.efficiencyClaims()).containsExactly(new Hypothesis("first-token-ratio", Comparator.LESS, 0.5),
                new Hypothesis("cost-per-win-ratio", Comparator.AT_MOST, 0.25));
    }

    @Test
    void should_name_the_line_of_an_unknown_metric_and_of_a_ratio_that_is_not_positive() throws IOException {
        EvalSetLoader loader = loader(set("""
                  - metric: win-rate
                    comparator: "<"
                    threshold: 0.5
                  - metric: latency-ratio
                    comparator: "<"
                    threshold: 0"""));
        CatalogException e = (CatalogException) catchThrowable(loader::loadAll);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("unknown metric 'win-rate'").contains("first-token-ratio");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("ratio threshold must be positive");
        });
    }
}
