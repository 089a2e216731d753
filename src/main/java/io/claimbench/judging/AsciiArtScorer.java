package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "flawless ASCII art" can mean mechanically. The art is the first fenced block of the answer, or else the
 * answer's lines that look drawn rather than written. Each check passes (1) or fails (0); the score is the share
 * passed, and the failed checks are named in the parts. No model and no reference are needed.
 */
public final class AsciiArtScorer implements AnswerScorer {

    static final int MAX_COLUMNS = 80;
    static final String PRESENT = "present";
    static final String PRINTABLE = "printable-ascii";
    static final String FITS = "fits-80-columns";
    static final String NO_PROSE = "no-prose-inside";
    static final String WIDTHS = "consistent-widths";
    static final String FENCES = "fences-closed";

    private static final Pattern FENCE = Pattern.compile("^\\s*```", Pattern.MULTILINE);
    private static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){4,}");

    @Override
    public ScorerName name() {
        return ScorerName.ASCII_ART;
    }

    @Override
    public AnswerScore score(String reference, String answer) {
        if (answer == null || answer.isBlank()) {
            return new AnswerScore.Unscored("empty answer");
        }
        Extracted art = extract(answer);
        List<String> lines = art.lines();
        Map<String, Double> checks = new LinkedHashMap<>();
        long drawn = lines.stream().filter(l -> !l.isBlank()).count();
        long ink = lines.stream().mapToLong(l -> l.chars().filter(c -> c != ' ').count()).sum();
        checks.put(PRESENT, drawn >= 3 && ink >= 10 ? 1.0 : 0.0);
        checks.put(PRINTABLE, lines.stream().allMatch(l -> l.chars().allMatch(c -> c >= 32 && c <= 126)) ? 1.0 : 0.0);
        checks.put(FITS, lines.stream().allMatch(l -> l.length() <= MAX_COLUMNS) ? 1.0 : 0.0);
        checks.put(NO_PROSE, lines.stream().noneMatch(l -> SENTENCE.matcher(l).find()) ? 1.0 : 0.0);
        checks.put(WIDTHS, consistentWidths(lines) ? 1.0 : 0.0);
        checks.put(FENCES, art.fencesClosed() ? 1.0 : 0.0);
        double score = checks.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new AnswerScore.Scored(score, checks);
    }

    @Override
    public List<String> failedChecks(AnswerScore score) {
        return score instanceof AnswerScore.Scored s ? failed(s) : List.of();
    }

    /** The benchmark figure is the mean share of checks passed, with n and its interval: the model's ASCII-art score. */
    @Override
    public java.util.Optional<List<Double>> benchmarkValues(List<AnswerScore> scores) {
        return AnswerScorer.scoredValues(scores);
    }

    /** The checks an answer failed, by name: what a reader wants to know about a score below 1. */
    public static List<String> failed(AnswerScore.Scored score) {
        return score.parts().entrySet().stream().filter(e -> e.getValue() < 1).map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Tabs render at different widths in different viewers, and a drawing whose lines differ wildly in width
     * (one line over three times the typical width) has usually lost its alignment.
     */
    static boolean consistentWidths(List<String> lines) {
        if (lines.stream().anyMatch(l -> l.indexOf('\t') >= 0)) {
            return false;
        }
        int[] widths = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.stripTrailing().length()).sorted().toArray();
        if (widths.length < 3) {
            return true;
        }
        int median = widths[widths.length / 2];
        return Arrays.stream(widths).allMatch(w -> w <= 3 * Math.max(median, 8));
    }

    record Extracted(List<String> lines, boolean fencesClosed) {
    }

    static Extracted extract(String answer) {
        Matcher m = FENCE.matcher(answer);
        List<Integer> fences = new ArrayList<>();
        while (m.find()) {
            fences.add(m.start());
        }
        if (!fences.isEmpty()) {
            int open = answer.indexOf('\n', fences.get(0));
            int close = fences.size() > 1 ? fences.get(1) : answer.length();
            String block = open < 0 || open >= close ? "" : answer.substring(open + 1, close);
            return new Extracted(block.lines().toList(), fences.size() % 2 == 0);
        }
        // No fence: the drawn lines are those with more symbols than letters.
        List<String> drawn = answer.lines().filter(l -> {
            long letters = l.chars().filter(Character::isLetter).count();
            long symbols = l.chars().filter(c -> c != ' ' && !Character.isLetterOrDigit(c)).count();
            return !l.isBlank() && symbols >= letters;
        }).toList();
        return new Extracted(drawn, true);
    }
}
