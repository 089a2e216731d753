package io.claimbench.cli;

import io.claimbench.catalog.CatalogService;
import io.claimbench.catalog.EvalSet;
import io.claimbench.judging.JudgeTemplate;
import io.claimbench.judging.RubricJudge;
import io.claimbench.models.ModelRegistry;
import picocli.CommandLine;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** Checks eval sets, prompt files, judge templates and model configuration; prints every problem. */
@CommandLine.Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Validate eval sets, prompts, judge templates and model configuration.")
public class ValidateCommand implements Callable<Integer> {

    private final CatalogService catalog;
    private final ModelRegistry models;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CatalogOptions files = new CatalogOptions();

    public ValidateCommand(CatalogService catalog, ModelRegistry models) {
        this.catalog = catalog;
        this.models = models;
    }

    @Override
    public Integer call() {
        files.apply(catalog);
        List<String> modelProblems = models.configProblems();
        modelProblems.forEach(p -> spec.commandLine().getErr().println(p));
        List<EvalSet> sets = catalog.loader().loadAll();
        TreeSet<String> templates = new TreeSet<>();
        sets.stream().map(EvalSet::judgeTemplate).filter(java.util.Objects::nonNull).forEach(templates::add);
        for (String t : templates) {
            JudgeTemplate.load(catalog.promptsDir(t), t);
        }
        // Grading templates have their own contract (one answer, a 1-10 rating); a name may serve both ways.
        TreeSet<String> rubrics = new TreeSet<>();
        sets.stream().map(EvalSet::rubricTemplate).forEach(rubrics::add);
        for (String t : rubrics) {
            RubricJudge.load(catalog.promptsDir(t), t);
        }
        if (!modelProblems.isEmpty()) {
            return CliErrors.USAGE;
        }
        spec.commandLine().getOut().printf("ok: %d eval sets, %d prompts, %d judge templates, %d models%n", sets.size(),
                sets.stream().mapToInt(s -> s.prompts().size()).sum(), templates.size() + rubrics.size(), models.list().size());
        return 0;
    }
}
