package io.atlas4j.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Atlas's cleanliness rules for a PostgreSQL dev database (project-config.md §10), with its reasons.
 *
 * <ul>
 *   <li>Schema scope ({@code ?search_path=s}): the connected schema has no tables —
 *       {@code found table "t" in connected schema}.</li>
 *   <li>Database scope: no schemas, or only {@code public} without tables — {@code found schema "s"}
 *       or {@code found table "t" in schema "public"}.</li>
 * </ul>
 * Only tables count, as in Atlas; schemas are visited in name order, tables too.
 */
final class PostgresCleanCheck {

    /** Atlas's wording when a dev database holds objects. */
    static final String NOT_CLEAN = "sql/migrate: connected database is not clean: ";

    /** User schemas: everything but the catalogs, TOAST and temporary schemas. */
    static final String USER_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

    /** One schema and its tables, in name order. */
    record SchemaTables(String schema, List<String> tables) {

        SchemaTables {
            tables = List.copyOf(tables);
        }
    }

    private PostgresCleanCheck() {
    }

    /** The reason a connected schema holding {@code tables} (in name order) is not clean. */
    static Optional<String> schemaScopeReason(List<String> tables) {
        return tables.isEmpty()
                ? Optional.empty()
                : Optional.of("found table \"" + tables.get(0) + "\" in connected schema");
    }

    /** The reason a database holding {@code schemas} (in name order) is not clean. */
    static Optional<String> databaseScopeReason(List<SchemaTables> schemas) {
        for (SchemaTables s : schemas) {
            if (!s.schema().equals("public")) {
                return Optional.of("found schema \"" + s.schema() + "\"");
            }
            if (!s.tables().isEmpty()) {
                return Optional.of("found table \"" + s.tables().get(0) + "\" in schema \"public\"");
            }
        }
        return Optional.empty();
    }

    /** Checks the database of {@code connection}; {@code schema} is the connected schema, or null for database scope. */
    static Optional<String> reason(Connection connection, String schema) throws SQLException {
        if (schema != null) {
            return schemaScopeReason(tables(connection, schema));
        }
        Map<String, List<String>> bySchema = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_namespace n"
                + " LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')"
                + " WHERE " + USER_SCHEMAS + " ORDER BY n.nspname, c.relname");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> tables = bySchema.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                if (rs.getString(2) != null) {
                    tables.add(rs.getString(2));
                }
            }
        }
        List<SchemaTables> schemas = new ArrayList<>();
        bySchema.forEach((name, tables) -> schemas.add(new SchemaTables(name, tables)));
        return databaseScopeReason(schemas);
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
