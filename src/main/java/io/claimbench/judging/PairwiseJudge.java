package io.claimbench.judging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.PromptItem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a judge prompt for one game and reads the verdict from the judge's answer. Answers are fenced with a
 * tag derived from their content, so an answer cannot close its own fence; model names never reach the judge.
 */
public final class PairwiseJudge {

    private static final Pattern BRACKETED = Pattern.compile("\\[\\[\\s*(A\\s*>>\\s*B|A\\s*>\\s*B|A\\s*=\\s*B|B\\s*>\\s*A|B\\s*>>\\s*A)\\s*]]");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The start of a verdict object cut off after its verdict, the first property of {@link VerdictSchema}. */
    private static final Pattern CUT_OFF = Pattern.compile("\\s*\\{\\s*\"verdict\"\\s*:\\s*\"(A>>B|A>B|A=B|B>A|B>>A)\"\\s*,");

    private final JudgeTemplate template;

    public PairwiseJudge(JudgeTemplate template) {
        this.template = template;
    }

    public JudgeTemplate template() {
        return template;
    }

    /** The system and user messages for one game. */
    public Rendered render(String question, String answerA, String answerB, String reference) {
        String fence = fence(question, answerA, answerB);
        String referenceBlock = reference == null ? "" : "\n[Reference answer]\n<<<REFERENCE " + fence + ">>>\n"
                + reference + "\n<<<END REFERENCE " + fence + ">>>\n";
        // Substitute the fence and reference first, the untrusted texts last, so their content is never re-expanded.
        String user = template.user()
                .replace("{{fence}}", fence)
                .replace("{{reference_block}}", referenceBlock)
                .replace("{{question}}", "\u0000Q\u0000")
                .replace("{{answer_a}}", "\u0000A\u0000")
                .replace("{{answer_b}}", "\u0000B\u0000");
        user = user.replace("\u0000Q\u0000", question).replace("\u0000A\u0000", answerA).replace("\u0000B\u0000", answerB);
        return new Rendered(template.system(), user);
    }

    static String fence(String question, String a, String b) {
        return PromptItem.sha256(question + "\u0000" + a + "\u0000" + b).substring(0, 16);
    }

    /**
     * The verdict of a judge's answer: the last JSON object with a "verdict" field, else the last [[A>B]] tag.
     * Anything else is unscored, with the reason, never a guess.
     */
    public static Verdict parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Verdict.Unscored("the judge's answer is empty", null);
        }
        JsonNode obj = lastJsonWithVerdict(raw);
        if (obj != null) {
            String v = obj.get("verdict").asText();
            String rationale = obj.hasNonNull("rationale") ? obj.get("rationale").asText() : null;
            return Preference.parse(v)
                    .<Verdict>map(p -> new Verdict.Scored(p, rationale))
                    .orElseGet(() -> new Verdict.Unscored("verdict '" + truncate(v) + "' is not one of A>>B, A>B, A=B, B>A, B>>A", rationale));
        }
        Matcher m = BRACKETED.matcher(raw);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last != null) {
            return new Verdict.Scored(Preference.parse(last).orElseThrow(), truncate(raw));
        }
        return new Verdict.Unscored("no verdict found in the judge's answer", truncate(raw));
    }

    /**
     * The verdict of an answer given under {@link VerdictSchema}: the whole answer is the verdict object, or, cut off
     * in its rationale, begins with the verdict. Empty when it is neither (a server that ignored the schema): the
     * caller then reads it as text.
     */
    public static java.util.Optional<Verdict> parseStructured(String raw) {
        if (raw == null || raw.isBlank()) {
            return java.util.Optional.empty();
        }
        String answer = raw.strip();
        if (answer.charAt(0) != '{') {
            return java.util.Optional.empty(); // text around the object (no JSON parse, which would throw)
        }
        try {
            JsonNode node = JSON.readTree(answer);
            if (node == null || !node.isObject() || !node.path("verdict").isTextual()) {
                return java.util.Optional.empty();
            }
            String rationale = node.path("rationale").isTextual() ? truncate(node.get("rationale").asText()) : null;
            return Preference.parse(node.get("verdict").asText()).map(p -> new Verdict.Scored(p, rationale));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Matcher cut = CUT_OFF.matcher(raw);
            return cut.lookingAt() ? Preference.parse(cut.group(1)).map(p -> new Verdict.Scored(p, truncate(raw)))
                    : java.util.Optional.empty();
        }
    }

    private static JsonNode lastJsonWithVerdict(String raw) {
        // The verdict object closes near the end; bounded so that a long answer full of braces stays cheap.
        int ends = 0;
        for (int end = raw.lastIndexOf('}'); end >= 0 && ends++ < 8; end = raw.lastIndexOf('}', end - 1)) {
            int starts = 0;
            for (int start = raw.lastIndexOf('{', end); start >= 0 && starts++ < 32; start = raw.lastIndexOf('{', start - 1)) {
                try {
                    JsonNode node = JSON.readTree(raw.substring(start, end + 1));
                    if (node != null && node.isObject() && node.has("verdict")) {
                        return node;
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
                    // not a JSON object at this span; try a wider one
                }
            }
        }
        return null;
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

    public record Rendered(String system, String user) {
    }
}
