package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A prepared state for a user who may not create databases: every lease empties the dev database and
 * builds the state again inside it, and the session's close empties it once more. Leases wait for each
 * other, since there is only one database to work in.
 */
final class PostgresRecreateWorkspace implements Workspace {

    private final PostgresDevDatabase database;
    private final SchemaState state;
    private volatile boolean closed;

    private PostgresRecreateWorkspace(PostgresDevDatabase database, SchemaState state) {
        this.database = database;
        this.state = state;
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
            PostgresDevSession session = new PostgresDevSession(database, database.url(), connection, s -> {
                try {
                    database.reset();
                } finally {
                    database.unregister(s);
                    database.exclusive().release();
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
        try (Connection c = database.connect(database.url())) {
            StatementRunner.apply(database.postgres(), c, state);
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
            database.forget(this);
        }
    }
}
