package io.atlas4j.dialect.mysql;

import static org.junit.jupiter.api.Assertions.fail;

import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers the integration tests run against, read from the environment ({@code .ci/start-mariadb.sh}
 * prints the variables). Without one a test is skipped with the reason, unless
 * {@code ATLAS4J_REQUIRE_BACKENDS} is set, as in CI, where a missing server fails it.
 */
final class TestServer {

    static final String MYSQL_ENV = "ATLAS4J_TEST_MYSQL_URL";
    static final String MARIADB_ENV = "ATLAS4J_TEST_MARIADB_URL";
    static final String SERVER_ENV = "ATLAS4J_TEST_MYSQL_SERVER_URL";

    private TestServer() {
    }

    /** The schema-bound URL of a server the tests may create and drop schemas on. */
    static DatabaseUrl mysql() {
        return DatabaseUrl.parse(required(MYSQL_ENV, "a MySQL/MariaDB server, e.g. mysql://root:pass@localhost:3306/dev"));
    }

    /** The same kind of server through MariaDB Connector/J: {@value #MARIADB_ENV}, else the MySQL URL as maria://. */
    static DatabaseUrl mariadb() {
        String maria = System.getenv(MARIADB_ENV);
        if (maria != null && !maria.isBlank()) {
            return DatabaseUrl.parse(maria);
        }
        DatabaseUrl m = mysql();
        return DatabaseUrl.rebuild("maria", m.user(), m.password(), m.host(), m.port(), m.path(), m.query());
    }

    /** The URL of the first scheme used by parameterized tests: {@code mysql} or {@code maria}. */
    static DatabaseUrl forScheme(String scheme) {
        return scheme.equals("mysql") ? mysql() : mariadb();
    }

    /**
     * A server without user schemas that tests may wipe (server scope); its own variable because a
     * shared server always holds the schema of {@value #MYSQL_ENV}.
     */
    static DatabaseUrl wipeableServer() {
        return DatabaseUrl.parse(required(SERVER_ENV, "a MySQL/MariaDB server without user schemas, e.g. mysql://root:pass@localhost:3307"));
    }

    private static String required(String env, String what) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            String reason = env + " is not set: it names " + what + " (.ci/start-mariadb.sh starts one and prints it)";
            String require = System.getenv("ATLAS4J_REQUIRE_BACKENDS");
            if (require != null && !require.isEmpty()) {
                fail(reason + "; ATLAS4J_REQUIRE_BACKENDS is set, so this is a failure");
            }
            Assumptions.abort(reason);
        }
        return value;
    }

    /** {@code url} bound to another schema (null: server scope). */
    static DatabaseUrl withSchema(DatabaseUrl url, String schema) {
        return DatabaseUrl.rebuild(url.scheme(), url.user(), url.password(), url.host(), url.port(),
                schema == null ? "" : schema, url.query());
    }

    /** A server-level connection for setting up and checking. */
    static Connection admin(DatabaseUrl url) throws SQLException {
        return new MysqlDialect().connect(withSchema(url, null));
    }

    static void exec(DatabaseUrl url, String... sql) throws SQLException {
        try (Connection c = admin(url); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** User schemas whose names start with {@code prefix}. */
    static List<String> schemas(DatabaseUrl url, String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = admin(url);
             PreparedStatement ps = c.prepareStatement("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                     + " WHERE SCHEMA_NAME LIKE ? ORDER BY SCHEMA_NAME")) {
            ps.setString(1, prefix.replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Names and kinds of everything in a schema's TABLES, ROUTINES and EVENTS. */
    static List<String> objects(DatabaseUrl url, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> q : Map.of(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", "table",
                "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", "routine",
                "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", "event").entrySet()) {
            try (Connection c = admin(url); PreparedStatement ps = c.prepareStatement(q.getKey())) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(q.getValue() + " " + rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    static boolean isMariadb(DatabaseUrl url) throws SQLException {
        try (Connection c = admin(url)) {
            return c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        }
    }
}
