package io.claimbench.results;

import java.util.List;
import java.util.Locale;

/** Which family a model belongs to, read from its name, to flag a judge that grades its own family. */
final class ModelFamily {

    private static final List<String> FAMILIES = List.of("gpt", "o1", "o3", "o4", "claude", "gemini", "gemma",
            "llama", "mistral", "mixtral", "qwen", "deepseek", "grok", "phi", "command");

    private ModelFamily() {
    }

    /** The family of a model reference such as "openai:gpt-4o" or "claude-3-5-sonnet"; null when unknown. */
    static String of(String model) {
        if (model == null) {
            return null;
        }
        String name = model.toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        name = colon >= 0 ? name.substring(colon + 1) : name;
        name = name.substring(name.lastIndexOf('/') + 1);
        for (String family : FAMILIES) {
            if (name.startsWith(family)) {
                return family.startsWith("o") && family.length() == 2 ? "gpt" : family.equals("mixtral") ? "mistral" : family;
            }
        }
        return null;
    }

    /** The contestant of the judge's family, if any. */
    static String shared(String judge, String candidate, String baseline) {
        String f = of(judge);
        if (f == null) {
            return null;
        }
        return f.equals(of(candidate)) ? candidate : f.equals(of(baseline)) ? baseline : null;
    }
}
