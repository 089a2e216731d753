package io.claimbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimbench.api.ComparisonPageView;

import java.util.ArrayList;
import java.util.List;

/**
 * What the viewer shows of the two answers, candidate first: each answer with its style measures or check scores (the
 * scorer's parts, as recorded) and the checks it failed (for scorers made of named checks); and the injection flags
 * when raised.
 */
public record SideBySide(List<Side> sides, String injection) {

    public SideBySide {
        sides = List.copyOf(sides);
    }

    /** One answer: {@code id} is candidate or baseline. */
    public record Side(String id, String role, ComparisonPageView.AnswerView answer, List<Measure> measures,
                       List<String> failed) {
        public Side {
            measures = List.copyOf(measures);
            failed = List.copyOf(failed);
        }
    }

    public record Measure(String name, String value) {
    }

    static SideBySide of(ComparisonPageView.ItemView item, boolean namedChecks) {
        return new SideBySide(List.of(
                side("candidate", "Candidate", item.candidate(), item.candidateDetail(), namedChecks),
                side("baseline", "Baseline", item.baseline(), item.baselineDetail(), namedChecks)), item.flags());
    }

    private static Side side(String id, String role, ComparisonPageView.AnswerView answer, JsonNode detail,
                             boolean namedChecks) {
        List<Measure> measures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        JsonNode parts = detail == null ? null : detail.get("parts");
        if (parts != null) {
            parts.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                measures.add(new Measure(e.getKey(), v.isNumber() ? Formats.f2(v.asDouble()) : v.asText()));
                if (namedChecks && v.isNumber() && v.asDouble() < 1) {
                    failed.add(e.getKey());
                }
            });
        }
        return new Side(id, role, answer, measures, failed);
    }
}
