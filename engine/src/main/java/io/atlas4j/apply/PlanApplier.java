package io.atlas4j.apply;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.SchemaTransactions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlannedStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a plan's statements on a connection. A transactional plan runs in one transaction (Atlas's
 * {@code --tx-mode file}), so a failure leaves nothing applied; a plan holding a statement that cannot run
 * in a transaction block ({@code CREATE INDEX CONCURRENTLY}), or {@code transaction = false}, runs statement
 * by statement, and a failure says how many stayed applied.
 */
public final class PlanApplier {

    private PlanApplier() {
    }

    /**
     * Applies {@code plan}.
     *
     * @param transaction whether to use a transaction when the plan allows one
     * @param applied told of each statement once it has run
     * @return how many statements ran
     * @throws ApplyException when a statement fails
     */
    public static int apply(Dialect dialect, Connection connection, Plan plan, boolean transaction,
            Consumer<PlannedStatement> applied) {
        List<PlannedStatement> statements = plan.statements();
        boolean tx = transaction && plan.transactional() && statements.stream().allMatch(PlannedStatement::transactional);
        try {
            boolean autoCommit = connection.getAutoCommit();
            SchemaTransactions.Guard guard = tx ? dialect.schemaTransactions().open(connection) : SchemaTransactions.Guard.NONE;
            if (tx) {
                connection.setAutoCommit(false);
            }
            int done = 0;
            try {
                for (PlannedStatement s : statements) {
                    try (Statement jdbc = connection.createStatement()) {
                        jdbc.execute(s.sql());
                    } catch (SQLException e) {
                        if (tx) {
                            connection.rollback();
                        }
                        throw new ApplyException(s, tx ? 0 : done, statements.size(), tx, dialect.errorMessage(e), e);
                    }
                    done++;
                    applied.accept(s);
                }
                if (tx) {
                    try {
                        guard.beforeCommit(connection);
                    } catch (SQLException e) {
                        connection.rollback();
                        throw new Atlas4jException(ErrorCode.APPLY, "apply: " + dialect.errorMessage(e),
                                "nothing was applied: the transaction was rolled back", e);
                    }
                    connection.commit();
                }
                return done;
            } finally {
                if (tx) {
                    connection.setAutoCommit(autoCommit);
                    guard.close(connection);
                }
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.APPLY, "apply: transaction control failed: " + dialect.errorMessage(e), e);
        }
    }
}
