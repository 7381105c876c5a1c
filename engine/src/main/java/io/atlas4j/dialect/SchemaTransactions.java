package io.atlas4j.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a dialect does around a transaction that changes the schema ({@code schema apply}, {@code migrate
 * apply} in {@code --tx-mode file|all}). SQLite ignores {@code PRAGMA foreign_keys} inside a transaction, so a
 * plan that drops or rebuilds a referenced table must have enforcement turned off before {@code BEGIN}, and
 * the violations it left checked before {@code COMMIT}; Atlas's SQLite transaction opener does the same.
 */
@FunctionalInterface
public interface SchemaTransactions {

    /** Nothing around the transaction: the dialects whose DDL needs no help. */
    SchemaTransactions NONE = c -> Guard.NONE;

    /**
     * Called on an auto-commit connection right before its transaction begins.
     *
     * @return what to do before the commit and once the transaction is over
     */
    Guard open(Connection c) throws SQLException;

    /** One transaction's bracket. */
    interface Guard {

        /** Does nothing. */
        Guard NONE = new Guard() {
            @Override
            public void beforeCommit(Connection c) {
            }

            @Override
            public void close(Connection c) {
            }
        };

        /**
         * Right before {@code COMMIT}.
         *
         * @throws SQLException when the transaction must not commit (it is then rolled back by the caller),
         *     with a message saying why
         */
        void beforeCommit(Connection c) throws SQLException;

        /** After {@code COMMIT} or {@code ROLLBACK}, with the connection back in auto-commit: restores it. */
        void close(Connection c) throws SQLException;
    }
}
