package io.claimbench.checks;

import io.claimbench.catalog.CatalogException;
import io.claimbench.models.ModelRegistry;
import io.claimbench.runs.InvalidRunException;
import io.claimbench.runs.RunService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a spec's runs ready in this process: defines its models, then checks every run against the catalog and the
 * models before any starts, so that one bad claim fails the whole check (exit 3) before anything is spent.
 */
@ApplicationScoped
public class SpecRuns {

    private final ModelRegistry models;
    private final RunService runs;

    public SpecRuns(ModelRegistry models, RunService runs) {
        this.models = models;
        this.runs = runs;
    }

    /** The spec's own eval sets must already be in the catalog; throws {@link CatalogException} ("invalid spec"). */
    public void prepare(CheckSpec spec) {
        List<CatalogException.Problem> problems = new ArrayList<>();
        for (CheckSpec.Model m : spec.models()) {
            if (models.isConfigured(m.spec().name())) {
                problems.add(new CatalogException.Problem(spec.file(), m.line(), "model '" + m.spec().name()
                        + "' is already configured (claimbench.models." + m.spec().name() + "): give yours another name"));
            }
        }
        fail(problems);
        for (CheckSpec.Model m : spec.models()) {
            try {
                models.define(m.spec());
            } catch (IllegalArgumentException e) {
                problems.add(new CatalogException.Problem(spec.file(), m.line(), "model '" + m.spec().name() + "': " + e.getMessage()));
            }
        }
        fail(problems);
        for (CheckSpec.Check c : spec.checks()) {
            try {
                runs.check(c.request(), true);
            } catch (InvalidRunException e) {
                problems.add(new CatalogException.Problem(spec.file(), c.lineOf(e.field()), e.getMessage()));
            }
        }
        fail(problems);
    }

    private static void fail(List<CatalogException.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new CatalogException("invalid spec", problems);
        }
    }
}
