package io.atlas4j.diff;

import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.change.SchemaChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The generic diff of schema and realm objects: objects are matched by class and name, and a matched
 * pair whose values differ is modified.
 */
public final class ObjectDiff {

    private ObjectDiff() {
    }

    /** Drops and modifications in {@code from} order, then additions in {@code to} order. */
    public static List<SchemaChange> schemaObjects(String schema, List<SchemaObject> from, List<SchemaObject> to) {
        Map<String, SchemaObject> desired = index(to, o -> key(o.getClass(), o.name()));
        List<SchemaChange> changes = new ArrayList<>();
        List<SchemaChange> adds = new ArrayList<>();
        for (SchemaObject f : from) {
            SchemaObject t = desired.remove(key(f.getClass(), f.name()));
            if (t == null) {
                changes.add(new SchemaChange.DropObject(schema, f));
            } else if (!f.equals(t)) {
                changes.add(new SchemaChange.ModifyObject(schema, f, t));
            }
        }
        for (SchemaObject t : desired.values()) {
            adds.add(new SchemaChange.AddObject(schema, t));
        }
        changes.addAll(adds);
        return changes;
    }

    /** Drops and modifications in {@code from} order, then additions in {@code to} order. */
    public static List<SchemaChange> realmObjects(List<RealmObject> from, List<RealmObject> to) {
        Map<String, RealmObject> desired = index(to, o -> key(o.getClass(), o.name()));
        List<SchemaChange> changes = new ArrayList<>();
        for (RealmObject f : from) {
            RealmObject t = desired.remove(key(f.getClass(), f.name()));
            if (t == null) {
                changes.add(new SchemaChange.DropRealmObject(f));
            } else if (!f.equals(t)) {
                changes.add(new SchemaChange.ModifyRealmObject(f, t));
            }
        }
        for (RealmObject t : desired.values()) {
            changes.add(new SchemaChange.AddRealmObject(t));
        }
        return changes;
    }

    private static String key(Class<?> c, String name) {
        return c.getName() + ":" + name;
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : items) {
            out.putIfAbsent(Objects.requireNonNull(key.apply(t)), t);
        }
        return out;
    }
}
