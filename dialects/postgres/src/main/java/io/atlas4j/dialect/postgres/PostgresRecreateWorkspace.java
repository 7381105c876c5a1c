package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.StateApplier;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A prepared state for a user who may not create databases: every {@link #lease()} empties the dev
 * database and builds the state again inside it, and the session's close empties it once more. Leases
 * wait for each other, since there is only one database to work in.
 *
 * <p>{@link #lease(SessionNeeds)} gives a case that fits in a transaction (see {@link TransactionFit}) a
 * transaction in the dev database holding the state, rolled back when the session closes: the state
 * stays built for the next such case, and only cases that need a database of their own pay for a
 * rebuild.
 */
final class PostgresRecreateWorkspace implements Workspace {

    private final PostgresDevDatabase database;
    private final SchemaState state;
    /** Whether the state's routines may define custom settings, which outlive a rollback. */
    private final boolean customSettings;
    /** The connection for transaction-isolated sessions; used only while holding the dev database. */
    private TransactionBase base;
    /** Whether the base's sequence snapshot was taken on the current build of the state. */
    private boolean baseCurrent;
    private volatile boolean closed;

    private PostgresRecreateWorkspace(PostgresDevDatabase database, SchemaState state) {
        this.database = database;
        this.state = state;
        this.customSettings = TransactionFit.definesCustomSettings(state);
    }

    /**
     * Builds the state once, so that its errors surface now; the dev database keeps it for the first lease.
     */
    static PostgresRecreateWorkspace prepare(PostgresDevDatabase database, SchemaState state) {
        PostgresRecreateWorkspace workspace = new PostgresRecreateWorkspace(database, state);
        database.exclusive().acquire();
        try {
            database.pristine(null);
            database.reset();
            workspace.build();
            database.pristine(workspace);
            return workspace;
        } catch (RuntimeException e) {
            resetAfterFailure(database, e);
            throw e;
        } finally {
            database.exclusive().release();
        }
    }

    @Override
    public SchemaState state() {
        return state;
    }

    @Override
    public DevSession lease(SessionNeeds needs) {
        if (!database.transactions()) {
            return lease();
        }
        TransactionFit.Verdict verdict = TransactionFit.of(needs);
        if (verdict == TransactionFit.Verdict.COPY) {
            return lease();
        }
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        database.ensureOpen();
        TransactionFit.Traits traits = TransactionFit.traits(needs, verdict, customSettings);
        database.exclusive().acquire();
        try {
            if (database.pristine() != this) {
                database.pristine(null);
                database.reset();
                build();
                database.pristine(this);
            }
            Connection connection = begin(traits);
            // The state stays untouched (pristine): the session's work is rolled back when it closes.
            PostgresDevSession session = PostgresDevSession.pooled(database, database.url(), connection, s -> {
                try {
                    end(traits);
                } finally {
                    database.unregister(s);
                    database.exclusive().release();
                }
            });
            database.register(session);
            return session;
        } catch (RuntimeException e) {
            closeBase();
            if (database.pristine() != this) {
                // A failed rebuild: leave the dev database empty, as a failed lease() does.
                resetAfterFailure(database, e);
            }
            database.exclusive().release();
            throw e;
        }
    }

    /** A transaction on the dev database, which holds the state untouched. */
    private Connection begin(TransactionFit.Traits traits) {
        try {
            if (base != null) {
                try {
                    if (!baseCurrent) {
                        base.snapshot();
                        baseCurrent = true;
                    }
                    return base.begin(traits);
                } catch (SQLException e) {
                    // A broken connection (a restarted server): try once more on a new one.
                    closeBase();
                }
            }
            base = TransactionBase.open(database, database.url(), null, database.scope().schema());
            baseCurrent = true;
            return base.begin(traits);
        } catch (SQLException e) {
            throw PostgresErrors.failed(database.postgres(), database.url(), "cannot start a transaction", e);
        }
    }

    /** Ends a transaction-isolated session; when that fails, the state is no longer known to be untouched. */
    private void end(TransactionFit.Traits traits) {
        try {
            base.end(traits);
        } catch (SQLException e) {
            closeBase();
            database.pristine(null);
            database.reset();
        }
    }

    private void closeBase() {
        if (base != null) {
            base.close();
            base = null;
        }
    }

    @Override
    public DevSession lease() {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        database.ensureOpen();
        database.exclusive().acquire();
        PostgresDialect dialect = database.postgres();
        try {
            if (database.pristine() != this) {
                database.pristine(null);
                database.reset();
                build();
            }
            // The session may change anything: the state is no longer untouched.
            database.pristine(null);
            Connection connection;
            try {
                connection = database.connect(database.url());
            } catch (SQLException e) {
                throw PostgresErrors.cannotConnect(dialect, database.url(), e);
            }
            database.copySessionOpened();
            PostgresDevSession session = new PostgresDevSession(database, database.url(), connection, s -> {
                try {
                    database.reset();
                } finally {
                    try {
                        database.copySessionClosed();
                    } finally {
                        database.unregister(s);
                        database.exclusive().release();
                    }
                }
            });
            database.register(session);
            return session;
        } catch (RuntimeException e) {
            resetAfterFailure(database, e);
            database.exclusive().release();
            throw e;
        }
    }

    /** Applies the state on a connection of its own, so settings its scripts make end with it. */
    private void build() {
        baseCurrent = false;
        try (Connection c = database.connect(database.url())) {
            StateApplier.apply(database.postgres(), c, state);
        } catch (SQLException e) {
            throw PostgresErrors.cannotConnect(database.postgres(), database.url(), e);
        }
    }

    private static void resetAfterFailure(PostgresDevDatabase database, RuntimeException failure) {
        try {
            database.reset();
        } catch (RuntimeException resetFailure) {
            failure.addSuppressed(resetFailure);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Only when no session holds the dev database does it still hold this state untouched.
            if (database.pristine() == this) {
                database.exclusive().acquire();
                try {
                    if (database.pristine() == this) {
                        database.pristine(null);
                        database.reset();
                    }
                } finally {
                    database.exclusive().release();
                }
            }
        } finally {
            closeBase();
            database.forget(this);
        }
    }
}
