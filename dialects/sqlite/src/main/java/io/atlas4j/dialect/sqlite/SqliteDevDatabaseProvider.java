package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Opens SQLite dev databases in process: {@code sqlite://NAME?mode=memory} and {@code sqlite://FILE}
 * (also {@code sqlite3://}).
 *
 * <p>The dev database itself is only checked for cleanliness (Atlas's rule: only {@code main}, no
 * tables) and never written to: prepared states live in in-memory template databases. A session is
 * either a copy of its template made with SQLite's backup API — an in-memory database for a memory URL, a
 * file in a private temporary directory for a file URL, so that external programs can open it — or, for
 * cases whose statements allow it, a transaction rolled back at close on a reused copy (see
 * {@link SqliteWorkspace}). The dev option {@code atlas4j.sqlite.isolation=copy} turns transactions off.
 */
public final class SqliteDevDatabaseProvider implements DevDatabaseProvider {

    /** Atlas's wording when a dev database holds objects (project-config.md §10). */
    static final String NOT_CLEAN = "sql/migrate: connected database is not clean: ";

    private final SqliteDialect dialect = new SqliteDialect();

    @Override
    public boolean supports(DatabaseUrl url) {
        return dialect.urlSchemes().contains(url.scheme());
    }

    @Override
    public DevDatabase open(DatabaseUrl url, DevOptions options) {
        SqliteConnectionSpec spec = SqliteConnectionSpec.of(url);
        SqliteIsolation isolation = SqliteIsolation.of(options);
        Connection connection;
        try {
            connection = spec.open();
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION,
                    "cannot open dev database " + url.masked() + ": " + dialect.errorMessage(e),
                    "check that the file's directory exists and is writable, or use sqlite://dev?mode=memory", e);
        }
        try {
            Optional<String> dirty = dirtyReason(connection);
            if (dirty.isPresent()) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE, NOT_CLEAN + dirty.get(),
                        "use an empty database as dev database (" + url.masked()
                                + " must hold no tables), e.g. sqlite://dev?mode=memory", null);
            }
            return new SqliteDevDatabase(dialect, url, spec, connection, isolation);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot read dev database " + url.masked() + ": " + dialect.errorMessage(e), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Why a SQLite database is not clean, in Atlas's words ({@code found table "t"}), or empty when it
     * holds no tables. SQLite's own tables ({@code sqlite_sequence}, {@code sqlite_stat1}) do not count.
     */
    static Optional<String> dirtyReason(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT 1")) {
            return rs.next() ? Optional.of("found table \"" + rs.getString(1) + "\"") : Optional.empty();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
