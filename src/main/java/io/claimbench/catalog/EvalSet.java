package io.claimbench.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim as a set of prompts, with the hypothesis a run tests and how its answers are scored; {@code styleScorer}
 * (optional) measures each answer's style beside a judge's verdict, so a reader sees why one answer won;
 * {@code rubricTemplate} is the template a run grades with when it chooses the rubric-judge scorer.
 */
public record EvalSet(String id, String title, Claim claim, List<PublishedFigure> published, Hypothesis hypothesis,
                      String scorer, String judgeTemplate, List<String> categories, List<PromptItem> prompts,
                      String file, String contentHash, String styleScorer, String rubricTemplate) {

    public EvalSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rubricTemplate, "rubricTemplate");
        published = List.copyOf(published);
        categories = List.copyOf(categories);
        prompts = List.copyOf(prompts);
    }

    public Optional<PromptItem> prompt(String promptId) {
        return prompts.stream().filter(p -> p.id().equals(promptId)).findFirst();
    }
}
