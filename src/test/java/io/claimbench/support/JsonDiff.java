package io.claimbench.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first difference between two JSON documents, in document order, with its JSON path. Stricter than
 * {@link JsonNode#equals}: objects must have the same fields in the same order (Jackson writes record
 * components in declaration order, and a reader may rely on it), and numbers the same kind ({@code 1} is not
 * {@code 1.0}), so that two trees that compare equal were printed as the same text. The doubles of fields named
 * as approximate may differ by a few units in the last place: for figures whose code sums in an order that
 * changes from one JVM to the next.
 */
public final class JsonDiff {

    private JsonDiff() {
    }

    private static final int ULPS = 4;

    public static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
        return firstDifference(expected, actual, Set.of());
    }

    public static Optional<String> firstDifference(JsonNode expected, JsonNode actual, Set<String> approximate) {
        return diff("$", null, expected, actual, approximate);
    }

    private static Optional<String> diff(String path, String field, JsonNode e, JsonNode a, Set<String> approximate) {
        if (e.getNodeType() != a.getNodeType() || e.isNumber() && e.numberType() != a.numberType()) {
            return Optional.of(path + ": expected " + describe(e) + ", was " + describe(a));
        }
        if (e.isObject()) {
            List<String> ef = fieldNames(e);
            List<String> af = fieldNames(a);
            for (int i = 0; i < Math.max(ef.size(), af.size()); i++) {
                String en = i < ef.size() ? ef.get(i) : null;
                String an = i < af.size() ? af.get(i) : null;
                if (en == null || !en.equals(an)) {
                    return Optional.of(path + ": field #" + i + " expected " + quoted(en) + ", was " + quoted(an)
                            + " (expected fields " + ef + ", was " + af + ")");
                }
                Optional<String> d = diff(path + "." + en, en, e.get(en), a.get(an), approximate);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (e.isArray()) {
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                Optional<String> d = diff(path + "[" + i + "]", field, e.get(i), a.get(i), approximate);
                if (d.isPresent()) {
                    return d;
                }
            }
            return e.size() == a.size() ? Optional.empty()
                    : Optional.of(path + ": expected " + e.size() + " elements, was " + a.size());
        }
        if (e.isDouble() && field != null && approximate.contains(field)
                && Math.abs(e.doubleValue() - a.doubleValue()) <= ULPS * Math.ulp(e.doubleValue())) {
            return Optional.empty();
        }
        return e.equals(a) ? Optional.empty() : Optional.of(path + ": expected " + describe(e) + ", was " + describe(a));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String quoted(String name) {
        return name == null ? "no field" : "'" + name + "'";
    }

    private static String describe(JsonNode n) {
        String text = n.toString();
        String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return shown + " (" + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + (n.isNumber() ? " " + n.numberType().name().toLowerCase(java.util.Locale.ROOT) : "") + ")";
    }
}
