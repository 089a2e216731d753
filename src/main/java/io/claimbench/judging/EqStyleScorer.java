package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The style the emotional-intelligence claim describes, measured: a succinct, human reply that validates the
 * feeling and invites the person to say more, rather than a list of self-care tips. Figures per answer: words,
 * list items, headings, whether it asks an open question and whether it validates in the second person; the score
 * in [0,1] is the mean of four checks (succinct, not a listicle, open question, validation). Shown beside a judge's
 * verdict so a reader sees why an answer won; usable alone as a scorer too.
 */
public final class EqStyleScorer implements AnswerScorer {

    static final int SUCCINCT_WORDS = 150;

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*\\u2022]|\\d+[.)])\\s+\\S", Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^\\s*(?:#{1,6}\\s+\\S|\\*\\*[^*\\n]{2,60}\\*\\*\\s*:?\\s*$)", Pattern.MULTILINE);
    private static final Pattern OPEN_QUESTION = Pattern.compile(
            "(?i)\\b(?:what|how|would you|do you want|can you tell|is there|want to talk|tell me)\\b[^?.!]*\\?");
    private static final Pattern VALIDATION = Pattern.compile("(?i)\\b(?:that sounds|it sounds like|sounds (?:really|so|incredibly)?\\s*"
            + "(?:hard|painful|exhausting|heavy|awful|rough|lonely|scary|overwhelming)|i'?m (?:so )?sorry|that'?s (?:a lot|so hard|"
            + "really hard|understandable)|it makes sense|of course you|you'?re not alone|no wonder you|it'?s (?:okay|ok|"
            + "understandable|natural) to)\\b");

    @Override
    public ScorerName name() {
        return ScorerName.EQ_STYLE;
    }

    @Override
    public AnswerScore score(String reference, String answer) {
        if (answer == null || answer.isBlank()) {
            return new AnswerScore.Unscored("empty answer");
        }
        int words = answer.trim().split("\\s+").length;
        long items = LIST_ITEM.matcher(answer).results().count();
        long headings = HEADING.matcher(answer).results().count();
        boolean question = OPEN_QUESTION.matcher(answer).find();
        boolean validates = VALIDATION.matcher(answer).find();
        double succinct = words <= SUCCINCT_WORDS ? 1 : Math.max(0, 1 - (words - SUCCINCT_WORDS) / (double) (2 * SUCCINCT_WORDS));
        double notListicle = items <= 2 && headings == 0 ? 1 : 0;
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("words", (double) words);
        parts.put("listItems", (double) items);
        parts.put("headings", (double) headings);
        parts.put("succinct", succinct);
        parts.put("notListicle", notListicle);
        parts.put("openQuestion", question ? 1.0 : 0.0);
        parts.put("validation", validates ? 1.0 : 0.0);
        return new AnswerScore.Scored((succinct + notListicle + (question ? 1 : 0) + (validates ? 1 : 0)) / 4, parts);
    }
}
