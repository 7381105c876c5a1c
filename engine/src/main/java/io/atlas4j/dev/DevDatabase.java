package io.atlas4j.dev;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.url.DatabaseUrl;

/**
 * An open dev database: a clean database Atlas4J may fill and empty as it likes.
 *
 * <p>Thread-safe: parallel runners prepare and lease concurrently.
 */
public interface DevDatabase extends AutoCloseable {

    /** The dialect of this database. */
    Dialect dialect();

    /** The URL it was opened with (use {@link DatabaseUrl#masked()} in messages). */
    DatabaseUrl url();

    /**
     * Builds {@code state} once and returns a workspace whose sessions each start from it.
     *
     * @throws io.atlas4j.sql.StatementFailedException when a statement of the state fails, naming its
     *     file and line
     */
    Workspace prepare(SchemaState state);

    /**
     * {@link #prepare(SchemaState)}, told how many sessions are expected to lease the workspace (0 when
     * unknown). A dialect may spend more on a state many sessions share, so that each session's end
     * costs less (MySQL captures it at once, to restore a slot instead of re-creating it); the default
     * ignores the hint.
     */
    default Workspace prepare(SchemaState state, int expectedLeases) {
        return prepare(state);
    }

    /** Drops everything Atlas4J created and releases the connection or server. */
    @Override
    void close();
}
