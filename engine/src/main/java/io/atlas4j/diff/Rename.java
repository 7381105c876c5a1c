package io.atlas4j.diff;

import java.util.Objects;

/**
 * A declared rename (Atlas's {@code renamed_from = "old"} on an HCL table, column or index): the desired
 * object {@code name} is the current object {@code from}. A hint rides beside the desired realm because
 * normalising that realm through the dev database loses it. The differ uses a hint only when it matches:
 * {@code from} exists on the current side and {@code name} does not; otherwise it is ignored.
 *
 * @param kind what is renamed
 * @param schema the schema holding it ({@code ""}: any, as in a schema-scoped comparison)
 * @param table the desired name of the table holding the column or index; for {@link Kind#TABLE} the new
 *     table name (equal to {@code name})
 * @param name the desired (new) name
 * @param from the current (old) name
 */
public record Rename(Kind kind, String schema, String table, String name, String from) {

    /** What a hint renames. */
    public enum Kind {
        TABLE, COLUMN, INDEX
    }

    public Rename {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        if (name.equals(from)) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " \"" + name + "\" is renamed from itself");
        }
    }

    /** A table renamed from {@code from} to {@code name}. */
    public static Rename table(String schema, String name, String from) {
        return new Rename(Kind.TABLE, schema, name, name, from);
    }

    /** A column of (desired) table {@code table} renamed from {@code from} to {@code name}. */
    public static Rename column(String schema, String table, String name, String from) {
        return new Rename(Kind.COLUMN, schema, table, name, from);
    }

    /** An index of (desired) table {@code table} renamed from {@code from} to {@code name}. */
    public static Rename index(String schema, String table, String name, String from) {
        return new Rename(Kind.INDEX, schema, table, name, from);
    }

    /** Whether this hint applies to schema {@code schema}. */
    boolean inSchema(String schema) {
        return this.schema.isEmpty() || this.schema.equals(schema);
    }

    /** This hint for any schema (a schema-scoped comparison compares schemas whatever their names). */
    Rename anySchema() {
        return new Rename(kind, "", table, name, from);
    }
}
