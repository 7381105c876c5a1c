package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.SchemaState;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds a {@link SchemaState} on a connection, one statement at a time. */
final class StatementRunner {

    private StatementRunner() {
    }

    /**
     * Runs every statement of every script in order.
     *
     * @throws StatementFailedException at the first failing statement, naming its position
     */
    static void apply(Dialect dialect, Connection connection, SchemaState state) {
        for (SqlScript script : state.scripts()) {
            for (SqlStatement statement : dialect.split(script)) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                } catch (SQLException e) {
                    throw failed(dialect, statement, e);
                }
            }
        }
    }

    /** The failure of one statement, with the dialect's wording of the database's message. */
    static StatementFailedException failed(Dialect dialect, SqlStatement statement, SQLException e) {
        String message = dialect.errorMessage(e);
        // StatementFailedException words its message from its cause; give it the dialect's words.
        SQLException cause = message.equals(e.getMessage())
                ? e
                : new SQLException(message, e.getSQLState(), e.getErrorCode(), e);
        return new StatementFailedException(ErrorCode.DEV_DATABASE, statement, cause);
    }
}
