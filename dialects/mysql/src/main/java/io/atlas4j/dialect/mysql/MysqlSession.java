package io.atlas4j.dialect.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A session on one {@link Slot}. Its connections are new ones, so session variables, temporary tables
 * and user variables of an earlier session cannot reach it; closing it closes every connection it
 * handed out (a forgotten one would hold metadata locks and stall the schema's drop) and clears the slot.
 */
final class MysqlSession implements OpenSession {

    private final MysqlDevDatabase database;
    private final Slot slot;
    private final MysqlUrl url;
    private final Connection connection;
    private final List<Connection> others = new ArrayList<>();
    /** What the case may have changed, which its end must look for. */
    private final CaseReach reach;
    private boolean closed;

    MysqlSession(MysqlDevDatabase database, Slot slot, MysqlUrl url, Connection connection, CaseReach reach) {
        this.reach = reach;
        this.database = database;
        this.slot = slot;
        this.url = url;
        this.connection = connection;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Connection newConnection() throws SQLException {
        Connection c = database.connect(url);
        synchronized (this) {
            if (closed) {
                c.close();
                throw new SQLException("dev session on " + slot.describe() + " is closed");
            }
            others.add(c);
        }
        return c;
    }

    @Override
    public String url() {
        return url.url().raw();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeConnections();
        database.discard(this, slot, reach);
    }

    /** Closes every connection of the session (also used when the whole dev database closes). */
    @Override
    public void closeConnections() {
        List<Connection> all;
        synchronized (this) {
            all = new ArrayList<>(others);
            others.clear();
        }
        all.add(connection);
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                // The server drops the session with the socket; nothing of it is left to clean.
            }
        }
    }
}
