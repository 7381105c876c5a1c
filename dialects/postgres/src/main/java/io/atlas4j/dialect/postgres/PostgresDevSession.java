package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevSession;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One isolated session, of one of two kinds:
 *
 * <ul>
 *   <li><b>A database of its own</b> (a clone of a template, or the re-created dev database) and the
 *       connections opened to it. Closing closes every connection it handed out, then discards the
 *       database.</li>
 *   <li><b>A transaction</b> on a pooled connection to a database holding the prepared state (see
 *       {@link TransactionBase}). Its connection has auto-commit off; the session's work stays
 *       uncommitted and closing rolls it back and hands the connection back. Nobody else can see that
 *       work, so {@link #newConnection()} is refused; {@link #url()} names the base database, which
 *       holds the prepared state only.</li>
 * </ul>
 */
final class PostgresDevSession implements DevSession {

    /** What discards the session's work once its connections are closed. */
    interface Discard {
        void run(PostgresDevSession session);
    }

    private final PostgresDevDatabase database;
    private final DatabaseUrl url;
    private final Connection connection;
    private final Discard discard;
    private final boolean pooled;
    private final List<Connection> others = new ArrayList<>();
    // Connections given back by parallel cases, reset and ready for the next one: opening a backend
    // costs 5-15 ms, far more than the case itself.
    private final java.util.ArrayDeque<Connection> idle = new java.util.ArrayDeque<>();
    private boolean closed;

    private PostgresDevSession(PostgresDevDatabase database, DatabaseUrl url, Connection connection, Discard discard,
                               boolean pooled) {
        this.database = database;
        this.url = url;
        this.connection = connection;
        this.discard = discard;
        this.pooled = pooled;
    }

    PostgresDevSession(PostgresDevDatabase database, DatabaseUrl url, Connection connection, Discard discard) {
        this(database, url, connection, discard, false);
    }

    /** A transaction-isolated session on a connection that outlives it; {@code discard} ends the transaction. */
    static PostgresDevSession pooled(PostgresDevDatabase database, DatabaseUrl url, Connection connection,
                                     Discard discard) {
        return new PostgresDevSession(database, url, connection, discard, true);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    /**
     * Another connection to the session's database.
     *
     * @throws IllegalStateException for a transaction-isolated session: another connection would not see
     *     its uncommitted work (lease with {@code Workspace.lease()} for sessions that share their database)
     */
    @Override
    public synchronized Connection newConnection() throws SQLException {
        if (closed) {
            throw new SQLException("session is closed");
        }
        if (pooled) {
            throw new IllegalStateException("this session is isolated by a transaction that is rolled back when"
                    + " it ends: another connection would not see its work; lease a session with Workspace.lease()"
                    + " (a database of its own) to share it between connections");
        }
        Connection c = idle.pollFirst();
        if (c == null) {
            c = database.connect(url);
            // Tracked so that close() never waits on, or is blocked by, a connection a caller forgot.
            others.add(c);
        }
        return Reusable.wrap(c, this::giveBack);
    }

    /**
     * Takes a connection a case has closed: resets everything a session can change (an open
     * transaction, settings, role, temp tables, prepared statements, locks, LISTEN) and keeps it for
     * the next case; one that cannot be reset is closed.
     */
    private void giveBack(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("DISCARD ALL");
            }
            synchronized (this) {
                if (!closed) {
                    idle.addLast(c);
                    return;
                }
            }
        } catch (SQLException e) {
            // Not reusable; closed below.
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closed or broken already.
        }
    }

    @Override
    public String url() {
        return url.raw();
    }

    @Override
    public void close() {
        List<Connection> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(others);
        }
        if (!pooled) {
            toClose.add(connection);
        }
        for (Connection c : toClose) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The database is discarded next, which ends the connection on the server anyway.
            }
        }
        discard.run(this);
    }
}
