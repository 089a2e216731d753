package io.claimbench.judging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.catalog.ScorerName;
import io.claimbench.stats.Summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EQ-Bench v2: the answer rates four emotions 0-10, in a first pass and a revised pass. Each pass is scored
 * against the reference intensities: question score = 10 - 0.7477 * sum f(|answer - reference|), with f(0) = 0,
 * f(d) = 6.5 / (1 + e^(-1.2 (d - 4))) for 0 < d <= 5 and f(d) = d beyond. A pass whose emotion names are not
 * exactly the four asked is unparseable. The benchmark score is 10 x the mean question score of the better
 * pass. Per answer, the score that competes pairwise is the answer's last parseable pass (revised, else first).
 */
public final class EqBenchV2Scorer implements AnswerScorer {

    static final String FIRST = "first_pass";
    static final String REVISED = "revised";

    private static final Pattern FIRST_HEADING = Pattern.compile("first\\s+pass\\s+scores\\s*:?", Pattern.CASE_INSENSITIVE);
    private static final Pattern REVISED_HEADING = Pattern.compile("revised\\s+scores\\s*:?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRITIQUE_HEADING = Pattern.compile("critique\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMOTION_LINE =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z '\\-]*?)\\s*:\\s*(\\d+(?:\\.\\d+)?)\\s*$", Pattern.MULTILINE);

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public ScorerName name() {
        return ScorerName.EQ_BENCH_V2;
    }

    @Override
    public AnswerScore score(String reference, String answer) {
        Map<String, Double> ref = parseReference(reference);
        if (answer == null || answer.isBlank()) {
            return new AnswerScore.Unscored("empty answer");
        }
        Map<String, Double> parts = new HashMap<>();
        Matcher first = FIRST_HEADING.matcher(answer);
        Matcher revised = REVISED_HEADING.matcher(answer);
        boolean hasFirst = first.find();
        boolean hasRevised = revised.find();
        if (!hasFirst && !hasRevised) {
            passScore(answer, ref).ifPresent(s -> parts.put(FIRST, s));
        } else {
            if (hasFirst) {
                int end = hasRevised && revised.start() > first.end() ? revised.start() : answer.length();
                String block = answer.substring(first.end(), end);
                Matcher critique = CRITIQUE_HEADING.matcher(block);
                if (critique.find()) {
                    block = block.substring(0, critique.start());
                }
                passScore(block, ref).ifPresent(s -> parts.put(FIRST, s));
            }
            if (hasRevised) {
                passScore(answer.substring(revised.end()), ref).ifPresent(s -> parts.put(REVISED, s));
            }
        }
        if (parts.isEmpty()) {
            return new AnswerScore.Unscored("no pass names exactly the four emotions " + ref.keySet());
        }
        double value = parts.containsKey(REVISED) ? parts.get(REVISED) : parts.get(FIRST);
        return new AnswerScore.Scored(value, parts);
    }

    /**
     * 10 x mean question score, per pass over the answers parseable in it; the better pass is the score, its n
     * the answers parsed in that pass and its interval that of the mean. Each answer's value is 10 x its score in
     * that pass (null when it was not parsed there).
     */
    @Override
    public java.util.Optional<List<Double>> benchmarkValues(List<AnswerScore> scores) {
        List<Double> first = new ArrayList<>();
        List<Double> revised = new ArrayList<>();
        for (AnswerScore s : scores) {
            if (s instanceof AnswerScore.Scored scored) {
                Double f = scored.parts().get(FIRST);
                Double r = scored.parts().get(REVISED);
                if (f != null) {
                    first.add(f);
                }
                if (r != null) {
                    revised.add(r);
                }
            }
        }
        Summary a = Summary.of(first.stream().mapToDouble(x -> 10 * x).toArray());
        Summary b = Summary.of(revised.stream().mapToDouble(x -> 10 * x).toArray());
        if (a.n() == 0 && b.n() == 0) {
            return java.util.Optional.empty();
        }
        String pass = b.n() == 0 ? FIRST : a.n() == 0 ? REVISED : b.mean() > a.mean() ? REVISED : FIRST;
        List<Double> values = new ArrayList<>(scores.size());
        for (AnswerScore s : scores) {
            Double v = s instanceof AnswerScore.Scored scored ? scored.parts().get(pass) : null;
            values.add(v == null ? null : 10 * v);
        }
        return java.util.Optional.of(java.util.Collections.unmodifiableList(values));
    }

    static double penalty(double d) {
        if (d == 0) {
            return 0;
        }
        if (d <= 5) {
            return 6.5 / (1 + Math.exp(-1.2 * (d - 4)));
        }
        return d;
    }

    static OptionalDouble passScoreOf(Map<String, Double> answer, Map<String, Double> reference) {
        if (!answer.keySet().equals(reference.keySet())) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : reference.entrySet()) {
            sum += penalty(Math.abs(answer.get(e.getKey()) - e.getValue()));
        }
        return OptionalDouble.of(10 - 0.7477 * sum);
    }

    private static java.util.Optional<Double> passScore(String block, Map<String, Double> ref) {
        Map<String, Double> answer = new HashMap<>();
        Matcher m = EMOTION_LINE.matcher(block);
        while (m.find()) {
            answer.put(m.group(1).trim().toLowerCase(Locale.ROOT), Double.parseDouble(m.group(2)));
        }
        OptionalDouble s = passScoreOf(answer, ref);
        return s.isPresent() ? java.util.Optional.of(s.getAsDouble()) : java.util.Optional.empty();
    }

    /** The reference as EQ-Bench stores it: emotion1..4 and emotion1_score..4 (numbers or numeric strings). */
    Map<String, Double> parseReference(String reference) {
        try {
            JsonNode node = json.readTree(reference);
            Map<String, Double> ref = new HashMap<>();
            for (int i = 1; i <= 4; i++) {
                JsonNode name = node.get("emotion" + i);
                JsonNode score = node.get("emotion" + i + "_score");
                if (name == null || score == null) {
                    throw new IllegalArgumentException("reference lacks emotion" + i);
                }
                ref.put(name.asText().trim().toLowerCase(Locale.ROOT), Double.parseDouble(score.asText().trim()));
            }
            return ref;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("reference is not EQ-Bench JSON: " + e.getOriginalMessage(), e);
        }
    }
}
