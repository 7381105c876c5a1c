package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key part of an index: a column or an expression.
 *
 * @param key the indexed column or expression
 * @param desc true for descending order
 * @param attrs dialect extras such as {@link NullsOrder} or an operator class
 */
public record IndexPart(Key key, boolean desc, List<Attr> attrs) {

    /** What a part indexes. */
    public sealed interface Key {
    }

    /** A column of the table, by name. */
    public record ColumnKey(String column) implements Key {
        public ColumnKey {
            Names.requireName(column, "column");
        }
    }

    /** An expression, as the database prints it. */
    public record ExprKey(String expr) implements Key {
        public ExprKey {
            Objects.requireNonNull(expr, "expr");
        }
    }

    public IndexPart {
        Objects.requireNonNull(key, "key");
        attrs = List.copyOf(attrs);
    }

    /** An ascending part on {@code column}. */
    public static IndexPart column(String column) {
        return new IndexPart(new ColumnKey(column), false, List.of());
    }

    /** An ascending part on {@code expr}. */
    public static IndexPart expr(String expr) {
        return new IndexPart(new ExprKey(expr), false, List.of());
    }

    /** The column name when this part indexes a column. */
    public Optional<String> column() {
        return key instanceof ColumnKey c ? Optional.of(c.column()) : Optional.empty();
    }

    /** This part, descending. */
    public IndexPart descending() {
        return new IndexPart(key, true, attrs);
    }
}
