package io.atlas4j.dialect.postgres;

import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * A database holding a prepared state, and the one connection through which transaction-isolated
 * sessions use it, one session at a time: each session's work is a transaction rolled back when it
 * ends, so the database keeps the prepared state for the next one.
 *
 * <p>The connection runs with PgJDBC's {@code autosave=always}: a savepoint before each statement,
 * rolled back when the statement fails, so a failing statement (a {@code catch} step) leaves the
 * transaction usable, as a failing statement in auto-commit does; {@code cleanupSavepoints} releases
 * it after a success, so a long case does not nest hundreds of subtransactions.
 *
 * <p>Ending a session undoes, in one round trip with the ROLLBACK, what ROLLBACK does not: sequence
 * values (put back from a {@link SequenceSnapshot} by a statement prepared once per connection, so it
 * is not planned again each time), session advisory locks, {@code currval}, and prepared statements
 * the case left (found in the same round trip, deallocated in a second one). Custom settings a case
 * defined stay defined (as empty) whatever one resets; such sessions end with a fresh connection.
 *
 * <p>Not thread-safe: its owner hands it to one session at a time.
 */
final class TransactionBase implements AutoCloseable {

    /** The prepared statement that puts sequences back; not a name a test would pick. */
    private static final String RESTORE = "atlas4j_restore_sequences";

    /**
     * After ROLLBACK, what can outlive a transaction on the connection. Cursors, LISTEN, settings and
     * roles are transactional already; resetting them again costs nothing in the same round trip.
     */
    private static final String RESET_SESSION = "CLOSE ALL; UNLISTEN *; SELECT pg_advisory_unlock_all();"
            + " DISCARD SEQUENCES; SET SESSION AUTHORIZATION DEFAULT; RESET ALL";

    /** The statements the case prepared with PREPARE and left, as the DEALLOCATE that removes them. */
    private static final String LEFTOVER_PREPARED = "SELECT string_agg(format('DEALLOCATE %I', name), '; ')"
            + " FROM pg_prepared_statements WHERE from_sql AND name <> '" + RESTORE + "'";

    /**
     * In auto-commit, a deferred constraint is checked when each statement commits. Checking deferred
     * constraints at the end of each statement keeps that behaviour inside the case's transaction (it
     * also covers constraints the case creates later).
     */
    private static final String IMMEDIATE = "SET CONSTRAINTS ALL IMMEDIATE";

    private static final String HAS_DEFERRABLE = "SELECT EXISTS (SELECT FROM pg_constraint WHERE condeferrable)"
            + " OR EXISTS (SELECT FROM pg_trigger WHERE tgdeferrable)";

    /**
     * After this long between sessions, {@link #begin} checks (one round trip) that the connection still
     * works, and replaces it if not: a server restarted, or a backend terminated, while the base was idle.
     * Back-to-back sessions skip the check; the previous session's end proved the connection alive a
     * moment ago.
     */
    static final long IDLE_CHECK_NANOS = 1_000_000_000L;

    private final PostgresDevDatabase database;
    private final DatabaseUrl url;
    private final String ownedDatabase;
    private final String schema;
    private Connection connection;
    /** The restore query, or null when the state has no sequences. */
    private String restoreQuery;
    /** Whether the state holds deferrable constraints. */
    private boolean deferrable;
    /** Whether {@link #RESTORE} is prepared on the connection. */
    private boolean restorePrepared;
    /** When the last session ended ({@link System#nanoTime()}). */
    private long idleSince = System.nanoTime();

    private TransactionBase(PostgresDevDatabase database, DatabaseUrl url, String ownedDatabase, String schema) {
        this.database = database;
        this.url = url;
        this.ownedDatabase = ownedDatabase;
        this.schema = schema;
    }

    /**
     * Connects to {@code url}, whose database holds the prepared state untouched, and takes its
     * sequence snapshot.
     *
     * @param ownedDatabase the database's name when this base owns it (a clone to drop), else null
     * @param schema the only schema holding the state, when the database's other schemas are not
     *     Atlas4J's (the dev database in schema scope), else null
     */
    static TransactionBase open(PostgresDevDatabase database, DatabaseUrl url, String ownedDatabase, String schema)
            throws SQLException {
        TransactionBase base = new TransactionBase(database, url, ownedDatabase, schema);
        try {
            base.snapshot();
        } catch (SQLException | RuntimeException e) {
            base.close();
            throw e;
        }
        return base;
    }

    /** The database's URL, with the dev URL's credentials and settings. */
    DatabaseUrl url() {
        return url;
    }

    /** The name of the database this base owns, or null when it works in the dev database itself. */
    String ownedDatabase() {
        return ownedDatabase;
    }

    /** Takes the sequence snapshot (again): the prepared state was (re)built and is untouched. */
    void snapshot() throws SQLException {
        if (connection == null) {
            connect();
        }
        connection.setAutoCommit(true);
        try {
            restoreQuery = SequenceSnapshot.take(connection, schema).restoreQuery();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(HAS_DEFERRABLE)) {
                rs.next();
                deferrable = rs.getBoolean(1);
            }
            if (restorePrepared) {
                execute("DEALLOCATE " + RESTORE);
                restorePrepared = false;
            }
            prepareRestore();
        } finally {
            connection.setAutoCommit(false);
        }
    }

    /** Starts a session: the connection, ready for its first statement. */
    Connection begin(TransactionFit.Traits traits) throws SQLException {
        if (connection != null && (connection.isClosed()
                || System.nanoTime() - idleSince > IDLE_CHECK_NANOS && !connection.isValid(5))) {
            // The transaction state and prepared statements died with the backend; the data did not.
            close();
        }
        if (connection == null) {
            connect();
            connection.setAutoCommit(true);
            try {
                prepareRestore();
            } finally {
                connection.setAutoCommit(false);
            }
        }
        if (deferrable || traits.defersConstraints()) {
            execute(IMMEDIATE);
        }
        return connection;
    }

    /**
     * Ends a session: rolls its transaction back, puts sequences back and resets the session.
     *
     * @throws SQLException when the connection is unusable or the reset failed; the caller must then
     *     discard the database, whose sequences may have moved
     */
    void end(TransactionFit.Traits traits) throws SQLException {
        if (connection == null || connection.isClosed()) {
            throw new SQLException("the session's connection was closed");
        }
        StringBuilder batch = new StringBuilder("ROLLBACK; ").append(RESET_SESSION);
        if (traits.deallocates() && restoreQuery != null) {
            // The case may have removed the restore statement: start over with it.
            batch.append("; DEALLOCATE ALL; PREPARE ").append(RESTORE).append(" AS ").append(restoreQuery);
        }
        if (restoreQuery != null) {
            batch.append("; EXECUTE ").append(RESTORE);
        }
        batch.append("; ").append(LEFTOVER_PREPARED);
        PGConnection pg = connection.unwrap(PGConnection.class);
        // The batch ends the transaction itself; an automatic savepoint around it would outlive it.
        pg.setAutosave(AutoSave.NEVER);
        String leftover;
        try {
            leftover = execute(batch.toString());
        } finally {
            pg.setAutosave(AutoSave.ALWAYS);
        }
        if (leftover != null) {
            connection.setAutoCommit(true);
            try {
                execute(leftover);
            } finally {
                connection.setAutoCommit(false);
            }
        }
        if (traits.freshConnection()) {
            close();
        }
        idleSince = System.nanoTime();
    }

    private void connect() throws SQLException {
        connection = database.connectForTransactions(url);
        connection.setAutoCommit(false);
        restorePrepared = false;
    }

    /** Prepares the restore statement on the connection (in auto-commit). */
    private void prepareRestore() throws SQLException {
        if (restoreQuery != null) {
            execute("PREPARE " + RESTORE + " AS " + restoreQuery);
            restorePrepared = true;
        }
    }

    /** Runs {@code sql}, draining every result; the first column of the last row set, if any. */
    private String execute(String sql) throws SQLException {
        String last = null;
        try (Statement s = connection.createStatement()) {
            boolean result = s.execute(sql);
            while (result || s.getUpdateCount() != -1) {
                if (result) {
                    try (ResultSet rs = s.getResultSet()) {
                        last = rs.next() ? rs.getString(1) : null;
                    }
                }
                result = s.getMoreResults();
            }
        }
        return last;
    }

    /** Closes the connection (the caller drops an owned database). */
    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        restorePrepared = false;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The server ends the backend with the socket; nothing else holds it.
            }
        }
    }
}
