package io.atlas4j.dialect.mysql;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a dev URL lets Atlas4J own: one schema (a URL with a path) or the whole server (no path).
 *
 * <p>The scope answers the questions that differ between the two: whether the database is clean, how
 * a session's place is emptied, and which places sessions can use side by side.
 */
sealed interface DevScope {

    /** Schemas that belong to the server, never to a user; Atlas's MySQL inspection skips the same. */
    List<String> SYSTEM_SCHEMAS = List.of("information_schema", "mysql", "performance_schema", "sys");

    /** Why the database is not clean, in Atlas's words ({@code found table "t" in schema "dev"}); empty when clean. */
    Optional<String> dirt(Connection c) throws SQLException;

    /** Removes everything from a session's place: afterwards it is as the clean check found it. */
    void clear(Connection c, String slot) throws SQLException;

    /** Makes {@code slot} the connection's default schema before a state is built in it. */
    void use(Connection c, String slot) throws SQLException;

    /** The place of the first session; null for the whole server. */
    String mainSlot();

    /**
     * The place for the {@code n}-th concurrent session (n &ge; 1), or empty when the scope has room
     * for one session only.
     */
    Optional<String> extraSlot(int n);

    /**
     * A URL bound to a schema: sessions each get a schema of their own. The first is the URL's schema,
     * so sequential runs work exactly where the user pointed; parallel ones add
     * {@code atlas4j_<schema>_<n>} schemas with the same character set and collation, dropped on close.
     *
     * @param schema the URL's schema
     * @param charset its default character set, reused for the schemas Atlas4J creates
     * @param collation its default collation
     */
    record SchemaBound(String schema, String charset, String collation) implements DevScope {

        /** MySQL's limit on schema names. */
        private static final int MAX_NAME = 64;

        /**
         * Reads the schema's defaults.
         *
         * @throws Atlas4jException {@code DEV_DATABASE} when the schema does not exist
         */
        static SchemaBound read(Connection c, String schema, String maskedUrl) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                    + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                                "schema \"" + schema + "\" of dev database " + maskedUrl + " does not exist",
                                "create it: CREATE DATABASE " + quote(schema), null);
                    }
                    return new SchemaBound(schema, rs.getString(1), rs.getString(2));
                }
            }
        }

        @Override
        public Optional<String> dirt(Connection c) throws SQLException {
            // Tables first, as Atlas checks only them. The schema is dropped and re-created, so views,
            // sequences, routines and events would be lost too: they make it dirty as well.
            List<String[]> objects = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        objects.add(new String[] {rs.getString(1), kindOfTable(rs.getString(2))});
                    }
                }
            }
            for (String kind : List.of("table", "view", "sequence")) {
                for (String[] o : objects) {
                    if (o[1].equals(kind)) {
                        return Optional.of(found(kind, o[0]));
                    }
                }
            }
            Optional<String> routine = first(c, "SELECT ROUTINE_NAME, LOWER(ROUTINE_TYPE) FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME");
            if (routine.isPresent()) {
                return routine;
            }
            return first(c, "SELECT EVENT_NAME, 'event' FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME");
        }

        @Override
        public void clear(Connection c, String slot) throws SQLException {
            withoutForeignKeyChecks(c, st -> {
                // Dropping the schema is one statement whatever it holds (tables, views, routines,
                // events, sequences, triggers), and resets every AUTO_INCREMENT counter with it.
                st.execute("DROP DATABASE IF EXISTS " + quote(slot));
                st.execute("CREATE DATABASE " + quote(slot) + " CHARACTER SET " + charset + " COLLATE " + collation);
            });
        }

        @Override
        public void use(Connection c, String slot) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("USE " + quote(slot));
            }
        }

        @Override
        public String mainSlot() {
            return schema;
        }

        @Override
        public Optional<String> extraSlot(int n) {
            String suffix = "_" + n;
            String base = "atlas4j_" + schema;
            if (base.length() + suffix.length() > MAX_NAME) {
                base = base.substring(0, MAX_NAME - suffix.length());
            }
            return Optional.of(base + suffix);
        }

        private String found(String kind, String name) {
            return "found " + kind + " \"" + name + "\" in schema \"" + schema + "\"";
        }

        private Optional<String> first(Connection c, String sql) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(found(rs.getString(2), rs.getString(1))) : Optional.empty();
                }
            }
        }

        private static String kindOfTable(String tableType) {
            switch (tableType) {
                case "VIEW":
                case "SYSTEM VIEW":
                    return "view";
                case "SEQUENCE":
                    return "sequence";
                default:
                    // BASE TABLE, and MariaDB's SYSTEM VERSIONED tables.
                    return "table";
            }
        }
    }

    /**
     * A URL without a schema: the state names its schemas itself, so sessions cannot be told apart by
     * schema and the server holds one session at a time. Clean means no user schemas, and clearing
     * drops every user schema.
     */
    record ServerWide() implements DevScope {

        @Override
        public Optional<String> dirt(Connection c) throws SQLException {
            List<String> schemas = userSchemas(c);
            return schemas.isEmpty() ? Optional.empty() : Optional.of("found schema \"" + schemas.get(0) + "\"");
        }

        @Override
        public void clear(Connection c, String slot) throws SQLException {
            List<String> schemas = userSchemas(c);
            withoutForeignKeyChecks(c, st -> {
                for (String s : schemas) {
                    st.execute("DROP DATABASE IF EXISTS " + quote(s));
                }
            });
        }

        @Override
        public void use(Connection c, String slot) {
            // No default schema: the state's statements qualify their names.
        }

        @Override
        public String mainSlot() {
            return null;
        }

        @Override
        public Optional<String> extraSlot(int n) {
            return Optional.empty();
        }

        private static List<String> userSchemas(Connection c) throws SQLException {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (!SYSTEM_SCHEMAS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        out.add(name);
                    }
                }
            }
            return out;
        }
    }

    /** {@code `name`}, with backticks inside doubled. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** Statements run on a connection's {@link Statement}. */
    @FunctionalInterface
    interface StatementWork {
        void run(Statement st) throws SQLException;
    }

    /**
     * Runs drops with foreign-key checks off, so a foreign key from another schema cannot block them,
     * and restores the session's own setting afterwards (the same connection may build a state next).
     */
    static void withoutForeignKeyChecks(Connection c, StatementWork work) throws SQLException {
        try (Statement st = c.createStatement()) {
            int before;
            try (ResultSet rs = st.executeQuery("SELECT @@SESSION.foreign_key_checks")) {
                rs.next();
                before = rs.getInt(1);
            }
            st.execute("SET SESSION foreign_key_checks = 0");
            try {
                work.run(st);
            } finally {
                st.execute("SET SESSION foreign_key_checks = " + before);
            }
        }
    }
}
