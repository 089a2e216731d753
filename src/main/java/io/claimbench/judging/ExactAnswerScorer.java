package io.claimbench.judging;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short-answer correctness against a gold answer, without a judge: case, accents, punctuation and articles are
 * ignored, thousands separators dropped, numbers compared as numbers (a leading number with a unit as the number),
 * and a gold answer such as "weber (Wb)" or
 * "46 (23 pairs)" accepts each of its forms. A single letter A-E is read as a multiple-choice answer. Score 1 when
 * a form of the gold answer appears in the answer, else 0.
 */
public final class ExactAnswerScorer implements ReferenceScorer {

    public static final String NAME = "exact-match";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern CHOICE = Pattern.compile("^[A-E]$");
    private static final Pattern ANSWER_CHOICE = Pattern.compile("(?i)(?:answer(?: is)?|option|choice)\\s*:?\\s*\\(?([A-E])\\)?\\b|^\\s*\\(?([A-E])\\)?[.):]?\\s*$",
            Pattern.MULTILINE);
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AnswerScore score(String reference, String answer) {
        if (answer == null || answer.isBlank()) {
            return new AnswerScore.Unscored("empty answer");
        }
        if (reference == null || reference.isBlank()) {
            return new AnswerScore.Unscored("no reference answer");
        }
        String gold = reference.strip();
        if (CHOICE.matcher(gold).matches()) {
            Matcher m = ANSWER_CHOICE.matcher(answer);
            String chosen = null;
            while (m.find()) {
                chosen = m.group(1) != null ? m.group(1) : m.group(2);
            }
            return result(chosen != null && chosen.equalsIgnoreCase(gold), "choice");
        }
        String normalizedAnswer = " " + normalize(answer) + " ";
        for (String form : forms(gold)) {
            String f = normalize(form);
            if (f.isEmpty()) {
                continue;
            }
            // A number with a unit ("299792458 m/s", "128 bits") is checked as the number: units are written many ways.
            String first = f.split(" ")[0];
            if (NUMBER.matcher(first).matches() ? containsNumber(normalizedAnswer, Double.parseDouble(first))
                    : normalizedAnswer.contains(" " + f + " ")) {
                return result(true, form);
            }
        }
        return result(false, null);
    }

    private static AnswerScore result(boolean correct, String matched) {
        return new AnswerScore.Scored(correct ? 1 : 0, Map.of("correct", correct ? 1.0 : 0.0));
    }

    /** The gold answer's accepted forms: itself, its part outside parentheses, and what the parentheses hold. */
    static List<String> forms(String gold) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(gold);
        Matcher paren = Pattern.compile("\\(([^)]*)\\)").matcher(gold);
        String outside = gold.replaceAll("\\([^)]*\\)", " ").strip();
        if (!outside.isEmpty()) {
            forms.add(outside);
        }
        while (paren.find()) {
            String inner = paren.group(1).strip();
            if (!inner.isEmpty() && !inner.toLowerCase(Locale.ROOT).startsWith("by ")) {
                forms.add(inner);
            }
        }
        List<String> all = new ArrayList<>();
        for (String f : forms) {
            for (String alternative : f.split("\\s+or\\s+|\\s+/\\s+")) {
                all.add(alternative.strip());
            }
        }
        return all;
    }

    static String normalize(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        t = t.replaceAll("(?<=\\d)[,\\u00a0 ](?=\\d{3}(?!\\d))", ""); // 299,792,458 -> 299792458
        t = t.replaceAll("[^a-z0-9.\\-]+", " ").replaceAll("(?<![0-9])\\.|\\.(?![0-9])", " ");
        StringBuilder out = new StringBuilder();
        for (String w : t.trim().split("\\s+")) {
            if (!w.isEmpty() && !ARTICLES.contains(w)) {
                out.append(out.isEmpty() ? "" : " ").append(w);
            }
        }
        return out.toString();
    }

    private static boolean containsNumber(String normalizedAnswer, double value) {
        Matcher m = NUMBER.matcher(normalizedAnswer);
        while (m.find()) {
            double v = Double.parseDouble(m.group());
            if (Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value))) {
                return true;
            }
        }
        return false;
    }
}
