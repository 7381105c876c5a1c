package io.atlas4j.dialect.mysql;

import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The revisions table of MySQL and MariaDB: in the URL's database, or in a database of its own,
 * {@code atlas_schema_revisions}, when the URL spans the server. The lock is {@code GET_LOCK}, which waits
 * on the server with a timeout in seconds.
 *
 * <p>{@code executed_at} is a {@code datetime}, not a {@code timestamp}: a MySQL timestamp column may update
 * itself on every write, and the first write's time must stay.
 */
final class MysqlRevisions implements RevisionSupport {

    // Statements MySQL and MariaDB commit implicitly (the common ones: DDL, account and lock statements).
    private static final Pattern IMPLICIT_COMMIT = Pattern.compile("(?is)^\\s*(?:/\\*.*?\\*/\\s*|--[^\\n]*\\n\\s*|#[^\\n]*\\n\\s*)*"
            + "(?:(?:CREATE|ALTER|DROP)\\s+(?!TEMPORARY\\b)|RENAME\\s|TRUNCATE\\s|GRANT\\s|REVOKE\\s|LOCK\\s+TABLES"
            + "|UNLOCK\\s+TABLES|ANALYZE\\s|OPTIMIZE\\s|REPAIR\\s|INSTALL\\s|UNINSTALL\\s|FLUSH\\s|RESET\\s|LOAD\\s+INDEX"
            + "|CACHE\\s+INDEX|START\\s+TRANSACTION|BEGIN\\b|COMMIT\\b|SET\\s+(?:GLOBAL\\s+|SESSION\\s+)?autocommit)");

    private static final String SYSTEM_SCHEMAS = "('mysql', 'information_schema', 'performance_schema', 'sys')";

    @Override
    public Location locate(Connection connection, DatabaseUrl url, String revisionsSchema) {
        String schema = revisionsSchema;
        if (schema == null) {
            schema = Optional.ofNullable(MysqlUrl.of(url).schema()).orElse(DEFAULT_SCHEMA);
        }
        return new Location(schema, quote(schema) + "." + quote(TABLE));
    }

    @Override
    public boolean exists(Connection connection, Location location) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, location.schema());
            ps.setString(2, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void create(Connection connection, Location location) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + quote(location.schema()));
            s.execute("CREATE TABLE IF NOT EXISTS " + location.qualifiedName() + " ("
                    + "`version` varchar(255) NOT NULL, `description` varchar(255) NOT NULL,"
                    + " `type` bigint unsigned NOT NULL DEFAULT 2, `applied` bigint NOT NULL DEFAULT 0,"
                    + " `total` bigint NOT NULL DEFAULT 0, `executed_at` datetime(6) NOT NULL,"
                    + " `execution_time` bigint NOT NULL, `error` longtext NULL, `error_stmt` longtext NULL,"
                    + " `hash` varchar(255) NOT NULL, `partial_hashes` json NULL,"
                    + " `operator_version` varchar(255) NOT NULL, PRIMARY KEY (`version`))"
                    + " CHARSET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    @Override
    public Optional<String> dirtyReason(Connection connection, DatabaseUrl url, Location location) throws SQLException {
        String schema = MysqlUrl.of(url).schema();
        if (schema != null) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = ? AND NOT (table_schema = ? AND table_name = ?) ORDER BY table_name")) {
                ps.setString(1, schema);
                ps.setString(2, location.schema());
                ps.setString(3, TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of("found table \"" + rs.getString(1) + "\" in schema \"" + schema + "\"")
                            : Optional.empty();
                }
            }
        }
        // Server scope: any user schema but the revisions table's own, while it holds only that table.
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.schema_name FROM information_schema.schemata s"
                + " WHERE s.schema_name NOT IN " + SYSTEM_SCHEMAS + " AND NOT (s.schema_name = ? AND NOT EXISTS ("
                + "SELECT 1 FROM information_schema.tables t WHERE t.table_schema = s.schema_name AND t.table_name <> ?))"
                + " ORDER BY s.schema_name")) {
            ps.setString(1, location.schema());
            ps.setString(2, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of("found schema \"" + rs.getString(1) + "\"") : Optional.empty();
            }
        }
    }

    @Override
    public boolean tryLock(Connection connection, String name, Duration timeout) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            // GET_LOCK waits whole seconds on MariaDB; a fraction is rounded up so the wait is never shorter.
            ps.setLong(2, Math.max(0, (timeout.toMillis() + 999) / 1000));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    @Override
    public void unlock(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }

    @Override
    public boolean commitsImplicitly(String statement) {
        return IMPLICIT_COMMIT.matcher(statement).lookingAt();
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
