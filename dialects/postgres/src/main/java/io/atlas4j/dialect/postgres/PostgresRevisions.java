package io.atlas4j.dialect.postgres;

import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revisions table of PostgreSQL: in the URL's schema ({@code search_path}), or in a schema of its own,
 * {@code atlas_schema_revisions}, when the URL spans the database. The lock is a session advisory lock,
 * polled so that its wait has a timeout without touching the session's {@code lock_timeout}.
 */
final class PostgresRevisions implements RevisionSupport {

    private static final long POLL_MILLIS = 50;

    @Override
    public Location locate(Connection connection, DatabaseUrl url, String revisionsSchema) throws SQLException {
        String schema = revisionsSchema;
        if (schema == null) {
            schema = connectedSchema(connection, url).orElse(DEFAULT_SCHEMA);
        }
        return new Location(schema, PostgresScope.quote(schema) + "." + PostgresScope.quote(TABLE));
    }

    @Override
    public boolean exists(Connection connection, Location location) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
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
            s.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresScope.quote(location.schema()));
            s.execute("CREATE TABLE IF NOT EXISTS " + location.qualifiedName() + " ("
                    + "\"version\" character varying NOT NULL, \"description\" character varying NOT NULL,"
                    + " \"type\" bigint NOT NULL DEFAULT 2, \"applied\" bigint NOT NULL DEFAULT 0,"
                    + " \"total\" bigint NOT NULL DEFAULT 0, \"executed_at\" timestamptz NOT NULL,"
                    + " \"execution_time\" bigint NOT NULL, \"error\" text NULL, \"error_stmt\" text NULL,"
                    + " \"hash\" character varying NOT NULL, \"partial_hashes\" jsonb NULL,"
                    + " \"operator_version\" character varying NOT NULL, PRIMARY KEY (\"version\"))");
        }
    }

    @Override
    public Optional<String> dirtyReason(Connection connection, DatabaseUrl url, Location location) throws SQLException {
        Optional<String> connected = connectedSchema(connection, url);
        Map<String, List<String>> bySchema = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_namespace n"
                + " LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')"
                + " WHERE " + PostgresCleanCheck.USER_SCHEMAS + " ORDER BY n.nspname, c.relname");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> tables = bySchema.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                if (rs.getString(2) != null && !(rs.getString(1).equals(location.schema()) && rs.getString(2).equals(TABLE))) {
                    tables.add(rs.getString(2));
                }
            }
        }
        if (connected.isPresent()) {
            return PostgresCleanCheck.schemaScopeReason(bySchema.getOrDefault(connected.get(), List.of()));
        }
        // The revisions table's own schema does not count when it holds nothing else.
        List<PostgresCleanCheck.SchemaTables> schemas = new ArrayList<>();
        bySchema.forEach((name, tables) -> {
            if (!(name.equals(location.schema()) && tables.isEmpty())) {
                schemas.add(new PostgresCleanCheck.SchemaTables(name, tables));
            }
        });
        return PostgresCleanCheck.databaseScopeReason(schemas);
    }

    @Override
    public boolean tryLock(Connection connection, String name, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            ps.setString(1, name);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    @Override
    public void unlock(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }

    // PgJDBC sends strings as varchar, which jsonb does not take without a cast.
    @Override
    public String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    private static Optional<String> connectedSchema(Connection connection, DatabaseUrl url) throws SQLException {
        String searchPath = url.param("search_path").orElse("");
        if (searchPath.isBlank()) {
            return Optional.empty();
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return Optional.of(PostgresScope.firstSchema(searchPath, rs.getString(1)));
        }
    }
}
