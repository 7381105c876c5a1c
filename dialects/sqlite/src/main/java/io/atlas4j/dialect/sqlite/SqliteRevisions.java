package io.atlas4j.dialect.sqlite;

import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The revisions table of SQLite, always in {@code main}, and a lock kept as a row of a small lock table:
 * SQLite has no named session locks, and a row is visible to every process opening the same file.
 *
 * <p>The lock table is dropped again when its last lock is released, so a database is left as it was
 * found. A row records its holder's process id and start time: a process killed while holding the lock
 * leaves its row behind, and the next applier removes it once it sees that process is gone.
 */
final class SqliteRevisions implements RevisionSupport {

    /** Holds one row per lock taken. */
    static final String LOCK_TABLE = "atlas_migrate_lock";

    private static final long POLL_MILLIS = 50;

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS \"" + TABLE + "\" ("
            + "\"version\" text NOT NULL, \"description\" text NOT NULL, \"type\" integer NOT NULL DEFAULT 2,"
            + " \"applied\" integer NOT NULL DEFAULT 0, \"total\" integer NOT NULL DEFAULT 0,"
            + " \"executed_at\" datetime NOT NULL, \"execution_time\" integer NOT NULL, \"error\" text NULL,"
            + " \"error_stmt\" text NULL, \"hash\" text NOT NULL, \"partial_hashes\" json NULL,"
            + " \"operator_version\" text NOT NULL, PRIMARY KEY (\"version\"))";

    @Override
    public Location locate(Connection connection, DatabaseUrl url, String revisionsSchema) {
        if (revisionsSchema != null && !revisionsSchema.equals("main")) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot store revisions-table in a separate schema (\""
                    + revisionsSchema + "\") with SQLite driver", "drop --revisions-schema for SQLite", null);
        }
        return new Location("main", "\"" + TABLE + "\"");
    }

    @Override
    public boolean exists(Connection connection, Location location) throws SQLException {
        return tableExists(connection, TABLE);
    }

    @Override
    public void create(Connection connection, Location location) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(CREATE);
        }
    }

    @Override
    public Optional<String> dirtyReason(Connection connection, DatabaseUrl url, Location location) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN (?, ?) ORDER BY name")) {
            ps.setString(1, TABLE);
            ps.setString(2, LOCK_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of("found table \"" + rs.getString(1) + "\"") : Optional.empty();
            }
        }
    }

    @Override
    public boolean tryLock(Connection connection, String name, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessHandle self = ProcessHandle.current();
        while (true) {
            try {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS \"" + LOCK_TABLE + "\" (name text PRIMARY KEY,"
                            + " acquired_at text, pid integer, started text)");
                }
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO \"" + LOCK_TABLE
                        + "\" (name, acquired_at, pid, started) VALUES (?, datetime('now'), ?, ?)")) {
                    ps.setString(1, name);
                    ps.setLong(2, self.pid());
                    ps.setString(3, startOf(self));
                    ps.executeUpdate();
                }
                return true;
            } catch (SQLException e) {
                // Held (a primary-key conflict), being dropped by its last holder, or the file is busy: wait,
                // unless the holder is a process of this machine that is gone.
                if (releaseIfStale(connection, name)) {
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Deletes a lock row whose holder process no longer runs (or whose pid now names another process): a
     * killed applier must not block the next one forever. The database file is local, so its holders are
     * processes of this machine.
     */
    private static boolean releaseIfStale(Connection connection, String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pid, started FROM \"" + LOCK_TABLE
                + "\" WHERE name = ?")) {
            ps.setString(1, name);
            long pid;
            String started;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null) {
                    return false;
                }
                pid = rs.getLong(1);
                started = rs.getString(2);
            }
            Optional<ProcessHandle> holder = ProcessHandle.of(pid);
            if (holder.isPresent() && (started == null || started.isEmpty() || started.equals(startOf(holder.get())))) {
                return false;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM \"" + LOCK_TABLE
                    + "\" WHERE name = ? AND pid = ?")) {
                delete.setString(1, name);
                delete.setLong(2, pid);
                return delete.executeUpdate() > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("");
    }

    @Override
    public void unlock(Connection connection, String name) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM \"" + LOCK_TABLE + "\" WHERE name = ?");
             Statement s = connection.createStatement()) {
            delete.setString(1, name);
            delete.executeUpdate();
            // Within the write transaction the DELETE opened, no other applier can insert meanwhile.
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + LOCK_TABLE + "\"")) {
                if (rs.next() && rs.getLong(1) == 0) {
                    s.execute("DROP TABLE \"" + LOCK_TABLE + "\"");
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
