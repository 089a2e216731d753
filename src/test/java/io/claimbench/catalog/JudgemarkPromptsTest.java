package io.claimbench.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgemarkPromptsTest {

    @TempDir
    Path dir;

    @Test
    void should_ship_the_19_judgemark_prompts_keyed_for_replay_with_their_first_seed() {
        EvalSet set = new EvalSetLoader(Path.of("eval-sets"), Path.of("prompts")).loadAll().stream()
                .filter(s -> s.id().equals("judgemark")).findFirst().orElseThrow();
        assertThat(set.scorer()).isEqualTo(ScorerName.PAIRWISE_JUDGE);
        assertThat(set.judgeTemplate()).isEqualTo("creative-writing");
        assertThat(set.rubricTemplate()).isEqualTo("creative-writing-rubric");
        assertThat(set.hypothesis().describe()).isEqualTo("win-rate > 0.5");
        assertThat(set.claim().quote()).contains("we see that it's a better creative writer");
        assertThat(set.prompts()).extracting(PromptItem::sourceId).containsExactly("1", "2", "5", "6", "7", "8", "9",
                "10", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29");
        assertThat(set.prompts()).allSatisfy(p -> {
            assertThat(p.id()).isEqualTo("judgemark-" + p.sourceId());
            assertThat(p.category()).isEqualTo("creative-writing");
            assertThat(p.text()).doesNotContain("<SEED>");
            assertThat(p.reference()).isNull();
        });
        assertThat(set.prompts().getFirst().text()).startsWith("Fairy Tale Retelling: Rewrite the story of Hansel and Gretel")
                .endsWith("It will not be happily ever after. Avoid using elements of magical realism in the story. 600-800 words.");
    }

    @Test
    void should_leave_the_seed_slot_out_when_a_prompt_has_no_seed() {
        assertThat(JudgemarkPrompts.text("Write a story. <SEED> 600 words.", "")).isEqualTo("Write a story. 600 words.");
        assertThat(JudgemarkPrompts.text("Write a story. <SEED> 600 words.", "Set it at sea.")).isEqualTo("Write a story. Set it at sea. 600 words.");
    }

    @Test
    void should_name_the_source_line_of_a_prompt_without_a_writing_prompt() throws IOException {
        Files.createDirectories(dir.resolve("eval-sets"));
        Files.writeString(dir.resolve("eval-sets/prompts.json"), """
                {"1": {"writing_prompt": "Write a poem. <SEED>", "seed_modifiers": ["About rain."]},
                 "2": {"seed_modifiers": []}}
                """);
        Files.writeString(dir.resolve("eval-sets/jm.yaml"), set("judgemark"));
        EvalSetLoader loader = new EvalSetLoader(dir.resolve("eval-sets"), Path.of("prompts"));
        assertThatThrownBy(loader::loadAll).hasMessageContaining("jm.yaml:13: prompt '2' in ")
                .hasMessageContaining("has no writing_prompt");

        Files.writeString(dir.resolve("eval-sets/prompts.json"), """
                {"1": {"writing_prompt": "Write a poem. <SEED>", "seed_modifiers": ["About rain."]}}
                """);
        EvalSet set = loader.loadAll().getFirst();
        assertThat(set.prompts()).extracting(PromptItem::text).containsExactly("Write a poem. About rain.");
        assertThat(set.rubricTemplate()).isEqualTo("rubric");
    }

    @Test
    void should_list_judgemark_among_the_source_formats() throws IOException {
        Files.createDirectories(dir.resolve("eval-sets"));
        Files.writeString(dir.resolve("eval-sets/jm.yaml"), set("eq-bench-creative"));
        List<CatalogException.Problem> problems = new ArrayList<>();
        new EvalSetLoader(dir.resolve("eval-sets"), Path.of("prompts")).load(dir.resolve("eval-sets/jm.yaml"), problems);
        assertThat(problems).extracting(CatalogException.Problem::line, CatalogException.Problem::message)
                .contains(org.assertj.core.groups.Tuple.tuple(12,
                        "unknown source format 'eq-bench-creative' (expected eq-bench-v2, judgemark or ascii-bench)"));
    }

    /** A rubric-graded eval set whose prompts come from {@code prompts.json} in the given source format. */
    private static String set(String format) {
        return """
                id: jm
                title: A judgemark set
                claim:
                  quote: "it writes better"
                  source: "a podcast"
                hypothesis:
                  metric: win-rate
                  comparator: ">"
                  threshold: 0.5
                scorer: rubric-judge
                source:
                  format: %s
                  path: prompts.json
                """.formatted(format);
    }
}
