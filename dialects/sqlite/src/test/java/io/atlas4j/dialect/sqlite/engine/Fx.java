package io.atlas4j.dialect.sqlite.engine;

import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.dialect.sqlite.SqliteDialect;
import io.atlas4j.dialect.sqlite.SqliteTypes;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small builders for SQLite models and databases in tests. */
final class Fx {

    /** The SQLite schema engine under test. */
    static final SchemaDriver DRIVER = new SqliteDialect().schemaDriver().orElseThrow();

    private Fx() {
    }

    /** A NOT NULL column of {@code type}. */
    static Column col(String name, String type, Attr... attrs) {
        return new Column(name, SqliteTypes.parse(type), false, Optional.empty(), List.of(attrs));
    }

    /** A nullable column of {@code type}. */
    static Column nullCol(String name, String type) {
        return Column.of(name, SqliteTypes.parse(type), true);
    }

    /** {@code c} with the default {@code expr}. */
    static Column withDefault(Column c, Expr expr) {
        return new Column(c.name(), c.type(), c.nullable(), Optional.of(expr), c.attrs());
    }

    /** A table of columns. */
    static Table table(String name, Column... columns) {
        return Table.of(name, columns);
    }

    /** {@code t} with the primary key on {@code columns}. */
    static Table withPk(Table t, String... columns) {
        return new Table(t.name(), t.columns(), Optional.of(PrimaryKey.of("", columns)), t.indexes(), t.foreignKeys(),
                t.checks(), t.attrs());
    }

    /** A fresh private in-memory database. */
    static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    /** Runs each statement of {@code sql} (split on semicolons: fixtures keep none in literals). */
    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String stmt : statements(sql)) {
                s.execute(stmt);
            }
        }
    }

    private static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
