package io.claimbench.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.judging.AnswerScore;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one mapping between an {@link AnswerScore} and the JSON detail stored with a comparison. */
public final class ScoreDetails {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoreDetails() {
    }

    public static String write(AnswerScore score) {
        if (score == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored answer score read back; null when there is none. */
    public static AnswerScore read(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(detail);
            if (node.has("value")) {
                Map<String, Double> parts = new LinkedHashMap<>();
                node.path("parts").fields().forEachRemaining(e -> parts.put(e.getKey(), e.getValue().asDouble()));
                return new AnswerScore.Scored(node.get("value").asDouble(), parts);
            }
            return new AnswerScore.Unscored(node.path("reason").asText("unscored"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable score detail", e);
        }
    }
}
