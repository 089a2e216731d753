package io.claimbench.judging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds answers that try to steer the judge: instructions to ignore the prompt, talk addressed to an evaluator, or
 * verdict tokens written into the answer. The answer is still fenced and judged as data; the pair is flagged so
 * that a reader (and the judge-quality figures) can see a verdict that may have been steered.
 */
public final class InjectionDetector {

    private static final Pattern IGNORE = Pattern.compile(
            "(?i)\\b(?:ignore|disregard|forget)\\b[^.\\n]{0,40}\\b(?:instructions?|prompt|rules|above|previous)\\b");
    private static final Pattern ADDRESSES_JUDGE = Pattern.compile(
            "(?i)\\b(?:dear|attention|note (?:to|for)|hey)\\s+(?:the\\s+)?(?:judge|evaluator|grader|assessor)\\b"
                    + "|\\b(?:as|you are) (?:the|an?) (?:impartial )?(?:judge|evaluator|grader)\\b");
    private static final Pattern VERDICT = Pattern.compile("\\[\\[\\s*[AB]\\s*(?:>>|>|=|<<|<)\\s*[AB]\\s*]]"
            + "|(?i)\"verdict\"\\s*:|\\b(?:answer|verdict|output)\\s*:?\\s*[AB]\\s*>>?\\s*[AB]\\b");

    private InjectionDetector() {
    }

    /** The reasons this answer looks like an attempt to steer a judge; empty when it does not. */
    public static List<String> reasons(String answer) {
        List<String> reasons = new ArrayList<>();
        if (answer == null) {
            return reasons;
        }
        if (IGNORE.matcher(answer).find()) {
            reasons.add("asks to ignore instructions");
        }
        if (ADDRESSES_JUDGE.matcher(answer).find()) {
            reasons.add("addresses the judge");
        }
        if (VERDICT.matcher(answer).find()) {
            reasons.add("writes a verdict");
        }
        return reasons;
    }
}
