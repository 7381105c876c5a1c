package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.StateApplier;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A prepared state held in a template database; each {@link #lease()} is a {@code CREATE DATABASE ...
 * TEMPLATE} clone of it, dropped when the session closes. {@link #lease(SessionNeeds)} gives a case
 * that fits in a transaction (see {@link TransactionFit}) a transaction on a long-lived clone instead
 * (see {@link TransactionPool}).
 */
final class PostgresTemplateWorkspace implements Workspace {

    private final PostgresDevDatabase database;
    private final SchemaState state;
    private final String template;
    /** Null when the dev database isolates by clones only. */
    private final TransactionPool transactions;
    /** Whether the state's routines may define custom settings, which outlive a rollback. */
    private final boolean customSettings;
    private volatile boolean closed;

    private PostgresTemplateWorkspace(PostgresDevDatabase database, SchemaState state, String template) {
        this.database = database;
        this.state = state;
        this.template = template;
        this.transactions = database.transactions() ? new TransactionPool(database, template) : null;
        this.customSettings = TransactionFit.definesCustomSettings(state);
    }

    /**
     * Builds {@code state} in a new template database named {@code template}.
     *
     * @return the workspace, or null when the user may not create databases
     */
    static PostgresTemplateWorkspace prepare(PostgresDevDatabase database, SchemaState state, String template) {
        PostgresDialect dialect = database.postgres();
        try {
            database.createDatabase(template, null);
        } catch (SQLException e) {
            if (PostgresErrors.isPermissionDenied(e)) {
                return null;
            }
            throw PostgresErrors.failed(dialect, database.url(), "cannot create template database \"" + template + "\"", e);
        }
        try {
            DatabaseUrl templateUrl = database.urlOf(template);
            try (Connection c = database.connect(templateUrl)) {
                mirrorKeptSchema(database.scope(), c);
                StateApplier.apply(dialect, c, state);
            }
            // Nobody (not even autovacuum) may connect while it serves as a template; clones still allow it.
            database.adminExecute("ALTER DATABASE " + PostgresScope.quote(template) + " ALLOW_CONNECTIONS false");
            database.awaitNoConnections(template);
        } catch (SQLException e) {
            database.dropDatabase(template);
            throw PostgresErrors.failed(dialect, database.url(), "cannot prepare template database \"" + template + "\"", e);
        } catch (RuntimeException e) {
            try {
                database.dropDatabase(template);
            } catch (RuntimeException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
        }
        return new PostgresTemplateWorkspace(database, state, template);
    }

    /**
     * Makes a fresh database look like the clean dev database where the state is built: the connected
     * schema exists if it existed there; in database scope, {@code public} exists if it existed there.
     */
    private static void mirrorKeptSchema(PostgresScope scope, Connection c) throws SQLException {
        PostgresScope.Kept kept = scope.kept();
        try (Statement s = c.createStatement()) {
            if (kept.existed()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresScope.quote(kept.name()));
            } else if (scope.databaseScope()) {
                s.execute("DROP SCHEMA IF EXISTS public");
            }
        }
    }

    @Override
    public SchemaState state() {
        return state;
    }

    @Override
    public DevSession lease(SessionNeeds needs) {
        if (transactions == null) {
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
        return transactions.lease(TransactionFit.traits(needs, verdict, customSettings));
    }

    @Override
    public DevSession lease() {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        database.ensureOpen();
        String name = database.nextCloneName();
        PostgresDialect dialect = database.postgres();
        try {
            database.createDatabase(name, template);
        } catch (SQLException e) {
            throw PostgresErrors.failed(dialect, database.url(),
                    "cannot clone template database \"" + template + "\" into \"" + name + "\"", e);
        }
        DatabaseUrl cloneUrl = database.urlOf(name);
        Connection connection;
        try {
            connection = database.connect(cloneUrl);
        } catch (SQLException e) {
            database.dropDatabase(name);
            throw PostgresErrors.cannotConnect(dialect, cloneUrl, e);
        }
        database.copySessionOpened();
        PostgresDevSession session = new PostgresDevSession(database, cloneUrl, connection, s -> {
            try {
                database.dropDatabase(name);
            } finally {
                try {
                    // After the drop: the clone held the privileges the case granted to its roles.
                    database.copySessionClosed();
                } finally {
                    database.unregister(s);
                }
            }
        });
        database.register(session);
        return session;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (transactions != null) {
                transactions.close();
            }
        } finally {
            try {
                database.dropDatabase(template);
            } finally {
                database.forget(this);
            }
        }
    }
}
