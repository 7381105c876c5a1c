package io.atlas4j.dialect.sqlite;

import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One copy of a prepared state, made with the backup API: a shared-cache memory database with a name
 * unique in the process, or a temporary file. A memory copy lives while one of its connections is open.
 *
 * @param url the copy's URL in Atlas's form
 * @param connection its first connection (auto-commit on)
 * @param file the file, or null for a memory copy
 */
record SqliteCopy(DatabaseUrl url, Connection connection, Path file) {

    /**
     * Starts the transaction a case runs in. {@code DEFERRED}: the copy has no other connection, so there
     * is no lock to take early, and a case that only reads never takes the write lock.
     */
    void begin() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN DEFERRED");
        }
    }

    /**
     * Undoes the case's transaction.
     *
     * @return false when there was no transaction left to undo (a statement ended it, so the copy may
     *     hold committed work) or the rollback failed: the copy must then be discarded
     */
    boolean rollback() {
        try (Statement s = connection.createStatement()) {
            // sqlite-jdbc's getAutoCommit() only reflects its own mode, not a raw BEGIN; ROLLBACK itself
            // fails with "no transaction is active" when the transaction is already gone.
            s.execute("ROLLBACK");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the connection (freeing a memory copy) and deletes a file copy. */
    void discard() {
        if (connection != null) {
            SqliteDevDatabase.closeQuietly(connection);
        }
        if (file == null) {
            return;
        }
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete SQLite session file " + file + suffix, e);
            }
        }
    }
}
