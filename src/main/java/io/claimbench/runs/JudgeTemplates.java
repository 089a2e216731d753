package io.claimbench.runs;

import io.claimbench.catalog.CatalogService;
import io.claimbench.judging.JudgeTemplate;
import io.claimbench.judging.PairwiseJudge;
import io.claimbench.judging.RubricJudge;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;

/** Loads the judge templates a run names, from the catalog's prompts folder, for validation and for execution. */
@ApplicationScoped
public class JudgeTemplates {

    private final CatalogService catalog;

    public JudgeTemplates(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** A pairwise judge template; {@link Missing} when there is no such file, IllegalArgumentException when malformed. */
    public PairwiseJudge pairwise(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("judge template names are lower-case letters, digits and dashes");
        }
        try {
            return new PairwiseJudge(JudgeTemplate.load(catalog.promptsDir(name), name));
        } catch (UncheckedIOException e) {
            throw new Missing("unknown judge template '" + name + "'");
        }
    }

    public RubricJudge rubric(String name) {
        try {
            return RubricJudge.load(catalog.promptsDir(name), name);
        } catch (UncheckedIOException e) {
            throw new Missing("rubric template '" + name + "' is not readable");
        }
    }

    /** The named template is not there. */
    public static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }
}
