package io.claimbench.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain SQL insert of an entity whose id the database assigns, read once from its mapping (table, columns, enums
 * by name), so that the hot path stores rows in JDBC batches without the persistence context, and a column added to
 * the entity is written with it. A mapping it cannot follow exactly (a converter, an enum by ordinal, a type it does
 * not know) is refused when the class is read, never written wrong.
 */
final class EntityRows<T> {

    private record Column(Field field, String name, int sqlType) {
    }

    private final String sql;
    private final List<Column> columns;

    EntityRows(Class<T> type) {
        List<Column> cols = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(Transient.class)
                    || f.isAnnotationPresent(Id.class) || f.isSynthetic() || f.getName().startsWith("$$")) {
                continue;
            }
            if (f.isAnnotationPresent(Convert.class)) {
                throw new IllegalStateException(type.getSimpleName() + "." + f.getName() + " has a converter: not written by EntityRows");
            }
            jakarta.persistence.Column c = f.getAnnotation(jakarta.persistence.Column.class);
            String name = c != null && !c.name().isEmpty() ? c.name() : f.getName();
            f.setAccessible(true);
            cols.add(new Column(f, name, sqlType(type, f)));
        }
        this.columns = List.copyOf(cols);
        String table = type.getAnnotation(Table.class).name();
        this.sql = "insert into " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") values (" + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
    }

    String sql() {
        return sql;
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    void bind(PreparedStatement ps, T row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v;
            try {
                v = c.field().get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (v == null) {
                ps.setNull(i + 1, c.sqlType());
            } else if (v instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else if (v instanceof Instant t) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i + 1, v, c.sqlType());
            }
        }
    }

    private static int sqlType(Class<?> type, Field f) {
        Class<?> t = f.getType();
        if (t.isEnum()) {
            Enumerated e = f.getAnnotation(Enumerated.class);
            if (e == null || e.value() != EnumType.STRING) {
                throw new IllegalStateException(type.getSimpleName() + "." + f.getName() + " is an enum not stored by name");
            }
            return Types.VARCHAR;
        }
        if (t == String.class) {
            return Types.VARCHAR;
        }
        if (t == long.class || t == Long.class) {
            return Types.BIGINT;
        }
        if (t == int.class || t == Integer.class) {
            return Types.INTEGER;
        }
        if (t == boolean.class || t == Boolean.class) {
            return Types.BOOLEAN;
        }
        if (t == double.class || t == Double.class) {
            return Types.DOUBLE;
        }
        if (t == Instant.class) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        throw new IllegalStateException(type.getSimpleName() + "." + f.getName() + " has a type EntityRows does not write: " + t.getName());
    }
}
