package io.claimbench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout the README's package map promises, read from the main sources: which file uses which (imports, fully
 * qualified names, and simple names of its own package), no cycle between packages or between files, and the
 * features that must stay framework-free.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.(\\w+|\\*);", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.claimbench\\.(\\w+)\\.([A-Z]\\w*)");

    /** Top-level type (package.Name) to its source text, without comments and string literals. */
    private static final Map<String, String> SOURCES = new TreeMap<>();
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
                        .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
                Matcher m = PACKAGE.matcher(text);
                assertThat(m.find()).as(f.toString()).isTrue();
                String name = f.getFileName().toString().replace(".java", "");
                SOURCES.put(m.group(1) + "." + name, text);
            }
        }
        for (var e : SOURCES.entrySet()) {
            String pkg = pkg(e.getKey());
            String text = e.getValue();
            Set<String> uses = new TreeSet<>();
            Matcher i = IMPORT.matcher(text);
            while (i.find()) {
                if (SOURCES.containsKey(i.group(1) + "." + i.group(2))) {
                    uses.add(i.group(1) + "." + i.group(2));
                } else if (SOURCES.containsKey(i.group(1))) { // an import of a nested type
                    uses.add(i.group(1));
                }
            }
            Matcher q = QUALIFIED.matcher(text);
            while (q.find()) {
                String type = "io.claimbench." + q.group(1) + "." + q.group(2);
                if (SOURCES.containsKey(type)) {
                    uses.add(type);
                }
            }
            String body = text.replaceAll("(?m)^(package|import) .*$", "");
            for (String other : SOURCES.keySet()) {
                if (pkg(other).equals(pkg) && !other.equals(e.getKey())
                        && Pattern.compile("(?<![\\w.])" + simple(other) + "\\b").matcher(body).find()) {
                    uses.add(other);
                }
            }
            uses.remove(e.getKey());
            USES.put(e.getKey(), uses);
        }
    }

    @Test
    void should_have_no_cycle_between_packages() {
        Map<String, Set<String>> packages = new TreeMap<>();
        USES.forEach((type, uses) -> uses.forEach(u -> {
            if (!pkg(u).equals(pkg(type))) {
                packages.computeIfAbsent(pkg(type), k -> new TreeSet<>()).add(pkg(u));
            }
        }));
        assertThat(cycles(packages)).as("package cycles").isEmpty();
    }

    @Test
    void should_have_no_cycle_between_files() {
        assertThat(cycles(USES)).as("file cycles").isEmpty();
    }

    @Test
    void should_keep_stats_and_judging_free_of_frameworks_and_of_the_service() {
        for (var e : SOURCES.entrySet()) {
            String pkg = pkg(e.getKey());
            if (pkg.endsWith(".stats") || pkg.endsWith(".judging")) {
                Matcher i = IMPORT.matcher(e.getValue());
                while (i.find()) {
                    String imported = i.group(1);
                    assertThat(imported).as(e.getKey()).doesNotStartWith("io.quarkus").doesNotStartWith("jakarta.")
                            .doesNotStartWith("io.smallrye");
                }
                USES.get(e.getKey()).forEach(u -> assertThat(pkg(u)).as(e.getKey() + " uses " + u)
                        .isIn(pkg.endsWith(".stats") ? List.of("io.claimbench.stats")
                                : List.of("io.claimbench.judging", "io.claimbench.stats", "io.claimbench.catalog")));
            }
        }
        // judging reads only the catalog's plain values, never its persistence or loading
        USES.forEach((type, uses) -> {
            if (pkg(type).endsWith(".judging")) {
                assertThat(uses).as(type).noneMatch(u -> u.endsWith("Entity") || u.endsWith("Service") || u.endsWith("Loader"));
            }
        });
    }

    @Test
    void should_let_only_the_edges_use_the_api() {
        USES.forEach((type, uses) -> {
            // The edges: REST, the CLI and the pages (which show the API's own views as HTML).
            if (!pkg(type).endsWith(".api") && !pkg(type).endsWith(".cli") && !pkg(type).endsWith(".web")) {
                assertThat(uses).as(type).noneMatch(u -> pkg(u).endsWith(".api") || pkg(u).endsWith(".cli"));
            }
        });
    }

    /** Strongly connected components of more than one node (Tarjan), each as a sorted list. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void strongConnect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                      Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                      List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }

    @Test
    void should_find_a_cycle_when_there_is_one() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly(List.of("a", "b", "c"));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    private static String pkg(String type) {
        return type.substring(0, type.lastIndexOf('.'));
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
