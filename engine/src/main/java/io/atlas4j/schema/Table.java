package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table. Children are identified by name within the table; there are no back-pointers, so a table
 * is identified in a realm by its schema name plus its name.
 *
 * @param name the table name
 * @param columns the columns, in their ordinal order
 * @param primaryKey the primary key, if any
 * @param indexes the other indexes (including those backing UNIQUE constraints), by name
 * @param foreignKeys the foreign keys, by name
 * @param checks the check constraints
 * @param attrs comment and dialect extras
 * @param triggers the triggers on this table, by name
 */
public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey, List<Index> indexes,
        List<ForeignKey> foreignKeys, List<Check> checks, List<Attr> attrs, List<Trigger> triggers) {

    /** A table without triggers. */
    public Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey, List<Index> indexes,
            List<ForeignKey> foreignKeys, List<Check> checks, List<Attr> attrs) {
        this(name, columns, primaryKey, indexes, foreignKeys, checks, attrs, List.of());
    }

    public Table {
        Names.requireName(name, "table");
        columns = Names.uniqueCopy(columns, Column::name, "column", "table " + name);
        Objects.requireNonNull(primaryKey, "primaryKey");
        indexes = Names.uniqueCopy(indexes, Index::name, "index", "table " + name);
        foreignKeys = Names.uniqueCopy(foreignKeys, ForeignKey::name, "foreign key", "table " + name);
        checks = Names.uniqueCopy(checks, Check::name, "check", "table " + name);
        attrs = List.copyOf(attrs);
        triggers = Names.uniqueCopy(triggers, Trigger::name, "trigger", "table " + name);
    }

    /** A table with only columns. */
    public static Table of(String name, Column... columns) {
        return new Table(name, List.of(columns), Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    /** The column named {@code name}. */
    public Optional<Column> column(String name) {
        return Names.find(columns, Column::name, name);
    }

    /** The index named {@code name}. */
    public Optional<Index> index(String name) {
        return Names.find(indexes, Index::name, name);
    }

    /** The foreign key named {@code name}. */
    public Optional<ForeignKey> foreignKey(String name) {
        return Names.find(foreignKeys, ForeignKey::name, name);
    }

    /** The check constraint named {@code name}. */
    public Optional<Check> check(String name) {
        return Names.find(checks, Check::name, name);
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    /** The table comment, if any. */
    public Optional<String> comment() {
        return Attrs.comment(attrs);
    }
}
