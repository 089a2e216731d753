package io.claimbench.web;

import java.util.List;

/** A vote campaign to choose from: a run, and its categories to vote within. */
public record Campaign(String runId, String evalSet, String candidate, String baseline, List<String> categories) {

    public Campaign {
        categories = List.copyOf(categories);
    }
}
