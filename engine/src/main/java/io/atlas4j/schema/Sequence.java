package io.atlas4j.schema;

import java.util.List;
import java.util.Optional;

/**
 * A standalone sequence (PostgreSQL, SQL Server). Sequences owned by serial or identity columns are part
 * of their column, not objects of the schema.
 *
 * @param name the sequence name
 * @param type the value type ({@code bigint} unless declared otherwise)
 * @param start the first value
 * @param increment the step
 * @param minValue the lower bound
 * @param maxValue the upper bound
 * @param cache how many values are pre-allocated
 * @param cycle whether the sequence wraps around
 * @param ownedBy the owning column as {@code table.column}, if any
 * @param attrs comment and dialect extras
 */
public record Sequence(String name, ColumnType type, long start, long increment, long minValue, long maxValue,
        long cache, boolean cycle, Optional<String> ownedBy, List<Attr> attrs) implements SchemaObject {

    public Sequence {
        Names.requireName(name, "sequence");
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(ownedBy, "ownedBy");
        attrs = List.copyOf(attrs);
    }

    @Override
    public String kind() {
        return "sequence";
    }

    /** The sequence comment, if any. */
    public Optional<String> comment() {
        return Attrs.comment(attrs);
    }
}
