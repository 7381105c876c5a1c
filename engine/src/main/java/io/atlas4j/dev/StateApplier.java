package io.atlas4j.dev;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds a {@link SchemaState} on a connection, one statement at a time: what every dialect's prepare does. */
public final class StateApplier {

    private StateApplier() {
    }

    /**
     * Runs every statement of every script in order, split with the dialect's rules.
     *
     * @throws StatementFailedException at the first failing statement, naming its position and the
     *     database's message in the dialect's words
     */
    public static void apply(Dialect dialect, Connection connection, SchemaState state) {
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

    /** The failure of one statement of a state. */
    public static StatementFailedException failed(Dialect dialect, SqlStatement statement, SQLException e) {
        return new StatementFailedException(ErrorCode.DEV_DATABASE, statement, dialect.errorMessage(e), e);
    }
}
