package io.claimbench.checks;

import io.claimbench.catalog.CatalogException;
import io.claimbench.catalog.YamlFields;
import io.claimbench.judging.JudgeAggregate;
import io.claimbench.judging.SwapMode;
import io.claimbench.models.ModelRegistry;
import io.claimbench.models.ModelSpec;
import io.claimbench.models.Provider;
import io.claimbench.models.StructuredOutput;
import io.claimbench.runs.InvalidRunException;
import io.claimbench.runs.RunRequest;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a check spec, checking every field it can on its own (types, ranges, names, unknown fields) and reporting
 * each problem with file and line. What needs the catalog and the models (an eval set's id, a model name) is checked
 * by {@link SpecRuns}, at the lines recorded here.
 */
public final class CheckSpecLoader {

    private static final Set<String> TOP = Set.of("models", "eval-sets", "prompts", "inconclusive", "claims");
    private static final Set<String> MODEL = Set.of("provider", "model", "base-url", "api-key-env", "temperature",
            "max-tokens", "timeout", "max-concurrency", "requests-per-minute", "price-input-per-million",
            "price-output-per-million", "recording", "stream", "api-key", "structured-output");
    private static final Set<String> CLAIM = Set.of("name", "eval-set", "candidate", "candidates", "baseline", "judge",
            "judges", "judge-aggregate", "swap", "swap-audit", "scorer", "judge-template", "hypothesis", "samples", "seed",
            "temperature", "concurrency", "cost-cap", "early-stop", "cache", "regression");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private CheckSpecLoader() {
    }

    /** The spec at {@code file}; throws {@link CatalogException} ("invalid spec") with every problem. */
    public static CheckSpec load(Path file) {
        String name = file.toString();
        List<CatalogException.Problem> problems = new ArrayList<>();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("invalid spec", List.of(new CatalogException.Problem(name, 0,
                    Files.exists(file) ? "cannot read: " + e.getClass().getSimpleName() : "no such file (give --spec FILE)")));
        }
        Node root = YamlFields.compose(name, content, problems);
        CheckSpec spec = root == null ? null : read(name, file.toAbsolutePath().getParent(), root, problems);
        if (!problems.isEmpty()) {
            throw new CatalogException("invalid spec", problems);
        }
        return spec;
    }

    private static CheckSpec read(String name, Path dir, Node root, List<CatalogException.Problem> problems) {
        YamlFields top = new YamlFields(name, root, problems, TOP);
        List<CheckSpec.Model> models = new ArrayList<>();
        top.entries("models").forEach((modelName, node) -> {
            CheckSpec.Model m = model(name, dir, modelName, node, problems);
            if (m != null) {
                models.add(m);
            }
        });
        List<Path> evalSets = top.strings("eval-sets", false).stream().map(dir::resolve).toList();
        String prompts = top.string("prompts", false);
        Boolean inconclusivePasses = null;
        String inconclusive = top.string("inconclusive", false);
        if (inconclusive != null) {
            if (inconclusive.equals("pass") || inconclusive.equals("fail")) {
                inconclusivePasses = inconclusive.equals("pass");
            } else {
                top.problem("inconclusive", "inconclusive must be pass or fail");
            }
        }
        List<CheckSpec.Check> checks = new ArrayList<>();
        List<Node> claims = top.list("claims", true);
        if (claims.isEmpty() && top.has("claims")) {
            top.problem("claims", "a spec needs at least one claim");
        }
        for (Node n : claims) {
            checks.addAll(claim(name, n, problems));
        }
        return new CheckSpec(name, models, evalSets, prompts == null ? null : dir.resolve(prompts), inconclusivePasses, checks);
    }

    private static CheckSpec.Model model(String file, Path dir, String name, Node node, List<CatalogException.Problem> problems) {
        YamlFields m = new YamlFields(file, node, problems, MODEL);
        int before = problems.size();
        if (!NAME.matcher(name).matches()) {
            m.problem(node, "model name '" + shorten(name) + "' must be letters, digits, '.', '_' and '-'");
        }
        if (m.has("api-key")) {
            m.problem("api-key", "a spec lives in a repository: name the key's environment variable with api-key-env instead");
        }
        String providerId = m.string("provider", true);
        Provider provider = providerId == null ? null : Provider.parse(providerId).orElse(null);
        if (providerId != null && provider == null) {
            m.problem("provider", "provider '" + shorten(providerId) + "' is not one of openai, anthropic, ollama, gemini, recorded");
        }
        Double temperature = m.number("temperature", false);
        Long maxTokens = m.integer("max-tokens", false);
        Duration timeout = duration(m, "timeout");
        Long maxConcurrency = m.integer("max-concurrency", false);
        Long rpm = m.integer("requests-per-minute", false);
        Double priceIn = m.number("price-input-per-million", false);
        Double priceOut = m.number("price-output-per-million", false);
        Boolean stream = m.bool("stream", false);
        String keyEnv = m.string("api-key-env", false);
        String recording = recording(dir, m.string("recording", false));
        String baseUrl = m.string("base-url", false);
        String structuredId = m.string("structured-output", false);
        StructuredOutput structured = structuredId == null ? StructuredOutput.AUTO : StructuredOutput.parse(structuredId).orElse(null);
        if (structured == null) {
            m.problem("structured-output", StructuredOutput.invalid(structuredId));
        }
        if (provider == null || problems.size() > before) {
            return null;
        }
        try {
            return new CheckSpec.Model(new ModelSpec(name, provider, baseUrl != null ? baseUrl : ModelRegistry.defaultBaseUrl(provider),
                    m.string("model", false),
                    null, keyEnv != null ? keyEnv : ModelRegistry.defaultKeyEnv(provider), temperature,
                    maxTokens == null ? null : Math.toIntExact(maxTokens), timeout,
                    maxConcurrency == null ? ModelSpec.DEFAULT_MAX_CONCURRENCY : Math.toIntExact(maxConcurrency),
                    rpm == null ? null : Math.toIntExact(rpm), priceIn, priceOut, recording,
                    stream != null && stream, "spec", structured), m.line());
        } catch (IllegalArgumentException | ArithmeticException e) {
            m.problem(node, "model '" + name + "': " + e.getMessage());
            return null;
        }
    }

    /** A recording named relative to the spec's folder when it is there; else as given (a shipped one, say). */
    private static String recording(Path dir, String location) {
        if (location == null) {
            return null;
        }
        int hash = location.lastIndexOf('#');
        String path = hash > 0 ? location.substring(0, hash) : location;
        Path local = dir.resolve(path);
        return Files.isRegularFile(local) ? local + (hash > 0 ? location.substring(hash) : "") : location;
    }

    /** {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT60S}). */
    private static Duration duration(YamlFields m, String key) {
        String v = m.string(key, false);
        if (v == null) {
            return null;
        }
        Matcher d = DURATION.matcher(v.trim());
        try {
            if (d.matches()) {
                long n = Long.parseLong(d.group(1));
                return switch (d.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(v.trim());
        } catch (RuntimeException e) {
            m.problem(key, "'" + key + "' must be a duration such as 500ms, 60s or 2m, was '" + shorten(v) + "'");
            return null;
        }
    }

    /** One claim, one check per candidate. */
    private static List<CheckSpec.Check> claim(String file, Node node, List<CatalogException.Problem> problems) {
        YamlFields c = new YamlFields(file, node, problems, CLAIM);
        int before = problems.size();
        String evalSet = c.string("eval-set", true);
        if (c.has("candidate") == c.has("candidates")) {
            c.problem(node, "a claim needs exactly one of 'candidate' or 'candidates'");
        }
        List<String> candidates = c.oneOrMore(c.has("candidates") ? "candidates" : "candidate", false);
        if (c.has("candidates") && candidates.isEmpty()) {
            c.problem("candidates", "'candidates' must list at least one model");
        }
        String baseline = c.string("baseline", true);
        if (c.has("judge") && c.has("judges")) {
            c.problem(node, "a claim takes 'judge' or 'judges', not both");
        }
        String judge = c.string("judge", false);
        List<String> judges = c.has("judges") ? c.strings("judges", false) : null;
        var scorer = parse(c, "scorer", RunRequest::parseScorer);
        JudgeAggregate aggregate = parse(c, "judge-aggregate", RunRequest::parseAggregate);
        SwapMode swap = parse(c, "swap", RunRequest::parseSwap);
        Double swapAudit = c.number("swap-audit", false);
        String judgeTemplate = c.string("judge-template", false);
        RunRequest.Claim hypothesis = hypothesis(c);
        YamlFields regression = c.mapping("regression", Set.of("margin"), false);
        Double margin = regression == null ? null : regression.number("margin", true);
        if (margin != null) {
            hypothesis = hypothesis == null ? new RunRequest.Claim(null, null, new RunRequest.Regression(margin))
                    : new RunRequest.Claim(hypothesis.comparator(), hypothesis.threshold(), new RunRequest.Regression(margin));
        }
        Long samples = c.integer("samples", false);
        Long seed = c.integer("seed", false);
        Double temperature = c.number("temperature", false);
        Long concurrency = c.integer("concurrency", false);
        Double costCap = c.number("cost-cap", false);
        Boolean earlyStop = c.bool("early-stop", false);
        Boolean cache = c.bool("cache", false);
        String name = c.string("name", false);
        if (problems.size() > before) {
            return List.of();
        }
        Map<String, Integer> lines = new HashMap<>();
        for (String[] field : new String[][]{{"evalSet", "eval-set"}, {"baseline", "baseline"}, {"judge", "judge"},
                {"judges", "judges"}, {"judgeAggregate", "judge-aggregate"}, {"swap", "swap"}, {"swapAudit", "swap-audit"},
                {"scorer", "scorer"}, {"judgeTemplate", "judge-template"}, {"samples", "samples"}, {"seed", "seed"},
                {"temperature", "temperature"}, {"concurrency", "concurrency"}, {"costCap", "cost-cap"},
                {"earlyStop", "early-stop"}, {"threshold", "hypothesis"}, {"comparator", "hypothesis"},
                {"regression.margin", "regression"}, {"regression", "regression"}}) {
            if (c.has(field[1])) {
                lines.put(field[0], c.line(field[1]));
            }
        }
        lines.put("candidate", c.line(c.has("candidates") ? "candidates" : "candidate"));
        List<CheckSpec.Check> out = new ArrayList<>();
        for (String candidate : candidates) {
            RunRequest request = new RunRequest(evalSet, new RunRequest.Contestants(candidate, baseline),
                    new RunRequest.Judging(scorer, judge, judges, judgeTemplate, aggregate, swap, swapAudit),
                    new RunRequest.Sampling(samples == null ? null : Math.toIntExact(samples), seed, temperature),
                    new RunRequest.Limits(concurrency == null ? null : Math.toIntExact(concurrency), costCap, cache, earlyStop),
                    hypothesis);
            out.add(new CheckSpec.Check(name != null ? name : evalSet, c.line(), request, Map.copyOf(lines)));
        }
        return out;
    }

    private static RunRequest.Claim hypothesis(YamlFields c) {
        YamlFields h = c.mapping("hypothesis", Set.of("metric", "comparator", "threshold"), false);
        if (h == null) {
            return null;
        }
        String metric = h.string("metric", false);
        if (metric != null && !metric.equals(io.claimbench.catalog.Hypothesis.WIN_RATE)) {
            h.problem("metric", "a claim's hypothesis can only set the win-rate claim's bar (metric: win-rate)");
        }
        return new RunRequest.Claim(h.string("comparator", false), h.number("threshold", false), null);
    }

    private static <T> T parse(YamlFields c, String key, java.util.function.Function<String, T> parser) {
        String v = c.string(key, false);
        try {
            return parser.apply(v);
        } catch (InvalidRunException e) {
            c.problem(key, e.getMessage());
            return null;
        }
    }

    private static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
