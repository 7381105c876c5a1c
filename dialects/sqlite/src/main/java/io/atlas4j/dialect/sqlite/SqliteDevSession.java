package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A session of copy isolation: its own copy of a prepared state, discarded at close. The copy lives while
 * one of its connections is open; {@link #close()} closes them all.
 */
final class SqliteDevSession implements DevSession {

    private final SqliteDevDatabase database;
    private final SqliteCopy copy;
    private final List<Connection> others = new ArrayList<>();
    private boolean closed;

    SqliteDevSession(SqliteDevDatabase database, SqliteCopy copy) {
        this.database = database;
        this.copy = copy;
    }

    @Override
    public Connection connection() {
        return copy.connection();
    }

    @Override
    public boolean concurrentWriters() {
        return false;
    }

    @Override
    public synchronized Connection newConnection() throws SQLException {
        if (closed) {
            throw new SQLException("session is closed");
        }
        Connection c = database.connectSession(copy.url());
        // Tracked so that close() ends the copy even when a caller forgets one.
        others.add(c);
        return c;
    }

    @Override
    public String url() {
        return copy.url().raw();
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
        toClose.forEach(SqliteDevDatabase::closeQuietly);
        try {
            copy.discard();
        } finally {
            database.forget(this);
        }
    }
}
