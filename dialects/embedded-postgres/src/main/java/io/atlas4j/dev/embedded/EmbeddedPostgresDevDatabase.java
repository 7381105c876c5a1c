package io.atlas4j.dev.embedded;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.url.DatabaseUrl;

/**
 * A dev database on an embedded server of its own: the PostgreSQL dialect's dev database on the server's
 * {@code postgres://} URL (which does the clean check and the isolation per session), plus the server,
 * stopped when this closes.
 */
final class EmbeddedPostgresDevDatabase implements DevDatabase {

    private final DatabaseUrl url;
    private final EmbeddedServer server;
    private final DatabaseUrl serverUrl;
    private final DevDatabase delegate;

    EmbeddedPostgresDevDatabase(DatabaseUrl url, EmbeddedServer server, DatabaseUrl serverUrl, DevDatabase delegate) {
        this.url = url;
        this.server = server;
        this.serverUrl = serverUrl;
        this.delegate = delegate;
    }

    @Override
    public Dialect dialect() {
        return delegate.dialect();
    }

    /** The {@code embedded://} URL it was opened with. */
    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public Workspace prepare(SchemaState state) {
        return delegate.prepare(state);
    }

    @Override
    public Workspace prepare(SchemaState state, int expectedLeases) {
        return delegate.prepare(state, expectedLeases);
    }

    /** The {@code postgres://} URL of the dev database on the embedded server. */
    DatabaseUrl serverUrl() {
        return serverUrl;
    }

    /** The embedded server. */
    EmbeddedServer server() {
        return server;
    }

    /** Closes the dialect's dev database, then stops the server and deletes its data. */
    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            server.close();
        }
    }

    @Override
    public String toString() {
        return url.masked() + " (" + serverUrl.masked() + ")";
    }
}
