package io.atlas4j.dev;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One isolated copy of a prepared state, used by one test case (or one group of parallel cases).
 * Closing it discards whatever the case did.
 */
public interface DevSession extends AutoCloseable {

    /** The session's main connection (auto-commit on). */
    Connection connection();

    /**
     * Another connection to the same isolated database, for parallel cases that share the copy.
     * The caller closes it.
     */
    Connection newConnection() throws SQLException;

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
