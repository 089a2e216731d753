package io.claimbench.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalSetLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            id: demo
            title: A demo claim
            claim:
              quote: "it is better"
              source: "a podcast"
            hypothesis:
              metric: win-rate
              comparator: ">="
              threshold: 0.6
            scorer: pairwise-judge
            judge-template: everyday
            categories: [one, two]
            prompts:
              - id: demo-001
                category: one
                text: "First prompt"
              - id: demo-002
                category: two
                file: demo/second.md
            """;

    private EvalSetLoader loader() throws IOException {
        Path prompts = dir.resolve("prompts");
        Files.createDirectories(prompts.resolve("judges"));
        Files.createDirectories(prompts.resolve("demo"));
        Files.copy(Path.of("prompts/judges/everyday.md"), prompts.resolve("judges/everyday.md"));
        Files.writeString(prompts.resolve("demo/second.md"), "Second prompt, from a file\n");
        Files.createDirectories(dir.resolve("eval-sets"));
        return new EvalSetLoader(dir.resolve("eval-sets"), prompts);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve("eval-sets").resolve(name), content);
    }

    @Test
    void should_load_a_valid_set_with_inline_and_file_prompts() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID);
        EvalSet set = loader.loadAll().getFirst();
        assertThat(set.id()).isEqualTo("demo");
        assertThat(set.hypothesis().describe()).isEqualTo("win-rate >= 0.6");
        assertThat(set.prompts()).extracting(PromptItem::text).containsExactly("First prompt", "Second prompt, from a file");
        assertThat(set.prompts().get(0).hash()).hasSize(64);
    }

    @Test
    void should_give_an_edited_prompt_a_new_hash() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID);
        String before = loader.loadAll().getFirst().prompts().get(0).hash();
        write("demo.yaml", VALID.replace("First prompt", "First prompt, edited"));
        assertThat(loader.loadAll().getFirst().prompts().get(0).hash()).isNotEqualTo(before);
    }

    @Test
    void should_name_file_and_line_of_broken_yaml() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID.replace("  - id: demo-002", "  - id: [demo-002"));
        assertThatThrownBy(loader::loadAll).isInstanceOf(CatalogException.class)
                .hasMessageContaining("eval-sets/demo.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void should_name_file_and_line_of_every_semantic_problem() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID.replace("category: two", "category: three")
                .replace("comparator: \">=\"", "comparator: \"=>\"")
                .replace("scorer: pairwise-judge", "scorer: vibes\ncolour: blue"));
        CatalogException e = (CatalogException) org.assertj.core.api.Assertions.catchThrowable(loader::loadAll);
        Map<Integer, String> byLine = e.problems().stream()
                .collect(Collectors.toMap(CatalogException.Problem::line, CatalogException.Problem::message, (a, b) -> a + "; " + b));
        assertThat(e.problems()).allMatch(p -> p.file().endsWith("eval-sets/demo.yaml"));
        assertThat(byLine.get(8)).contains("comparator must be one of");
        assertThat(byLine.get(10)).contains("unknown scorer 'vibes'");
        assertThat(byLine.get(11)).contains("unknown field 'colour'");
        assertThat(byLine.get(19)).contains("category 'three' is not in the eval set's categories");
    }

    @Test
    void should_reject_duplicate_prompt_ids_and_missing_prompt_files() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID.replace("demo-002", "demo-001").replace("demo/second.md", "demo/missing.md"));
        assertThatThrownBy(loader::loadAll).hasMessageContaining("duplicate prompt id 'demo-001'")
                .hasMessageContaining("prompt file not readable");
    }

    @Test
    void should_refuse_prompt_files_outside_the_prompts_folder() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID.replace("demo/second.md", "../../etc/passwd"));
        assertThatThrownBy(loader::loadAll).hasMessageContaining("prompt file must be under");
    }

    @Test
    void should_name_file_and_line_of_a_rubric_template_that_is_missing_or_misnamed() throws IOException {
        EvalSetLoader loader = loader();
        write("demo.yaml", VALID.replace("judge-template: everyday", "judge-template: everyday\nrubric-template: sonnets"));
        assertThatThrownBy(loader::loadAll).hasMessageContaining("eval-sets/demo.yaml:12: rubric template 'sonnets' not found: no judges/sonnets.md in ");
        write("demo.yaml", VALID.replace("judge-template: everyday", "judge-template: everyday\nrubric-template: ../rubric"));
        assertThatThrownBy(loader::loadAll).hasMessageContaining("eval-sets/demo.yaml:12: rubric template names are lower-case");
        write("demo.yaml", VALID);
        assertThat(loader.loadAll().getFirst().rubricTemplate()).isEqualTo("rubric");
    }

    @Test
    void should_require_the_id_to_match_the_file_name() throws IOException {
        EvalSetLoader loader = loader();
        write("other.yaml", VALID);
        assertThatThrownBy(loader::loadAll).hasMessageContaining("eval-sets/other.yaml:1: id 'demo' must equal the file name 'other'");
    }

    /** The eval sets the product ships: all valid, and as large as the claims need. */
    @Test
    void should_validate_every_shipped_eval_set() {
        List<EvalSet> sets = new EvalSetLoader(Path.of("eval-sets"), Path.of("prompts")).loadAll();
        Map<String, EvalSet> byId = sets.stream().collect(Collectors.toMap(EvalSet::id, s -> s));
        assertThat(byId).containsKeys("everyday", "knowledge-work", "creative-writing", "emotional-intelligence",
                "ascii-art", "world-knowledge", "coding", "immediate-response", "mini-models", "eq-bench-v2", "judgemark");
        for (String preference : List.of("everyday", "knowledge-work", "creative-writing", "emotional-intelligence", "ascii-art", "coding")) {
            assertThat(byId.get(preference).prompts()).as(preference).hasSizeGreaterThanOrEqualTo(30);
        }
        assertThat(byId.get("world-knowledge").prompts()).hasSizeGreaterThanOrEqualTo(40)
                .allMatch(p -> p.reference() != null && !p.reference().isBlank());
        assertThat(byId.get("eq-bench-v2").prompts()).hasSize(171);
        assertThat(byId.get("judgemark").prompts()).hasSize(19);
        assertThat(byId.get("creative-writing").rubricTemplate()).isEqualTo("creative-writing-rubric");
        assertThat(byId.get("creative-writing").judgeTemplate()).isEqualTo("creative-writing");
        assertThat(byId.get("everyday").rubricTemplate()).isEqualTo("rubric");
        assertThat(byId.get("everyday").hypothesis().threshold()).isEqualTo(0.57);
    }
}
