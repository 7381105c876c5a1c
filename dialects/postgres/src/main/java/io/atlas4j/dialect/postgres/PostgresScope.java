package io.atlas4j.dialect.postgres;

import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a dev URL is bound to, read once when the dev database opens.
 *
 * @param schema the connected schema (schema scope, {@code ?search_path=s}), or null (database scope)
 * @param kept the schema that belongs to a clean dev database and that a reset puts back as it was:
 *     the connected schema, or {@code public}
 */
record PostgresScope(String schema, Kept kept) {

    /**
     * A schema as it was when the dev database opened.
     *
     * @param name its name
     * @param existed whether it existed
     * @param owner its owner, quoted, or null
     * @param grants its privileges for roles other than the owner, as {@code GRANT} statements
     */
    record Kept(String name, boolean existed, String owner, List<String> grants) {

        Kept {
            grants = List.copyOf(grants);
        }

        /** Creates the schema again, with its owner and privileges where the user may set them. */
        void recreate(Statement statement) throws SQLException {
            if (!existed) {
                return;
            }
            statement.execute("CREATE SCHEMA " + quote(name));
            List<String> restore = new ArrayList<>();
            if (owner != null) {
                restore.add("ALTER SCHEMA " + quote(name) + " OWNER TO " + owner);
            }
            restore.addAll(grants);
            for (String sql : restore) {
                try {
                    statement.execute(sql);
                } catch (SQLException ignored) {
                    // Best effort: a user who may not hand the schema to its old owner (or re-grant) still
                    // gets a working, empty schema of their own.
                }
            }
        }
    }

    /** Reads the scope of {@code url} on its database. */
    static PostgresScope read(Connection connection, DatabaseUrl url) throws SQLException {
        String schema = null;
        String searchPath = url.param("search_path").orElse("");
        if (!searchPath.isBlank()) {
            schema = firstSchema(searchPath, query(connection, "SELECT current_user"));
        }
        return new PostgresScope(schema, kept(connection, schema != null ? schema : "public"));
    }

    boolean databaseScope() {
        return schema == null;
    }

    /**
     * The first schema named by a {@code search_path} value, as the server resolves names: unquoted
     * names fold to lower case, {@code "$user"} is the current user.
     */
    static String firstSchema(String searchPath, String currentUser) {
        String s = searchPath.strip();
        if (s.startsWith("\"")) {
            StringBuilder name = new StringBuilder();
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        name.append('"');
                        i++;
                        continue;
                    }
                    break;
                }
                name.append(c);
            }
            return name.toString().equals("$user") ? currentUser : name.toString();
        }
        int comma = s.indexOf(',');
        String first = (comma >= 0 ? s.substring(0, comma) : s).strip();
        return first.equals("$user") ? currentUser : first.toLowerCase(Locale.ROOT);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Kept kept(Connection connection, String name) throws SQLException {
        String owner = null;
        boolean existed = false;
        try (PreparedStatement ps = connection.prepareStatement("SELECT quote_ident(pg_get_userbyid(nspowner)),"
                + " pg_get_userbyid(nspowner) = current_user FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existed = true;
                    owner = rs.getBoolean(2) ? null : rs.getString(1);
                }
            }
        }
        List<String> grants = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.privilege_type,"
                + " CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END, a.is_grantable"
                + " FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a"
                + " LEFT JOIN pg_roles r ON r.oid = a.grantee"
                + " WHERE n.nspname = ? AND a.grantee <> n.nspowner ORDER BY 2, 1")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add("GRANT " + rs.getString(1) + " ON SCHEMA " + quote(name) + " TO " + rs.getString(2)
                            + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
                }
            }
        }
        return new Kept(name, existed, owner, grants);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
