package io.atlas4j.dialect.sqlite;

import io.atlas4j.schema.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * A SQLite declared type, kept as the user wrote it (lower-cased): SQLite gives any name a column
 * affinity, so names are not canonicalised ({@code int} stays {@code int}, {@code integer} stays
 * {@code integer}). Sizes are kept for HCL output but never compared nor printed in DDL (spec §1.2, E27).
 *
 * @param name the type name, lower-cased, words separated by one space ({@code unsigned big int})
 * @param args the size arguments as written ({@code 255}, or {@code 10} and {@code 2}); empty without
 */
public record SqliteType(String name, List<String> args) implements ColumnType.DialectType {

    public SqliteType {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a SQLite type needs a name");
        }
    }

    /** The type's semantic kind (Atlas's {@code ParseType} classes), which decides type equality. */
    public SqliteTypes.Kind kind() {
        return SqliteTypes.kind(name);
    }
}
