package io.atlas4j.apply;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.plan.PlannedStatement;

/**
 * A plan statement failed. The message names the change, the statement and the database's error, and
 * says what was left applied.
 */
public class ApplyException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    private final transient PlannedStatement statement;
    private final int applied;
    private final String databaseError;

    ApplyException(PlannedStatement statement, int applied, int total, boolean rolledBack, String databaseError,
            Throwable cause) {
        super(ErrorCode.APPLY, statement.comment() + ": executing statement \"" + statement.sql() + "\": " + databaseError,
                rolledBack ? "the transaction was rolled back: nothing was applied"
                        : applied + " of " + total + " statements were applied before the failure",
                cause);
        this.statement = statement;
        this.applied = applied;
        this.databaseError = databaseError;
    }

    /** The statement that failed. */
    public PlannedStatement statement() {
        return statement;
    }

    /** How many statements stayed applied (0 when the transaction was rolled back). */
    public int applied() {
        return applied;
    }

    /** The database's own words. */
    public String databaseError() {
        return databaseError;
    }
}
