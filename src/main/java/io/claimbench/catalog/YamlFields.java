package io.claimbench.catalog;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a YAML mapping field by field, keeping line numbers, and collects what is wrong instead of throwing. */
final class YamlFields {

    private final String file;
    private final List<CatalogException.Problem> problems;
    private final Map<String, Node> fields = new LinkedHashMap<>();
    private final int line;

    YamlFields(String file, Node node, List<CatalogException.Problem> problems, Set<String> allowed) {
        this.file = file;
        this.problems = problems;
        this.line = line(node);
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "expected a mapping");
            return;
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problem(t.getKeyNode(), "unknown field '" + key + "' (expected one of " + allowed + ")");
            } else if (fields.put(key, t.getValueNode()) != null) {
                problem(t.getKeyNode(), "duplicate field '" + key + "'");
            }
        }
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    int line() {
        return line;
    }

    int line(String key) {
        Node n = fields.get(key);
        return n == null ? line : line(n);
    }

    void problem(Node node, String message) {
        problems.add(new CatalogException.Problem(file, node == null ? line : line(node), message));
    }

    void problem(String key, String message) {
        problems.add(new CatalogException.Problem(file, line(key), message));
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    Node node(String key) {
        return fields.get(key);
    }

    String string(String key, boolean required) {
        Node n = fields.get(key);
        if (n == null) {
            if (required) {
                problems.add(new CatalogException.Problem(file, line, "missing required field '" + key + "'"));
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            problem(n, "'" + key + "' must be a text value");
            return null;
        }
        String v = s.getValue();
        if (required && v.isBlank()) {
            problem(n, "'" + key + "' must not be empty");
            return null;
        }
        return v;
    }

    Double number(String key, boolean required) {
        String v = string(key, required);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            problem(key, "'" + key + "' must be a number, was '" + v + "'");
            return null;
        }
    }

    List<Node> list(String key, boolean required) {
        Node n = fields.get(key);
        if (n == null) {
            if (required) {
                problems.add(new CatalogException.Problem(file, line, "missing required field '" + key + "'"));
            }
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            problem(n, "'" + key + "' must be a list");
            return List.of();
        }
        return seq.getValue();
    }

    List<String> strings(String key, boolean required) {
        List<String> out = new ArrayList<>();
        for (Node n : list(key, required)) {
            if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue().trim());
            } else {
                problem(n, "'" + key + "' must hold non-empty text values");
            }
        }
        return out;
    }

    YamlFields mapping(String key, Set<String> allowed, boolean required) {
        Node n = fields.get(key);
        if (n == null) {
            if (required) {
                problems.add(new CatalogException.Problem(file, line, "missing required field '" + key + "'"));
            }
            return null;
        }
        return new YamlFields(file, n, problems, allowed);
    }
}
