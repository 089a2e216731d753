package io.claimbench.models;

import io.claimbench.catalog.PromptItem;

import java.util.Map;
import java.util.Optional;

/**
 * Published answers of one model, found by the prompt's id in the source data set or by the prompt's text.
 * A prompt the recording lacks has no answer: replay never invents one.
 */
public record Recording(String format, String model, Map<String, String> bySourceId, Map<String, String> byText) {

    public Recording {
        bySourceId = Map.copyOf(bySourceId);
        byText = Map.copyOf(byText);
    }

    public Optional<String> answer(String sourceId, String promptText) {
        if (sourceId != null && bySourceId.containsKey(sourceId)) {
            return Optional.of(bySourceId.get(sourceId));
        }
        return Optional.ofNullable(byText.get(textKey(promptText)));
    }

    public int size() {
        return Math.max(bySourceId.size(), byText.size());
    }

    /** Text match ignores surrounding and repeated white space. */
    public static String textKey(String text) {
        return PromptItem.sha256(text == null ? "" : text.strip().replaceAll("\\s+", " "));
    }
}
