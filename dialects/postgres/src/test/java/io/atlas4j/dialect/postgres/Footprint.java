package io.atlas4j.dialect.postgres;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Expr;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a model value as paths of element kinds and names ({@code Schema:app/Table:users/Column:id/Comment}):
 * every named element and every attribute kind, without values. Types and expressions are left out, since
 * normalisation legitimately respells them. An unnamed element (an unnamed check, a primary key) is located by its
 * position; a named one on the other side matches either way, so a server-generated name does not count as a loss.
 */
final class Footprint {

    private Footprint() {
    }

    /**
     * The paths of {@code root}. Declared ({@code loose} false): a named element by its name only. Found
     * ({@code loose} true): by its name and by its position too, so that a declared unnamed element matches.
     */
    static Set<String> of(Object root, boolean loose) {
        Set<String> out = new LinkedHashSet<>();
        walk(root, List.of(""), loose, out);
        return out;
    }

    private static void walk(Object value, List<String> prefixes, boolean loose, Set<String> out) {
        if (!(value instanceof Record r)) {
            return;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = get(c, r);
            if (v instanceof Optional<?> o) {
                v = o.orElse(null);
            }
            List<?> items = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (!(item instanceof Record) || item instanceof ColumnType || item instanceof Expr) {
                    continue;
                }
                String kind = item.getClass().getSimpleName();
                String name = name(item);
                List<String> segments;
                if (item instanceof Attr) {
                    segments = List.of(kind); // attributes are a set: their order is no one's choice
                } else if (name.isEmpty()) {
                    segments = List.of(kind + "#" + i);
                } else {
                    segments = loose ? List.of(kind + ":" + name, kind + "#" + i) : List.of(kind + ":" + name);
                }
                List<String> next = new ArrayList<>();
                for (String p : prefixes) {
                    for (String seg : segments) {
                        next.add(p + "/" + seg);
                    }
                }
                out.addAll(next);
                walk(item, next, loose, out);
            }
        }
    }

    /** The element's own name: its {@code name()} (a policy's is table.policy), or empty. */
    private static String name(Object record) {
        try {
            Object n = record.getClass().getMethod("name").invoke(record);
            return n instanceof String s ? s : "";
        } catch (NoSuchMethodException e) {
            return "";
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
