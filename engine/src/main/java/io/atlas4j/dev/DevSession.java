package io.atlas4j.dev;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One isolated copy of a prepared state, used by one test case (or one group of parallel cases).
 * Closing it discards whatever the case did.
 */
public interface DevSession extends AutoCloseable {

    /**
     * The session's main connection. It behaves as auto-commit for the case (each statement's effects
     * are visible to the next), but a dialect may run the whole case inside a transaction it rolls back
     * at close: callers must not commit, roll back or change auto-commit themselves.
     */
    Connection connection();

    /**
     * Another connection to the same isolated database, for parallel cases that share the copy.
     * The caller closes it.
     */
    Connection newConnection() throws SQLException;

    /**
     * Whether connections from {@link #newConnection()} may write at the same time. SQLite's shared
     * in-memory databases fail a concurrent writer at once ("database table is locked") instead of
     * waiting, so its sessions say no and parallel cases on them take turns (still sharing one copy).
     */
    default boolean concurrentWriters() {
        return true;
    }

    /**
     * A concrete URL of this session's database in Atlas's form ({@code postgres://...},
     * {@code mysql://...}, {@code sqlite://...}), with credentials, for external programs
     * ({@code self.dev_url}). Never shown in messages without {@link io.atlas4j.url.Redaction}.
     */
    String url();

    /** Discards the session's database and closes its connections. */
    @Override
    void close();
}
