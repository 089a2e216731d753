package io.claimbench.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim as a set of prompts, with the hypothesis a run tests and how its answers are scored; {@code styleScorer}
 * (optional) measures each answer's style beside a judge's verdict, so a reader sees why one answer won;
 * {@code efficiencyClaims} are the claim's statements about speed or price (ratios of the candidate's to the
 * baseline's time to first token, latency, cost per answer or per win), judged on the run's recorded timings and
 * token counts beside the win-rate hypothesis; {@code rubricTemplate} is the template a run grades with when it
 * chooses the rubric-judge scorer.
 */
public record EvalSet(String id, String title, Claim claim, List<PublishedFigure> published, Hypothesis hypothesis,
                      ScorerName scorer, String judgeTemplate, List<String> categories, List<PromptItem> prompts,
                      String file, String contentHash, ScorerName styleScorer, String rubricTemplate,
                      List<Hypothesis> efficiencyClaims) {

    public EvalSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rubricTemplate, "rubricTemplate");
        published = List.copyOf(published);
        categories = List.copyOf(categories);
        prompts = List.copyOf(prompts);
        efficiencyClaims = efficiencyClaims == null ? List.of() : List.copyOf(efficiencyClaims);
    }

    public Optional<PromptItem> prompt(String promptId) {
        return prompts.stream().filter(p -> p.id().equals(promptId)).findFirst();
    }
}
