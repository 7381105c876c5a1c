package io.atlas4j.dialect.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The long-lived connection of a {@link Slot} through which transaction-isolated sessions use the
 * state it holds, one session at a time: auto-commit off, so a session's work is one transaction,
 * rolled back when it ends; the slot then holds the untouched state again.
 *
 * <p>InnoDB rolls back only the failing statement for most errors (duplicate key, foreign key, CHECK,
 * syntax, unknown table), so a {@code catch} step leaves the case's earlier work in place, as in
 * auto-commit. A deadlock rolls back the whole transaction, but a session has one connection and its
 * own schema, so only a program Atlas4J does not know could cause one.
 *
 * <p>Ending a session undoes what ROLLBACK does not: AUTO_INCREMENT counters (see {@link StateProfile}).
 * Not thread-safe: the slot's lease hands it to one session at a time.
 */
final class TransactionConnection implements AutoCloseable {

    /**
     * After this long between sessions, {@link #begin} checks that the connection still works (a server
     * restarted while it was idle); back-to-back sessions skip the round trip.
     */
    private static final long IDLE_CHECK_NANOS = 1_000_000_000L;

    private final Connection connection;
    private long idleSince = System.nanoTime();

    private TransactionConnection(Connection connection) {
        this.connection = connection;
    }

    /** Opens it on the slot's URL. */
    static TransactionConnection open(MysqlDevDatabase database, MysqlUrl url) throws SQLException {
        Connection c = database.connect(url);
        try {
            StateProfile.statsUncached(c);
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new TransactionConnection(c);
    }

    /** Whether it can serve the next session; false when it broke while idle. */
    boolean usable() {
        try {
            return !connection.isClosed()
                    && (System.nanoTime() - idleSince <= IDLE_CHECK_NANOS || connection.isValid(5));
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Ends a session: rolls its transaction back and puts moved AUTO_INCREMENT counters back.
     *
     * @param slot the slot's schema (null in server scope)
     * @param checkCounters whether the session may have moved a counter
     * @throws SQLException when the connection is unusable or a counter cannot be put back; the caller
     *     must then re-create the slot
     */
    void end(StateProfile profile, String slot, boolean checkCounters) throws SQLException {
        if (connection.isClosed()) {
            throw new SQLException("the session's connection was closed");
        }
        connection.rollback();
        if (checkCounters) {
            var restores = profile.restores(connection, slot);
            if (!restores.isEmpty()) {
                try (Statement st = connection.createStatement()) {
                    for (String sql : restores) {
                        st.execute(sql);
                    }
                }
            }
            // Ends the read of information_schema (and the ALTERs committed already).
            connection.rollback();
        }
        idleSince = System.nanoTime();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The server ends the session with the socket; it holds no uncommitted work worth keeping.
        }
    }
}
