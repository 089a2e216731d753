package io.claimbench.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Null-safe mapping of the domain's lists, maps and enums into view values: a section the domain leaves out (null)
 * stays null in the JSON, and maps keep their order, which readers see as the order of the fields.
 */
final class Views {

    private Views() {
    }

    static <T, V> List<V> list(List<T> items, Function<? super T, V> view) {
        return items == null ? null : items.stream().map(view).toList();
    }

    static <T, V> Map<String, V> map(Map<String, T> entries, Function<? super T, V> view) {
        if (entries == null) {
            return null;
        }
        Map<String, V> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, view.apply(v)));
        return out;
    }

    /** An enum as Jackson wrote the domain's plain enums: by name. */
    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
