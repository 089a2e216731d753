package io.claimbench.judging;

import io.claimbench.catalog.PromptItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pairwise judge prompt: the system part above a line {@code ---}, the user part below, with placeholders
 * {{question}}, {{answer_a}}, {{answer_b}}, {{reference_block}} and {{fence}}. Its hash is recorded with each run.
 */
public record JudgeTemplate(String name, String system, String user, String hash) {

    public static JudgeTemplate load(Path promptsDir, String name) {
        Path file = promptsDir.resolve("judges").resolve(name + ".md");
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("judge template " + file + " not readable", e);
        }
    }

    public static JudgeTemplate parse(String name, String content) {
        int sep = content.indexOf("\n---\n");
        if (sep < 0) {
            throw new IllegalArgumentException("judge template '" + name + "' lacks the '---' line between system and user parts");
        }
        String user = content.substring(sep + 5);
        for (String p : new String[]{"{{question}}", "{{answer_a}}", "{{answer_b}}", "{{fence}}"}) {
            if (!user.contains(p)) {
                throw new IllegalArgumentException("judge template '" + name + "' lacks " + p);
            }
        }
        return new JudgeTemplate(name, content.substring(0, sep).strip(), user, PromptItem.sha256(content));
    }
}
