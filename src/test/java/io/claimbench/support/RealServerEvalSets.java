package io.claimbench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The small eval sets of the real-server tier, written beside the shipped ones ({@code claimbench.catalog.extra-eval-sets}),
 * for the runs that test failures rather than a whole eval set: {@code real-small}, a few everyday prompts, and {@code real-context}, whose last prompt is longer than the server's
 * context, so that item alone fails.
 */
public final class RealServerEvalSets {

    /** The shipped eval set of the tier's main pairwise runs (REST and {@code compare}). */
    public static final String SHIPPED = "everyday";
    public static final int SMALL_PROMPTS = 3;
    public static final int CONTEXT_PROMPTS = 3;
    public static final String LONG_PROMPT_ID = "real-context-003";

    private RealServerEvalSets() {
    }

    /** How many prompts the shipped set has, read from its file in {@code eval-sets/}. */
    public static int shippedPrompts() throws IOException {
        try (var lines = Files.lines(Path.of("eval-sets", SHIPPED + ".yaml"))) {
            return (int) lines.filter(l -> l.startsWith("  - id: " + SHIPPED + "-")).count();
        }
    }

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("real-small.yaml"), header("real-small") + """
                  - {id: real-small-001, category: everyday, text: "How long should I boil an egg for a runny yolk?"}
                  - {id: real-small-002, category: everyday, text: "Suggest a name for a grey cat."}
                  - {id: real-small-003, category: everyday, text: "What should I pack for a weekend hike?"}
                """);
        Files.writeString(dir.resolve("real-context.yaml"), header("real-context") + """
                  - {id: real-context-001, category: everyday, text: "Write a two-line thank-you note to a neighbour."}
                  - {id: real-context-002, category: everyday, text: "Is it better to rent or buy a bike for a week?"}
                  - {id: %s, category: everyday, text: "Summarise these notes: %s"}
                """.formatted(LONG_PROMPT_ID, longText(9000)));
        return dir;
    }

    private static String header(String id) {
        return """
                id: %s
                title: "Real-server tier: %s"
                claim:
                  quote: "it answers"
                  source: "test fixture"
                hypothesis:
                  metric: win-rate
                  comparator: ">"
                  threshold: 0.5
                scorer: pairwise-judge
                judge-template: everyday
                categories: [everyday]
                prompts:
                """.formatted(id, id);
    }

    /** Words enough for many more tokens than the server's 4096 (shared by two slots: 2048 each). */
    private static String longText(int words) {
        Random random = new Random(12003);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }
}
