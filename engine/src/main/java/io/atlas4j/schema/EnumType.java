package io.atlas4j.schema;

import java.util.List;

/**
 * A named enum type of a schema (PostgreSQL {@code CREATE TYPE ... AS ENUM}); columns refer to it by
 * {@link ColumnType.EnumRef}.
 *
 * @param name the type name
 * @param values the labels, in sort order
 */
public record EnumType(String name, List<String> values) implements SchemaObject {
    public EnumType {
        Names.requireName(name, "enum");
        values = List.copyOf(values);
    }

    @Override
    public String kind() {
        return "enum type";
    }
}
