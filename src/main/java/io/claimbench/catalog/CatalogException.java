package io.claimbench.catalog;

import java.util.List;

/** Invalid eval-set files: every problem with its file and line. */
public class CatalogException extends RuntimeException {

    private final List<Problem> problems;

    public CatalogException(List<Problem> problems) {
        this(problems.size() > 1 ? "invalid eval sets" : "invalid eval set", problems);
    }

    /** Problems in another kind of file the user wrote, e.g. {@code invalid spec}. */
    public CatalogException(String heading, List<Problem> problems) {
        super(describe(heading, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String heading, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(heading + ":");
        problems.forEach(p -> sb.append(System.lineSeparator()).append("  ").append(p));
        return sb.toString();
    }

    /** One thing wrong, at a 1-based line of a file (0 when the whole file is concerned). */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
        }
    }
}
