package io.claimbench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.cluster.ExclusiveTransactions;
import io.claimbench.support.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing a prompt makes a new version in the index; the old one stays, no longer current. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class PromptVersioningTest {

    @Inject
    ObjectMapper json;

    @Inject
    ExclusiveTransactions exclusive;

    @TempDir
    Path dir;

    private static final String SET = """
            id: versioned
            title: "Versioning"
            claim:
              quote: "q"
              source: "s"
            hypothesis:
              metric: win-rate
              comparator: ">"
              threshold: 0.5
            scorer: pairwise-judge
            judge-template: everyday
            categories: [c]
            prompts:
              - id: versioned-001
                category: c
                text: "Original wording"
              - id: versioned-002
                category: c
                text: "Unchanged"
            """;

    @Test
    void should_keep_old_versions_and_mark_the_new_one_current() throws IOException {
        Path sets = Files.createDirectories(dir.resolve("eval-sets"));
        Files.writeString(sets.resolve("versioned.yaml"), SET);
        CatalogService catalog = new CatalogService(config(sets), Clock.systemUTC(), json, exclusive);
        catalog.reload();
        Long original = catalog.promptVersionIds("versioned").get("versioned-001");

        Files.writeString(sets.resolve("versioned.yaml"), SET.replace("Original wording", "Edited wording"));
        catalog.reload();
        Long edited = catalog.promptVersionIds("versioned").get("versioned-001");
        assertThat(edited).isNotEqualTo(original);

        List<PromptVersionEntity> versions = QuarkusTransaction.requiringNew().call(() ->
                PromptVersionEntity.list("evalSetId = ?1 and promptId = ?2 order by id", "versioned", "versioned-001"));
        assertThat(versions).extracting(v -> v.text).containsExactly("Original wording", "Edited wording");
        assertThat(versions).extracting(v -> v.currentVersion).containsExactly(false, true);
        assertThat(catalog.promptVersionIds("versioned")).hasSize(2);

        catalog.reload();
        long rows = QuarkusTransaction.requiringNew().call(() -> PromptVersionEntity.count("evalSetId", "versioned"));
        assertThat(rows).isEqualTo(3);
    }

    static CatalogConfig config(Path sets) {
        return new CatalogConfig() {
            @Override
            public Optional<String> evalSetsDir() {
                return Optional.of(sets.toString());
            }

            @Override
            public Optional<String> promptsDir() {
                return Optional.of("prompts");
            }

            @Override
            public Optional<List<String>> extraEvalSets() {
                return Optional.empty();
            }

            @Override
            public Optional<String> extraPromptsDir() {
                return Optional.empty();
            }

            @Override
            public boolean validateOnStart() {
                return false;
            }
        };
    }
}
