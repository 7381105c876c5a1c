package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A prepared state held in a named shared-cache memory database (the template), with two ways to isolate
 * a session from it:
 * <ul>
 *   <li>copy: each session is a fresh copy of the template made with SQLite's backup API (about a
 *       millisecond for a small schema); for parallel groups, unknown needs, and cases that
 *       {@link RollbackSafety} does not admit;</li>
 *   <li>transaction: the session runs inside {@code BEGIN ... ROLLBACK} on a base copy that outlives it
 *       (microseconds). SQLite lets one writer at a time into a database, so each concurrent session
 *       gets its own base copy from a pool, and a base copy whose transaction a statement ended is
 *       discarded rather than reused.</li>
 * </ul>
 */
final class SqliteWorkspace implements Workspace {

    private final SqliteDevDatabase database;
    private final SchemaState state;
    private final Connection template;
    private final String source;
    /** Why every session must be a copy (a setting or the prepared state), or null. */
    private final String copyOnly;
    /** Idle base copies at the prepared state, most recently used first; guarded by itself. */
    private final Deque<SqliteCopy> idle = new ArrayDeque<>();
    /** Base copies leased to open transaction sessions; guarded by {@link #idle}. */
    private final List<SqliteCopy> leased = new ArrayList<>();
    private volatile boolean closed;

    SqliteWorkspace(SqliteDevDatabase database, SchemaState state, Connection template, String source, String copyOnly) {
        this.database = database;
        this.state = state;
        this.template = template;
        this.source = source;
        this.copyOnly = copyOnly;
    }

    @Override
    public SchemaState state() {
        return state;
    }

    /** A copy of the template: what a parallel group or a case with unknown needs gets. */
    @Override
    public DevSession lease() {
        ensureOpen();
        return database.lease(this);
    }

    /** A transaction on a base copy when the case allows it (see {@link RollbackSafety}), else a copy. */
    @Override
    public DevSession lease(SessionNeeds needs) {
        ensureOpen();
        if (!transactional(needs)) {
            return database.lease(this);
        }
        SqliteCopy base = takeBase();
        try {
            base.begin();
        } catch (SQLException e) {
            release(base);
            base.discard();
            throw new Atlas4jException(ErrorCode.DEV_DATABASE, "cannot start a transaction on a copy of the prepared state of "
                    + database.url().masked() + ": " + database.dialect().errorMessage(e), e);
        }
        SqliteTransactionSession session = new SqliteTransactionSession(this, base);
        database.register(session);
        return session;
    }

    /** Whether a case with {@code needs} runs in a rolled-back transaction rather than on a copy. */
    boolean transactional(SessionNeeds needs) {
        return copyOnly == null && RollbackSafety.copyReason(needs).isEmpty();
    }

    /** Why this workspace never uses transactions, or null. */
    String copyOnlyReason() {
        return copyOnly;
    }

    /** The number of base copies, idle or leased: one per concurrent transaction session at most. */
    int baseCopies() {
        synchronized (idle) {
            return idle.size() + leased.size();
        }
    }

    private SqliteCopy takeBase() {
        synchronized (idle) {
            SqliteCopy base = idle.pollFirst();
            if (base != null) {
                leased.add(base);
                return base;
            }
        }
        // Copying outside the lock lets concurrent first leases copy at the same time.
        SqliteCopy base = database.copy(this);
        synchronized (idle) {
            if (closed) {
                base.discard();
                throw new IllegalStateException("workspace is closed");
            }
            leased.add(base);
        }
        return base;
    }

    private void release(SqliteCopy base) {
        synchronized (idle) {
            leased.remove(base);
        }
    }

    /**
     * Ends a transaction session: rolls back and keeps the base copy for the next session, or discards it
     * when there was no transaction left to roll back (a statement ended it, so work may be committed),
     * or when the workspace is closed.
     */
    void giveBack(SqliteTransactionSession session, SqliteCopy base) {
        try {
            boolean clean = !closed && base.rollback();
            synchronized (idle) {
                leased.remove(base);
                if (clean && !closed) {
                    idle.addFirst(base);
                    return;
                }
            }
            // The next transaction session copies the template afresh.
            base.discard();
        } finally {
            database.forget(session);
        }
    }

    /** The template's SQLite URI file name, for the backup API. */
    String source() {
        return source;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
    }

    @Override
    public void close() {
        List<SqliteCopy> bases;
        synchronized (idle) {
            if (closed) {
                return;
            }
            closed = true;
            bases = new ArrayList<>(idle);
            idle.clear();
        }
        // Leased base copies are discarded by their sessions' close (giveBack sees closed).
        bases.forEach(SqliteCopy::discard);
        // The template is a memory database: closing its only connection frees it.
        SqliteDevDatabase.closeQuietly(template);
        database.forget(this);
    }
}
