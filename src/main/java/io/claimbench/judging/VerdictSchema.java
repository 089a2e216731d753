package io.claimbench.judging;

import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

import java.util.Arrays;

/**
 * The JSON schema of a pairwise verdict, the object the judge templates ask for on their last line: the verdict, one
 * of the five labels, then a short rationale. A server that enforces it (OpenAI's strict schemas, llama.cpp's
 * grammars) cannot answer with a verdict outside the labels, and the verdict comes first so that an answer cut off
 * in its rationale (at the judge's max-tokens) still carries it.
 */
public final class VerdictSchema {

    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("pairwise_verdict_v2") // in the cache key: rename it when it changes
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("verdict", JsonEnumSchema.builder()
                            .enumValues(Arrays.stream(Preference.values()).map(Preference::label).toList())
                            .description("A>>B: A is significantly better ... B>>A: B is significantly better").build())
                    .addProperty("rationale", JsonStringSchema.builder()
                            .description("two or three sentences on the strengths and weaknesses of each answer").build())
                    .required("verdict", "rationale")
                    .additionalProperties(false)
                    .build())
            .build();

    private VerdictSchema() {
    }
}
