package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import java.sql.Connection;

/**
 * A prepared state held in a named shared-cache memory database (the template); each lease copies it
 * with SQLite's backup API, which takes well under a millisecond for a typical schema.
 */
final class SqliteWorkspace implements Workspace {

    private final SqliteDevDatabase database;
    private final SchemaState state;
    private final Connection template;
    private final String source;
    private volatile boolean closed;

    SqliteWorkspace(SqliteDevDatabase database, SchemaState state, Connection template, String source) {
        this.database = database;
        this.state = state;
        this.template = template;
        this.source = source;
    }

    @Override
    public SchemaState state() {
        return state;
    }

    @Override
    public DevSession lease() {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        return database.lease(this);
    }

    /** The template's SQLite URI file name, for the backup API. */
    String source() {
        return source;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The template is a memory database: closing its only connection frees it.
        SqliteDevDatabase.closeQuietly(template);
        database.forget(this);
    }
}
