package io.atlas4j.dialect.mysql;

/**
 * One place a session can live in: a schema (schema scope) or the whole server (server scope), and
 * what it holds right now. Guarded by its {@link MysqlDevDatabase}'s lock.
 */
final class Slot {

    /** The schema, or null for the whole server. */
    final String schema;

    /** The state it holds untouched, or null for empty; meaningless while {@link #dirty}. */
    MysqlWorkspace holds;

    /** Something may have changed it since it was last cleared or built: clear before reuse. */
    boolean dirty;

    /** Taken by a session, a build or a clean-up. */
    boolean leased;

    /**
     * The connection of transaction-isolated sessions on the state it holds, kept between them; null
     * when none is open. Closed whenever the slot is cleared or rebuilt.
     */
    TransactionConnection transaction;

    /**
     * The connection that restores the slot after a session ({@link SchemaCopy#restore}), opened with
     * {@code allowMultiQueries} and kept between sessions; it runs only Atlas4J's own statements, so no
     * state's session settings reach it. Null until the first restore.
     */
    java.sql.Connection restorer;

    /**
     * A fresh connection to the slot's schema, being opened for its next recreate session while the slot
     * is restored (a MySQL connection costs a few milliseconds: handshake, authentication, settings);
     * null when none is on its way. Never used by anybody before that session.
     */
    java.util.concurrent.CompletableFuture<java.sql.Connection> spare;

    /** The thread that took it, to refuse a second server-scope session on the same thread instead of hanging. */
    Thread owner;

    Slot(String schema, boolean dirty) {
        this.schema = schema;
        this.dirty = dirty;
    }

    /** Whether it holds exactly {@code state}, untouched. */
    boolean holdsExactly(MysqlWorkspace state) {
        return !dirty && (holds == state || holds == null && state.isEmpty());
    }

    /** Whether taking it would throw away a state another open workspace may still lease. */
    boolean holdsLiveState() {
        return !dirty && holds != null && !holds.isClosed();
    }

    /** Closes the connection of transaction-isolated sessions, if one is open. */
    void closeTransaction() {
        if (transaction != null) {
            transaction.close();
            transaction = null;
        }
    }

    /** Closes the restoring connection, if one is open. */
    void closeRestorer() {
        if (restorer != null) {
            try {
                restorer.close();
            } catch (java.sql.SQLException e) {
                // The server ends the session with the socket.
            }
            restorer = null;
        }
    }

    /** Takes the spare connection, or null when there is none or it could not be opened. */
    java.sql.Connection takeSpare() {
        java.util.concurrent.CompletableFuture<java.sql.Connection> pending = spare;
        spare = null;
        if (pending == null) {
            return null;
        }
        try {
            return pending.join();
        } catch (RuntimeException e) {
            // The session connects itself, and reports what is wrong if that fails too.
            return null;
        }
    }

    /** Closes the spare connection once it is open (the slot's schema is about to be dropped or rebuilt). */
    void closeSpare() {
        if (spare != null) {
            spare.thenAccept(c -> {
                try {
                    c.close();
                } catch (java.sql.SQLException e) {
                    // The server ends the session with the socket.
                }
            });
            spare = null;
        }
    }

    /** The schema for messages. */
    String describe() {
        return schema == null ? "the server" : "schema \"" + schema + "\"";
    }
}
