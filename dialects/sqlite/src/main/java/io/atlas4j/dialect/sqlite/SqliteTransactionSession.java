package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevSession;
import java.sql.Connection;

/**
 * A session of transaction isolation: a transaction on a base copy of the prepared state, rolled back at
 * close, after which the base copy serves the next such session. Only for cases that {@link RollbackSafety}
 * admits, which run no external programs, so one connection is all the session has.
 */
final class SqliteTransactionSession implements DevSession {

    private final SqliteWorkspace workspace;
    private final SqliteCopy base;
    private boolean closed;

    SqliteTransactionSession(SqliteWorkspace workspace, SqliteCopy base) {
        this.workspace = workspace;
        this.base = base;
    }

    /** The base copy's connection, inside the session's transaction (auto-commit on as JDBC sees it). */
    @Override
    public Connection connection() {
        return base.connection();
    }

    /**
     * Not available: another connection would not see the session's uncommitted work and would wait for
     * its locks. Sessions that need more connections (parallel groups) are leased without needs, as copies.
     *
     * @throws IllegalStateException always
     */
    @Override
    public Connection newConnection() {
        throw new IllegalStateException("a SQLite session isolated by a transaction has a single connection;"
                + " lease the session without SessionNeeds to get a copy that accepts more connections");
    }

    /** The base copy's URL: its committed state is the prepared state, without this session's work. */
    @Override
    public String url() {
        return base.url().raw();
    }

    /** Rolls the transaction back and returns the base copy, or discards it when the rollback cannot undo all. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        workspace.giveBack(this, base);
    }
}
