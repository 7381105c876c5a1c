package io.atlas4j.schema;

import java.util.List;
import java.util.Optional;

/**
 * Every inspected schema of a database.
 *
 * @param schemas the schemas, by name
 * @param objects database-wide objects (extensions, event triggers)
 */
public record Realm(List<Schema> schemas, List<RealmObject> objects) {

    public Realm {
        schemas = Names.uniqueCopy(schemas, Schema::name, "schema", "realm");
        objects = Names.uniqueCopy(objects, o -> o.getClass().getName() + ":" + o.name(), "object", "realm");
    }

    /** A realm of schemas only. */
    public Realm(List<Schema> schemas) {
        this(schemas, List.of());
    }

    /** The schema named {@code name}. */
    public Optional<Schema> schema(String name) {
        return Names.find(schemas, Schema::name, name);
    }

    /** The table {@code schema.table}. */
    public Optional<Table> table(String schema, String table) {
        return schema(schema).flatMap(s -> s.table(table));
    }

    /** The objects of class {@code kind}. */
    public <T extends RealmObject> List<T> objects(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
