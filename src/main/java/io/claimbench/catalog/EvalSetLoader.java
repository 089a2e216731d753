package io.claimbench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.stats.Comparator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates the eval sets under a folder ({@code <id>.yaml}), with their prompt files and third-party
 * question files. Every problem found is reported with its file and line; one bad file fails the whole load.
 *
 * <p>Past 300 lines on purpose: it is the one place that knows every field of an eval set's YAML, checked in the
 * order they are read; each third-party question format reads in a class of its own.
 */
public final class EvalSetLoader {

    static final Set<String> METRICS = Set.of(Hypothesis.WIN_RATE);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> TOP = Set.of("id", "title", "claim", "published", "hypothesis", "scorer",
            "judge-template", "categories", "prompts", "source", "style-scorer", "rubric-template", "efficiency-claims");
    /** The rubric-judge scorer's template when an eval set names none. */
    public static final String DEFAULT_RUBRIC_TEMPLATE = "rubric";

    private final Path evalSetsDir;
    private final List<Path> extraSources;
    private final PromptRoots promptRoots;
    private final ObjectMapper json = new ObjectMapper();

    public EvalSetLoader(Path evalSetsDir, Path promptsDir) {
        this(evalSetsDir, List.of(), PromptRoots.of(promptsDir));
    }

    /**
     * @param evalSetsDir  the shipped (or configured) folder of eval sets
     * @param extraSources the user's own eval sets besides them: folders of {@code <id>.yaml}, or single files
     * @param prompts      where prompt files and judge templates are looked up, first match wins
     */
    public EvalSetLoader(Path evalSetsDir, List<Path> extraSources, PromptRoots prompts) {
        this.evalSetsDir = evalSetsDir;
        this.extraSources = List.copyOf(extraSources);
        this.promptRoots = prompts;
    }

    /** All eval sets, sorted by id; throws {@link CatalogException} listing every problem. */
    public List<EvalSet> loadAll() {
        List<CatalogException.Problem> problems = new ArrayList<>();
        List<Path> files = EvalSetFiles.list(evalSetsDir, extraSources, problems);
        Map<String, EvalSet> sets = new LinkedHashMap<>();
        for (Path f : files) {
            EvalSet set = load(f, problems);
            EvalSet earlier = set == null ? null : sets.putIfAbsent(set.id(), set);
            if (earlier != null) {
                problems.add(new CatalogException.Problem(display(f), 1, "duplicate eval-set id '" + set.id()
                        + "' (also in " + earlier.file() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return sets.values().stream().sorted(java.util.Comparator.comparing(EvalSet::id)).toList();
    }

    /** One file; its problems are added to {@code problems} and null is returned when there are any. */
    EvalSet load(Path file, List<CatalogException.Problem> problems) {
        String name = display(file);
        int before = problems.size();
        String content;
        Node root;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            try (Reader r = new java.io.StringReader(content)) {
                root = new Yaml(options).compose(r);
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new CatalogException.Problem(name, line, "not valid YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException | IOException e) {
            problems.add(new CatalogException.Problem(name, 0, "cannot read: " + e.getMessage()));
            return null;
        }
        if (root == null) {
            problems.add(new CatalogException.Problem(name, 1, "empty file"));
            return null;
        }
        YamlFields top = new YamlFields(name, root, problems, TOP);
        String id = top.string("id", true);
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (id != null && !id.equals(expectedId)) {
            top.problem("id", "id '" + id + "' must equal the file name '" + expectedId + "'");
        }
        if (id != null && !ID.matcher(id).matches()) {
            top.problem("id", "id must be lower-case letters, digits and dashes");
        }
        String title = top.string("title", true);
        Claim claim = readClaim(top);
        List<PublishedFigure> published = readPublished(name, top, problems);
        Hypothesis hypothesis = readHypothesis(top.mapping("hypothesis", Set.of("metric", "comparator", "threshold"), true), METRICS);
        List<Hypothesis> efficiencyClaims = new ArrayList<>();
        for (Node n : top.list("efficiency-claims", false)) {
            Hypothesis e = readHypothesis(new YamlFields(name, n, problems, Set.of("metric", "comparator", "threshold")),
                    Hypothesis.EFFICIENCY_METRICS);
            if (e != null) {
                efficiencyClaims.add(e);
            }
        }
        ScorerName scorer = scorer(top);
        String judgeTemplate = top.string("judge-template", false);
        ScorerName styleScorer = styleScorer(top);
        // The rubric judge grades with its own template; the pairwise judges need the eval set's.
        if (scorer != null && scorer.needsJudgeTemplate() && judgeTemplate == null) {
            top.problem("scorer", "scorer '" + scorer + "' needs a judge-template");
        }
        if (judgeTemplate != null && !Files.isRegularFile(promptRoots.templateFile(judgeTemplate))) {
            top.problem("judge-template", "judge template '" + judgeTemplate + "' not found: no judges/" + judgeTemplate
                    + ".md in " + promptRoots + " (your own templates: --prompts DIR, or a spec's prompts)");
        }
        String rubricTemplate = top.has("rubric-template") ? top.string("rubric-template", true) : DEFAULT_RUBRIC_TEMPLATE;
        if (rubricTemplate != null && !ID.matcher(rubricTemplate).matches()) {
            top.problem("rubric-template", "rubric template names are lower-case letters, digits and dashes");
        } else if (rubricTemplate != null && top.has("rubric-template")
                && !Files.isRegularFile(promptRoots.templateFile(rubricTemplate))) {
            top.problem("rubric-template", "rubric template '" + rubricTemplate + "' not found: no judges/" + rubricTemplate
                    + ".md in " + promptRoots + " (your own templates: --prompts DIR, or a spec's prompts)");
        }
        List<String> categories = top.strings("categories", !top.has("source"));
        Set<String> categorySet = new HashSet<>(categories);
        if (categorySet.size() != categories.size()) {
            top.problem("categories", "categories must be distinct");
        }
        List<PromptItem> prompts = new ArrayList<>();
        if (top.has("source")) {
            prompts.addAll(readSource(file, name, top, problems));
            categories = new ArrayList<>(categories);
            for (PromptItem p : prompts) {
                if (!categories.contains(p.category())) {
                    categories.add(p.category());
                }
            }
        }
        readPrompts(name, id, top, categorySet, prompts, problems);
        if (prompts.isEmpty() && problems.size() == before) {
            top.problem("prompts", "an eval set needs at least one prompt");
        }
        if (scorer != null && scorer.needsReference()) {
            prompts.stream().filter(p -> p.reference() == null).findFirst().ifPresent(p ->
                    top.problem("prompts", "scorer '" + scorer + "' needs a reference on every prompt; '" + p.id() + "' has none"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new EvalSet(id, title, claim, published, hypothesis, scorer, judgeTemplate, categories, prompts, name,
                PromptItem.sha256(content + prompts.stream().map(PromptItem::hash).toList()), styleScorer, rubricTemplate,
                efficiencyClaims);
    }

    /** The eval set's scorer, parsed here once; null (with the problem recorded) when absent or unknown. */
    private static ScorerName scorer(YamlFields top) {
        String label = top.string("scorer", true);
        if (label == null) {
            return null;
        }
        try {
            return ScorerName.parse(label);
        } catch (IllegalArgumentException e) {
            top.problem("scorer", e.getMessage());
            return null;
        }
    }

    private static ScorerName styleScorer(YamlFields top) {
        String label = top.string("style-scorer", false);
        if (label == null) {
            return null;
        }
        ScorerName s = ScorerName.find(label).filter(ScorerName::measuresStyle).orElse(null);
        if (s == null) {
            top.problem("style-scorer", "unknown style scorer '" + ScorerName.shorten(label) + "' (expected one of "
                    + java.util.Arrays.stream(ScorerName.values()).filter(ScorerName::measuresStyle).map(ScorerName::label)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        return s;
    }

    private Claim readClaim(YamlFields top) {
        YamlFields c = top.mapping("claim", Set.of("quote", "speaker", "source"), true);
        if (c == null) {
            return null;
        }
        return new Claim(c.string("quote", true), c.string("speaker", false), c.string("source", true));
    }

    private List<PublishedFigure> readPublished(String name, YamlFields top, List<CatalogException.Problem> problems) {
        List<PublishedFigure> out = new ArrayList<>();
        for (Node n : top.list("published", false)) {
            YamlFields f = new YamlFields(name, n, problems, Set.of("label", "value", "source"));
            String label = f.string("label", true);
            Double value = f.number("value", true);
            String source = f.string("source", true);
            if (label != null && value != null && source != null) {
                out.add(new PublishedFigure(label, value, source));
            }
        }
        return out;
    }

    private Hypothesis readHypothesis(YamlFields h, Set<String> metrics) {
        if (h == null) {
            return null;
        }
        String metric = h.string("metric", true);
        if (metric != null && !metrics.contains(metric)) {
            h.problem("metric", "unknown metric '" + metric + "' (expected one of " + new java.util.TreeSet<>(metrics) + ")");
            metric = null;
        }
        String cmp = h.string("comparator", true);
        Comparator comparator = cmp == null ? null : Comparator.fromSymbol(cmp).orElse(null);
        if (cmp != null && comparator == null) {
            h.problem("comparator", "comparator must be one of >=, >, <=, <; was '" + cmp + "'");
        }
        Double threshold = h.number("threshold", true);
        if (metric == null || comparator == null || threshold == null) {
            return null;
        }
        try {
            return new Hypothesis(metric, comparator, threshold);
        } catch (IllegalArgumentException e) {
            h.problem("threshold", e.getMessage());
            return null;
        }
    }

    private void readPrompts(String name, String setId, YamlFields top, Set<String> categories,
                             List<PromptItem> prompts, List<CatalogException.Problem> problems) {
        Set<String> ids = new HashSet<>();
        prompts.forEach(p -> ids.add(p.id()));
        for (Node n : top.list("prompts", !top.has("source"))) {
            YamlFields p = new YamlFields(name, n, problems, Set.of("id", "category", "text", "file", "reference"));
            String pid = p.string("id", true);
            String category = p.string("category", true);
            String text = p.string("text", false);
            String file = p.string("file", false);
            String reference = p.string("reference", false);
            if (pid != null && !ids.add(pid)) {
                p.problem("id", "duplicate prompt id '" + pid + "'");
            }
            if (pid != null && !ID.matcher(pid).matches()) {
                p.problem("id", "prompt id must be lower-case letters, digits and dashes");
            }
            if (category != null && !categories.contains(category)) {
                p.problem("category", "category '" + category + "' is not in the eval set's categories " + categories);
            }
            if ((text == null) == (file == null)) {
                p.problem(n, "a prompt needs exactly one of 'text' or 'file'");
                continue;
            }
            if (file != null) {
                if (!promptRoots.contains(file)) {
                    p.problem("file", "prompt file must be under " + promptRoots);
                    continue;
                }
                java.util.Optional<Path> f = promptRoots.promptFile(file);
                try {
                    text = Files.readString(f.orElseThrow(() -> new IOException(file)), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    p.problem("file", "prompt file not readable: " + file + " (in " + promptRoots + ")");
                    continue;
                }
            }
            if (text.isBlank()) {
                p.problem(n, "prompt text is empty");
                continue;
            }
            if (pid != null && category != null) {
                prompts.add(PromptItem.of(pid, category, text.strip(), reference == null ? null : reference.strip(), null));
            }
        }
    }

    /** Prompts from a third-party question file, in its own format. */
    private List<PromptItem> readSource(Path file, String name, YamlFields top, List<CatalogException.Problem> problems) {
        YamlFields s = top.mapping("source", Set.of("format", "path", "category"), true);
        String format = s.string("format", true);
        String path = s.string("path", true);
        String category = s.string("category", false);
        if (format == null || path == null) {
            return List.of();
        }
        Path f = file.getParent().resolve(path).normalize();
        if (JudgemarkPrompts.FORMAT.equals(format)) {
            return JudgemarkPrompts.read(f, category, message -> s.problem("path", message));
        }
        if (AsciiBenchPrompts.FORMAT.equals(format)) {
            return AsciiBenchPrompts.read(f, category, message -> s.problem("path", message));
        }
        if (EqBenchV2Prompts.FORMAT.equals(format)) {
            return EqBenchV2Prompts.read(f, category, message -> s.problem("path", message));
        }
        s.problem("format", "unknown source format '" + format + "' (expected " + EqBenchV2Prompts.FORMAT + ", "
                + JudgemarkPrompts.FORMAT + " or " + AsciiBenchPrompts.FORMAT + ")");
        return List.of();
    }

    /** The path as the user gave the folder, so that an editor can open it from the message. */
    private static String display(Path f) {
        return Bundle.display(f);
    }
}
