package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table column.
 *
 * @param name the column name
 * @param type the semantic type
 * @param nullable whether NULL is allowed
 * @param defaultValue the default, if any (a generated column's expression is a {@link GeneratedExpr})
 * @param attrs comment, identity, generation and dialect extras
 */
public record Column(String name, ColumnType type, boolean nullable, Optional<Expr> defaultValue, List<Attr> attrs) {

    public Column {
        Names.requireName(name, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        attrs = List.copyOf(attrs);
    }

    /** A column without default and attributes. */
    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, Optional.empty(), List.of());
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    /** The column comment, if any. */
    public Optional<String> comment() {
        return Attrs.comment(attrs);
    }
}
