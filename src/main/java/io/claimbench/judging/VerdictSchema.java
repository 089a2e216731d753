package io.claimbench.judging;

import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

import java.util.Arrays;

/**
 * The JSON schema of a pairwise verdict, the object the judge templates ask for on their last line: a short
 * rationale first (the judge reasons before it decides), then one of the five labels. A server that enforces it
 * (OpenAI's strict schemas, llama.cpp's grammars) cannot answer with a verdict outside the labels.
 */
public final class VerdictSchema {

    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("pairwise_verdict_v1") // in the cache key: rename it when it changes
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("rationale", JsonStringSchema.builder()
                            .description("two or three sentences on the strengths and weaknesses of each answer").build())
                    .addProperty("verdict", JsonEnumSchema.builder()
                            .enumValues(Arrays.stream(Preference.values()).map(Preference::label).toList())
                            .description("A>>B: A is significantly better ... B>>A: B is significantly better").build())
                    .required("rationale", "verdict")
                    .additionalProperties(false)
                    .build())
            .build();

    private VerdictSchema() {
    }
}
