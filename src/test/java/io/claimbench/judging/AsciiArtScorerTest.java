package io.claimbench.judging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiArtScorerTest {

    private final AsciiArtScorer scorer = new AsciiArtScorer();

    private static final String CAT = """
            Here is a cat:
            ```
             /\\_/\\
            ( o.o )
             > ^ <
            ```
            Enjoy!
            """;

    private AnswerScore.Scored score(String answer) {
        return (AnswerScore.Scored) scorer.score(null, answer);
    }

    @Test
    void should_pass_clean_fenced_art_and_ignore_the_words_around_it() {
        AnswerScore.Scored s = score(CAT);
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(AsciiArtScorer.failed(s)).isEmpty();
    }

    @Test
    void should_name_every_failed_check() {
        assertThat(AsciiArtScorer.failed(score(CAT.replace("o.o", "o\u2022o")))).containsExactly("printable-ascii");
        String unclosed = "```\n /\\_/\\\n( o.o )\n > ^ <\n";
        assertThat(AsciiArtScorer.failed(score(unclosed))).containsExactly("fences-closed");
        String prose = "```\n /\\_/\\\n( o.o )\n > ^ <\nThis is a very cute little cat sitting here\n```";
        assertThat(AsciiArtScorer.failed(score(prose))).contains("no-prose-inside");
        String wide = "```\n" + "#".repeat(81) + "\n#  #\n####\n```";
        assertThat(AsciiArtScorer.failed(score(wide))).contains("fits-80-columns", "consistent-widths");
        String tabs = "```\n /\\_/\\\n(\to.o )\n > ^ <\n```";
        assertThat(AsciiArtScorer.failed(score(tabs))).contains("consistent-widths");
        assertThat(AsciiArtScorer.failed(score("```\n:)\n```"))).contains("present");
        assertThat(scorer.score(null, " ")).isInstanceOf(AnswerScore.Unscored.class);
    }

    @Test
    void should_find_bare_art_without_fences() {
        String bare = "Sure!\n  /\\\n /  \\\n/____\\\n|    |\n|____|\nA little house.";
        AnswerScore.Scored s = score(bare);
        assertThat(AsciiArtScorer.failed(s)).isEmpty();
    }

    /** Real failures from ascii-bench: emoji inside the art and a fence never closed. */
    @Test
    void should_catch_the_real_failures_in_ascii_bench_and_score_every_model() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("ascii-bench/ascii_generations.jsonl"));
        ObjectMapper json = new ObjectMapper();
        Map<String, double[]> byModel = new TreeMap<>();
        int nonAscii = 0;
        int unclosed = 0;
        for (String line : lines) {
            JsonNode row = json.readTree(line);
            String art = row.get("ascii_art").asText();
            AnswerScore.Scored s = score(art);
            double[] acc = byModel.computeIfAbsent(row.get("model").asText(), k -> new double[2]);
            acc[0] += s.value();
            acc[1]++;
            boolean hasNonAscii = art.chars().anyMatch(c -> c > 126);
            long fences = art.lines().filter(l -> l.strip().startsWith("```")).count();
            if (hasNonAscii && fences % 2 == 0 && AsciiArtScorer.extract(art).lines().stream()
                    .anyMatch(l -> l.chars().anyMatch(c -> c > 126))) {
                nonAscii++;
                assertThat(AsciiArtScorer.failed(s)).contains("printable-ascii");
            }
            if (fences % 2 == 1) {
                unclosed++;
                assertThat(AsciiArtScorer.failed(s)).contains("fences-closed");
            }
        }
        assertThat(lines).hasSize(180);
        assertThat(nonAscii).isGreaterThan(5);
        assertThat(unclosed).isEqualTo(4); // answers whose line-start fences do not pair up
        assertThat(byModel).hasSize(8);
        byModel.forEach((model, acc) -> System.out.printf("AsciiArtScorerTest: %-28s mean %.3f over %d%n", model, acc[0] / acc[1], (int) acc[1]));
    }

    private static String generation(String model, String promptId, boolean reasoning) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(SharedData.require("ascii-bench/ascii_generations.jsonl"))) {
            JsonNode row = json.readTree(line);
            if (row.get("model").asText().equals(model) && row.get("prompt_id").asText().equals(promptId)
                    && row.path("reasoning_config").isObject() == reasoning) {
                return row.get("ascii_art").asText();
            }
        }
        throw new AssertionError("no generation of " + model + " for " + promptId);
    }

    /** Real failures of single answers in ascii-bench, each caught by the check named for it and by no other. */
    @Test
    void should_catch_prose_ragged_unclosed_and_non_ascii_art_from_real_answers() throws IOException {
        // grok-4's scarecrow labels its field inside the art: "dead corn   dead corn   barren"
        assertThat(AsciiArtScorer.failed(score(generation("x-ai/grok-4", "ascii-033", true)))).containsExactly("no-prose-inside");
        // grok-4-fast's cherry tree trails off in a 40-column diagonal and never closes its fence
        assertThat(AsciiArtScorer.failed(score(generation("x-ai/grok-4-fast", "ascii-027", true))))
                .containsExactly("consistent-widths", "fences-closed", "fits-80-columns");
        // gpt-5-chat draws its samurai in Braille patterns: art, but not ASCII
        assertThat(AsciiArtScorer.failed(score(generation("openai/gpt-5-chat", "ascii-019", false)))).containsExactly("printable-ascii");
        // gpt-5-chat's rocket is clean
        assertThat(AsciiArtScorer.failed(score(generation("openai/gpt-5-chat", "ascii-016", false)))).isEmpty();
    }
}
