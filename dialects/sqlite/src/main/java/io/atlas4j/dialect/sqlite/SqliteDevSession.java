package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevSession;
import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One copy of a prepared state: a shared-cache memory database with a name unique in the process, or
 * a temporary file. It lives while one of its connections is open; {@link #close()} closes them all.
 */
final class SqliteDevSession implements DevSession {

    private final SqliteDevDatabase database;
    private final DatabaseUrl url;
    private final Connection connection;
    private final Path file;
    private final List<Connection> others = new ArrayList<>();
    private boolean closed;

    SqliteDevSession(SqliteDevDatabase database, DatabaseUrl url, Connection connection, Path file) {
        this.database = database;
        this.url = url;
        this.connection = connection;
        this.file = file;
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
        Connection c = database.dialect().connect(url);
        // Tracked so that close() ends the copy even when a caller forgets one.
        others.add(c);
        return c;
    }

    @Override
    public String url() {
        return url.raw();
    }

    /** The session's file, or null for a memory copy. */
    Path file() {
        return file;
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
        toClose.forEach(SqliteDevDatabase::closeQuietly);
        database.discard(this);
    }
}
