package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key constraint of a table.
 *
 * @param name the constraint symbol
 * @param columns the child columns, in order
 * @param refSchema the schema of the referenced table
 * @param refTable the referenced table
 * @param refColumns the referenced columns, matching {@code columns} by position
 * @param onUpdate the action on update of the referenced key
 * @param onDelete the action on delete of the referenced row
 * @param attrs dialect extras (PostgreSQL {@code DEFERRABLE})
 */
public record ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns,
        Action onUpdate, Action onDelete, List<Attr> attrs) {

    /** A referential action. */
    public enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        /** The SQL spelling, e.g. {@code SET NULL}. */
        public String sql() {
            return sql;
        }
    }

    /** A foreign key without attributes. */
    public ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns,
            Action onUpdate, Action onDelete) {
        this(name, columns, refSchema, refTable, refColumns, onUpdate, onDelete, List.of());
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> java.util.Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    public ForeignKey {
        Names.requireName(name, "foreign key");
        columns = List.copyOf(columns);
        Objects.requireNonNull(refSchema, "refSchema");
        Names.requireName(refTable, "referenced table");
        refColumns = List.copyOf(refColumns);
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(onDelete, "onDelete");
        attrs = List.copyOf(attrs);
        if (columns.isEmpty() || columns.size() != refColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + ": " + columns.size() + " columns reference "
                    + refColumns.size() + " columns");
        }
    }
}
