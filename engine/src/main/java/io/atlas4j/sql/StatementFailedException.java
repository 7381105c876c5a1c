package io.atlas4j.sql;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.sql.SQLException;

/** A statement failed on a database; names the statement's position and carries the database's message. */
public class StatementFailedException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    private final transient SqlStatement statement;
    private final String message;

    public StatementFailedException(ErrorCode code, SqlStatement statement, SQLException cause) {
        this(code, statement, databaseMessage(cause), cause);
    }

    /**
     * @param message the database's message in the dialect's words ({@code Dialect.errorMessage})
     */
    public StatementFailedException(ErrorCode code, SqlStatement statement, String message, SQLException cause) {
        super(code, statement.range() + ": " + message, cause);
        this.statement = statement;
        this.message = message;
    }

    /** The failing statement. */
    public SqlStatement statement() {
        return statement;
    }

    /** The database's own message, without driver decoration. */
    public String databaseMessage() {
        return message;
    }

    /** The database's message of an exception, trimmed (PgJDBC adds detail lines; they are kept). */
    public static String databaseMessage(SQLException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip();
    }
}
