package io.atlas4j.dialect.sqlite;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.dialect.SchemaTransactions;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite through sqlite-jdbc, in process: {@code sqlite://NAME?mode=memory} and {@code sqlite://FILE}
 * (also {@code sqlite3://}). See {@link SqliteConnectionSpec} for how URLs map to sqlite-jdbc.
 */
public final class SqliteDialect implements Dialect {

    private static final SchemaTransactions FOREIGN_KEYS_OFF = new ForeignKeysOff();

    /** The dialect's name and main URL scheme. */
    public static final String NAME = "sqlite";

    private static final Set<String> SCHEMES = Set.of("sqlite", "sqlite3");

    private static final SchemaDriver DRIVER = new SqliteSchemaDriver();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> urlSchemes() {
        return SCHEMES;
    }

    @Override
    public Connection connect(DatabaseUrl url) throws SQLException {
        return SqliteConnectionSpec.of(url).open();
    }

    @Override
    public List<SqlStatement> split(SqlScript script) {
        return StatementSplitter.split(script, SplitRules.SQLITE);
    }

    /**
     * SQLite's own message, as Atlas (through the Go driver) shows it: {@code no such table: t}, not
     * sqlite-jdbc's {@code [SQLITE_ERROR] SQL error or missing database (no such table: t)}.
     */
    @Override
    public String errorMessage(SQLException e) {
        String message = e.getMessage();
        if (message == null || !message.startsWith("[SQLITE_")) {
            return Dialect.super.errorMessage(e);
        }
        int code = message.indexOf(']');
        int open = message.indexOf(" (", code);
        if (code < 0 || open < 0 || !message.endsWith(")")) {
            return Dialect.super.errorMessage(e);
        }
        return message.substring(open + 2, message.length() - 1).strip();
    }

    /** The revisions table in {@code main} and a lock-table lock. */
    @Override
    public Optional<RevisionSupport> revisions() {
        return Optional.of(new SqliteRevisions());
    }

    /** The SQLite schema engine: inspect, diff and plan on the {@code main} schema. */
    @Override
    public Optional<SchemaDriver> schemaDriver() {
        return Optional.of(DRIVER);
    }

    /** Foreign keys off around the transaction, their violations checked before the commit ({@link ForeignKeysOff}). */
    @Override
    public SchemaTransactions schemaTransactions() {
        return FOREIGN_KEYS_OFF;
    }
}
