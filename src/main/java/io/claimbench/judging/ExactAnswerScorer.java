package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;

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
 *
 * <p>Numbers: the answer's numbers may be written in scientific notation ("6.02e23", "6.02 x 10^23") or as words
 * up to the nineties ("three", "twenty-one"); a gold number may carry a tolerance, absolute ("9.81 +- 0.05",
 * "9.81 ± 0.05") or relative ("1.6e-19 ± 1%"). Without one, numbers must be equal.
 */
public final class ExactAnswerScorer implements AnswerScorer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?");
    private static final Pattern TOLERANCE = Pattern.compile("^(.*?)\\s*(?:±|\\+/-|\\+-)\\s*(\\d+(?:\\.\\d+)?)\\s*(%)?\\s*$");
    private static final Pattern TIMES_TEN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:x|×|\\*|·)\\s*10\\s*(?:\\^|\\*\\*)\\s*([-−]?\\d+)");
    private static final Pattern E_PLUS = Pattern.compile("(\\d)[eE]\\+?(-?\\d)");
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final Pattern NUMBER_WORD;

    static {
        String units = String.join("|", UNITS);
        String tens = String.join("|", java.util.Arrays.copyOfRange(TENS, 2, TENS.length));
        NUMBER_WORD = Pattern.compile("(?i)\\b(?:(" + tens + ")(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(" + units + "))\\b");
    }
    private static final Pattern CHOICE = Pattern.compile("^[A-E]$");
    private static final Pattern ANSWER_CHOICE = Pattern.compile("(?i)(?:answer(?: is)?|option|choice)\\s*:?\\s*\\(?([A-E])\\)?\\b|^\\s*\\(?([A-E])\\)?[.):]?\\s*$",
            Pattern.MULTILINE);
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    @Override
    public ScorerName name() {
        return ScorerName.EXACT_MATCH;
    }

    @Override
    public AnswerScore score(String reference, String answer) {
        AnswerScore.Unscored unusable = AnswerScorer.unscorable(reference, answer);
        if (unusable != null) {
            return unusable;
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
        String numericAnswer = " " + normalize(numbersOf(answer)) + " ";
        for (String form : forms(gold)) {
            double tolerance = 0;
            boolean relative = false;
            Matcher t = TOLERANCE.matcher(form);
            if (t.matches()) {
                form = t.group(1);
                tolerance = Double.parseDouble(t.group(2));
                relative = t.group(3) != null;
            }
            String f = normalize(numbersOf(form));
            if (f.isEmpty()) {
                continue;
            }
            // A number with a unit ("299792458 m/s", "128 bits") is checked as the number: units are written many ways.
            String first = f.split(" ")[0];
            if (NUMBER.matcher(first).matches()) {
                double value = Double.parseDouble(first);
                double allowed = relative ? Math.abs(value) * tolerance / 100 : tolerance;
                if (containsNumber(numericAnswer, value, allowed)) {
                    return result(true, form);
                }
            } else if (normalizedAnswer.contains(" " + f + " ")) {
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

    /** Numbers as digits: scientific notation as e-notation, number words (up to ninety-nine) as digits. */
    static String numbersOf(String s) {
        String t = TIMES_TEN.matcher(s).replaceAll(m -> m.group(1) + "e" + m.group(2).replace('−', '-'));
        t = E_PLUS.matcher(t).replaceAll("$1e$2");
        return NUMBER_WORD.matcher(t).replaceAll(m -> {
            if (m.group(3) != null) {
                return Integer.toString(java.util.Arrays.asList(UNITS).indexOf(m.group(3).toLowerCase(Locale.ROOT)));
            }
            int tens = java.util.Arrays.asList(TENS).indexOf(m.group(1).toLowerCase(Locale.ROOT)) * 10;
            int unit = m.group(2) == null ? 0 : java.util.Arrays.asList(UNITS).indexOf(m.group(2).toLowerCase(Locale.ROOT));
            return Integer.toString(tens + unit);
        });
    }

    private static boolean containsNumber(String normalizedAnswer, double value, double tolerance) {
        Matcher m = NUMBER.matcher(normalizedAnswer);
        while (m.find()) {
            if (m.start() > 0 && Character.isLetterOrDigit(normalizedAnswer.charAt(m.start() - 1))) {
                continue; // part of a word or a longer token ("a42", "h2o")
            }
            double v = Double.parseDouble(m.group());
            if (Math.abs(v - value) <= Math.max(tolerance, value == 0 ? 1e-12 : 1e-9 * Math.abs(value))) {
                return true;
            }
        }
        return false;
    }
}
