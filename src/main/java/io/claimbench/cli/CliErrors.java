package io.claimbench.cli;

import io.claimbench.catalog.CatalogException;
import io.claimbench.models.UnknownModelException;
import io.claimbench.runs.InvalidRunException;

/** How the CLI words a failure and which exit code it gets. */
final class CliErrors {

    /** A claim was refuted (or, in regression mode, the candidate regressed). */
    static final int REFUTED = 1;
    /** A claim was not settled either way (and inconclusive results fail). */
    static final int INCONCLUSIVE = 2;
    /** Bad usage or configuration: an unknown option, model or eval set, a value out of range, an invalid catalog. */
    static final int USAGE = 3;
    /** Infrastructure: an endpoint down or refusing the key, a failed run, a run over its error budget. */
    static final int INFRASTRUCTURE = 4;

    private CliErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof InvalidRunException r) {
            return "--" + kebab(r.field()) + ": " + r.getMessage();
        }
        if (e instanceof CatalogException c) {
            return c.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static int exitCode(Throwable e) {
        return e instanceof InvalidRunException || e instanceof CatalogException || e instanceof UnknownModelException
                || e instanceof IllegalArgumentException ? USAGE : INFRASTRUCTURE;
    }

    /** Results and reports go to stdout as indented JSON. */
    static void printJson(picocli.CommandLine.Model.CommandSpec spec, com.fasterxml.jackson.databind.ObjectMapper json,
                          Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
        spec.commandLine().getOut().println(json.copy()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }

    private static String kebab(String field) {
        // "regression.margin" is --regression-margin
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").replace('.', '-').toLowerCase(java.util.Locale.ROOT);
    }
}
