package io.atlas4j.schema;

import java.util.List;
import java.util.Optional;

/**
 * Every inspected schema of a database.
 *
 * @param schemas the schemas, by name
 */
public record Realm(List<Schema> schemas) {

    public Realm {
        schemas = Names.uniqueCopy(schemas, Schema::name, "schema", "realm");
    }

    /** The schema named {@code name}. */
    public Optional<Schema> schema(String name) {
        return Names.find(schemas, Schema::name, name);
    }

    /** The table {@code schema.table}. */
    public Optional<Table> table(String schema, String table) {
        return schema(schema).flatMap(s -> s.table(table));
    }
}
