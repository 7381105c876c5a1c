package io.atlas4j.dialect.sqlite;

import io.atlas4j.schema.Attr;

/** SQLite's own attributes (spec §1.4): table options and AUTOINCREMENT. */
public final class SqliteAttrs {

    private SqliteAttrs() {
    }

    /** A {@code WITHOUT ROWID} table. */
    public record WithoutRowId() implements Attr {
    }

    /** A {@code STRICT} table. */
    public record Strict() implements Attr {
    }

    /**
     * An {@code INTEGER PRIMARY KEY AUTOINCREMENT} column.
     *
     * @param seq the requested start value of the table's {@code sqlite_sequence} row; 0 for none
     */
    public record AutoIncrement(long seq) implements Attr {
    }

    /**
     * A planning marker the differ puts on the current side of a modified table when its schema holds views,
     * or triggers on other tables or views: SQLite re-checks all of them on ALTER TABLE ... RENAME, and in a
     * table rebuild they name a table that is, for a moment, dropped. Never inspected, never printed.
     */
    public record OtherViewsOrTriggers() implements Attr {
    }
}
