package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevSession;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One isolated database (a clone of a template, or the re-created dev database) and the connections
 * opened to it. Closing closes every connection it handed out, then discards the database.
 */
final class PostgresDevSession implements DevSession {

    /** What discards the session's database once its connections are closed. */
    interface Discard {
        void run(PostgresDevSession session);
    }

    private final PostgresDevDatabase database;
    private final DatabaseUrl url;
    private final Connection connection;
    private final Discard discard;
    private final List<Connection> others = new ArrayList<>();
    private boolean closed;

    PostgresDevSession(PostgresDevDatabase database, DatabaseUrl url, Connection connection, Discard discard) {
        this.database = database;
        this.url = url;
        this.connection = connection;
        this.discard = discard;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public synchronized Connection newConnection() throws SQLException {
        if (closed) {
            throw new SQLException("session is closed");
        }
        Connection c = database.connect(url);
        // Tracked so that close() never waits on, or is blocked by, a connection a caller forgot.
        others.add(c);
        return c;
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
        toClose.add(connection);
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
