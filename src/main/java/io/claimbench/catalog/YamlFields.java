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

/**
 * Reads a YAML mapping field by field, keeping line numbers, and collects what is wrong instead of throwing; for eval
 * sets and for any other file a user writes (a check spec).
 */
public final class YamlFields {

    private final String file;
    private final List<CatalogException.Problem> problems;
    private final Map<String, Node> fields = new LinkedHashMap<>();
    private final int line;

    public YamlFields(String file, Node node, List<CatalogException.Problem> problems, Set<String> allowed) {
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
                problem(t.getKeyNode(), "unknown field '" + key + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            } else if (fields.put(key, t.getValueNode()) != null) {
                problem(t.getKeyNode(), "duplicate field '" + key + "'");
            }
        }
    }

    /**
     * The document's root node, read with duplicate keys refused; null (with the problem recorded) when the text is
     * not YAML or is empty.
     */
    public static Node compose(String file, String content, List<CatalogException.Problem> problems) {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new org.yaml.snakeyaml.Yaml(options).compose(new java.io.StringReader(content));
            if (root == null) {
                problems.add(new CatalogException.Problem(file, 1, "empty file"));
            }
            return root;
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new CatalogException.Problem(file, line, "not valid YAML: " + e.getProblem()));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            problems.add(new CatalogException.Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /** Whole numbers: {@code 3}, not {@code 3.5}. */
    public Long integer(String key, boolean required) {
        String v = string(key, required);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            problem(key, "'" + key + "' must be a whole number, was '" + shorten(v) + "'");
            return null;
        }
    }

    /** {@code true} or {@code false}. */
    public Boolean bool(String key, boolean required) {
        String v = string(key, required);
        if (v == null) {
            return null;
        }
        return switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(key, "'" + key + "' must be true or false, was '" + shorten(v) + "'");
                yield null;
            }
        };
    }

    /** Text or a list of texts. */
    public List<String> oneOrMore(String key, boolean required) {
        Node n = fields.get(key);
        if (n instanceof ScalarNode) {
            String v = string(key, required);
            return v == null ? List.of() : List.of(v.trim());
        }
        return strings(key, required);
    }

    /** The keys of a mapping field, with their value nodes, in file order. */
    public Map<String, Node> entries(String key) {
        Node n = fields.get(key);
        Map<String, Node> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof MappingNode m)) {
            problem(n, "'" + key + "' must be a mapping");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && !s.getValue().isBlank()) {
                if (out.put(s.getValue(), t.getValueNode()) != null) {
                    problem(t.getKeyNode(), "duplicate key '" + s.getValue() + "'");
                }
            } else {
                problem(t.getKeyNode(), "keys of '" + key + "' must be names");
            }
        }
        return out;
    }

    private static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }

    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public int line() {
        return line;
    }

    public int line(String key) {
        Node n = fields.get(key);
        return n == null ? line : line(n);
    }

    public void problem(Node node, String message) {
        problems.add(new CatalogException.Problem(file, node == null ? line : line(node), message));
    }

    public void problem(String key, String message) {
        problems.add(new CatalogException.Problem(file, line(key), message));
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    public Node node(String key) {
        return fields.get(key);
    }

    public String string(String key, boolean required) {
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

    public Double number(String key, boolean required) {
        String v = string(key, required);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            problem(key, "'" + key + "' must be a number, was '" + shorten(v) + "'");
            return null;
        }
    }

    public List<Node> list(String key, boolean required) {
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

    public List<String> strings(String key, boolean required) {
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

    public YamlFields mapping(String key, Set<String> allowed, boolean required) {
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
