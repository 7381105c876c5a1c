package io.atlas4j.dialect.mysql;

import java.sql.Connection;

/**
 * A session isolated by a transaction: the slot's {@link TransactionConnection}, rolled back when the
 * session closes. Only for cases that {@link TransactionFit} admits, which run no external programs,
 * so the one connection is all the session has.
 */
final class MysqlTransactionSession implements OpenSession {

    private final MysqlDevDatabase database;
    private final Slot slot;
    private final MysqlUrl url;
    private final TransactionConnection transaction;
    private final TransactionFit.Fit fit;
    private boolean closed;

    MysqlTransactionSession(MysqlDevDatabase database, Slot slot, MysqlUrl url, TransactionConnection transaction,
                            TransactionFit.Fit fit) {
        this.database = database;
        this.slot = slot;
        this.url = url;
        this.transaction = transaction;
        this.fit = fit;
    }

    /** The slot's connection, auto-commit off; the session's work stays uncommitted. */
    @Override
    public Connection connection() {
        return transaction.connection();
    }

    /**
     * Not available: another connection would not see the session's uncommitted work and would wait for
     * its row locks.
     *
     * @throws IllegalStateException always
     */
    @Override
    public Connection newConnection() {
        throw new IllegalStateException("this MySQL session is isolated by a transaction that is rolled back when"
                + " it ends: another connection would not see its work; lease the session with Workspace.lease()"
                + " (no SessionNeeds) to get a schema that accepts more connections");
    }

    /** The slot's URL: its committed state is the prepared state, without this session's work. */
    @Override
    public String url() {
        return url.url().raw();
    }

    /** Rolls the transaction back and frees the slot, or marks it for re-creation when that fails. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        database.endTransaction(this, slot, transaction, fit);
    }

    @Override
    public void closeConnections() {
        transaction.close();
    }
}
