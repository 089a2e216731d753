package io.claimbench.cli;

import io.claimbench.catalog.CatalogException;
import io.claimbench.models.UnknownModelException;
import io.claimbench.runs.InvalidRunException;

/** How the CLI words a failure and which exit code it gets. */
final class CliErrors {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

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
                || e instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
    }

    /** Results and reports go to stdout as indented JSON. */
    static void printJson(picocli.CommandLine.Model.CommandSpec spec, com.fasterxml.jackson.databind.ObjectMapper json,
                          Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
        spec.commandLine().getOut().println(json.copy()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
