package io.claimbench.checks;

import io.claimbench.models.ModelSpec;
import io.claimbench.runs.RunRequest;

import java.nio.file.Path;
import java.util.List;

/**
 * A check spec ({@code claimbench.yaml}), a file in the user's own repository: the models it defines, its own eval
 * sets and prompts besides the shipped ones, and the claims to check. Paths are resolved against the spec's folder.
 *
 * @param file               the spec as the user named it, for messages
 * @param inconclusivePasses whether a claim the data cannot settle passes; null: the command line decides (default fail)
 */
public record CheckSpec(String file, List<Model> models, List<Path> evalSets, Path prompts, Boolean inconclusivePasses,
                        List<Check> checks) {

    public CheckSpec {
        models = List.copyOf(models);
        evalSets = List.copyOf(evalSets);
        checks = List.copyOf(checks);
    }

    /** A model the spec defines, at its line. */
    public record Model(ModelSpec spec, int line) {
    }

    /**
     * One claim for one candidate: the run to start, named for the reports.
     *
     * @param name  the claim's name in the spec, or the eval set's id
     * @param line  the claim's line, for problems found when the run is checked against the catalog and the models
     * @param lines the line of each field the run takes, by the run field's name ({@code candidate}, {@code judge}...)
     */
    public record Check(String name, int line, RunRequest request, java.util.Map<String, Integer> lines) {
        public int lineOf(String runField) {
            return lines.getOrDefault(runField, line);
        }
    }
}
