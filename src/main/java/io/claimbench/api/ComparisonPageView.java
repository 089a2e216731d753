package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimbench.results.ComparisonQuery;

import java.util.List;

/**
 * A page of a run's comparisons (GET /api/runs/{id}/comparisons), each with its prompt, both answers and every
 * game: the API's own types, mapped from {@link ComparisonQuery.Page} here only. Outcomes read as the domain's
 * enum names ({@code WIN}, {@code SCORED}...); a reference scorer's detail is shown as it was stored. {@code next} is
 * the cursor of the following page ({@code ?after=<next>}), null on the last one.
 */
public record ComparisonPageView(int page, int size, long total, List<ItemView> items, String next) {

    public static ComparisonPageView of(ComparisonQuery.Page p) {
        return p == null ? null : new ComparisonPageView(p.page(), p.size(), p.total(), Views.list(p.items(), ItemView::of),
                p.next());
    }

    /** One comparison: a prompt sample, both answers, the games judged on them and the pair's outcome. */
    public record ItemView(String promptId, String promptHash, String category, int sample, String prompt,
                           String reference, AnswerView candidate, AnswerView baseline, List<GameView> games,
                           String outcome, int strength, String reason, String flags, Boolean swapAudited,
                           Double winShare, Double candidateScore, Double baselineScore, JsonNode candidateDetail,
                           JsonNode baselineDetail) {

        static ItemView of(ComparisonQuery.Item i) {
            return i == null ? null : new ItemView(i.promptId(), i.promptHash(), i.category(), i.sample(), i.prompt(),
                    i.reference(), AnswerView.of(i.candidate()), AnswerView.of(i.baseline()),
                    Views.list(i.games(), GameView::of), Views.name(i.outcome()), i.strength(), i.reason(), i.flags(),
                    i.swapAudited(), i.winShare(), i.candidateScore(), i.baselineScore(), i.candidateDetail(),
                    i.baselineDetail());
        }
    }

    /** One model's answer with what it took: latency, time to first token, tokens and cost. */
    public record AnswerView(String model, String text, Long latencyMs, Long firstTokenMs, Integer tokensIn,
                             Integer tokensOut, Double cost, boolean fromCache, String error) {

        static AnswerView of(ComparisonQuery.Answer a) {
            return a == null ? null : new AnswerView(a.model(), a.text(), a.latencyMs(), a.firstTokenMs(), a.tokensIn(),
                    a.tokensOut(), a.cost(), a.fromCache(), a.error());
        }
    }

    /**
     * One judged game of one judge; {@code candidatePosition} is A in game 1 and B in game 2 (games 3 and 4 are
     * rubric grades of the candidate's and the baseline's answer).
     */
    public record GameView(String judge, int game, String candidatePosition, String outcome, String verdict,
                           String reason, String rationale, boolean fromCache) {

        static GameView of(ComparisonQuery.Game g) {
            return g == null ? null : new GameView(g.judge(), g.game(), g.candidatePosition(), Views.name(g.outcome()),
                    g.verdict(), g.reason(), g.rationale(), g.fromCache());
        }
    }
}
