package io.claimbench.judging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.PromptItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-answer grading, MT-Bench style: the judge rates one answer 1-10 against criteria, seeing no other answer
 * and no model name; a pair's verdict derives from the two grades (a difference within the tie band is a tie).
 * The answer is fenced with a tag derived from its content. A rating that cannot be read is unscored.
 */
public final class RubricJudge {

    /** The template an eval set grades with when it names none ({@code rubric-template} in its YAML). */
    public static final String TEMPLATE = "rubric";
    private static final Pattern BRACKETED = Pattern.compile("\\[\\[\\s*(\\d+(?:\\.\\d+)?)\\s*]]|(?i)rating\\s*:\\s*(\\d+(?:\\.\\d+)?)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String system;
    private final String user;
    private final String hash;

    private RubricJudge(String name, String system, String user, String hash) {
        this.name = name;
        this.system = system;
        this.user = user;
        this.hash = hash;
    }

    /** The grading template {@code prompts/judges/<name>.md}: system text, {@code ---}, then the user text. */
    public static RubricJudge load(Path promptsDir, String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("rubric template names are lower-case letters, digits and dashes; was '" + name + "'");
        }
        Path file = promptsDir.resolve("judges").resolve(name + ".md");
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int sep = content.indexOf("\n---\n");
            if (sep < 0 || !content.contains("{{answer}}") || !content.contains("{{fence}}") || !content.contains("{{question}}")) {
                throw new IllegalArgumentException("rubric template " + file + " needs '---', {{question}}, {{answer}} and {{fence}}");
            }
            return new RubricJudge(name, content.substring(0, sep).strip(), content.substring(sep + 5), PromptItem.sha256(content));
        } catch (IOException e) {
            throw new UncheckedIOException("rubric template " + file + " not readable", e);
        }
    }

    public String name() {
        return name;
    }

    public String hash() {
        return hash;
    }

    public PairwiseJudge.Rendered render(String question, String answer, String reference) {
        String fence = PromptItem.sha256(question + "\u0000" + answer).substring(0, 16);
        String referenceBlock = reference == null ? "" : "\n[Reference answer]\n<<<REFERENCE " + fence + ">>>\n"
                + reference + "\n<<<END REFERENCE " + fence + ">>>\n";
        String u = user.replace("{{fence}}", fence).replace("{{reference_block}}", referenceBlock)
                .replace("{{question}}", "\u0000Q\u0000").replace("{{answer}}", "\u0000A\u0000");
        return new PairwiseJudge.Rendered(system, u.replace("\u0000Q\u0000", question).replace("\u0000A\u0000", answer));
    }

    /** The rating in [1, 10] with the rationale, or unscored with the reason. */
    public static AnswerScore parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new AnswerScore.Unscored("the judge's answer is empty");
        }
        Double rating = null;
        int end = raw.lastIndexOf('}');
        int start = end < 0 ? -1 : raw.lastIndexOf('{', end);
        if (start >= 0) {
            try {
                JsonNode node = JSON.readTree(raw.substring(start, end + 1));
                if (node.has("rating") && node.get("rating").isNumber()) {
                    rating = node.get("rating").asDouble();
                }
            } catch (IOException notJson) {
                // fall back to the bracketed form
            }
        }
        if (rating == null) {
            Matcher m = BRACKETED.matcher(raw);
            while (m.find()) {
                rating = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        if (rating == null) {
            return new AnswerScore.Unscored("no rating found in the judge's answer");
        }
        if (rating < 1 || rating > 10) {
            return new AnswerScore.Unscored("rating " + rating + " is outside 1-10");
        }
        return new AnswerScore.Scored(rating, Map.of("rating", rating));
    }
}
