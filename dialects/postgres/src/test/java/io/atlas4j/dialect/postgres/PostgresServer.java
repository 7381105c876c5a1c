package io.atlas4j.dialect.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server integration tests run against: {@code ATLAS4J_TEST_POSTGRES_URL} (e.g.
 * {@code postgres://postgres:pass@localhost:5432/dev?sslmode=disable}, as {@code .ci/start-postgres.sh}
 * prints). Without it the tests are skipped with that reason, unless {@code ATLAS4J_REQUIRE_BACKENDS}
 * is set, as in CI: then they fail.
 */
final class PostgresServer {

    static final String URL_VARIABLE = "ATLAS4J_TEST_POSTGRES_URL";

    private PostgresServer() {
    }

    /** The server's dev URL, or a skip (a failure in CI) when none is configured. */
    static DatabaseUrl devUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String reason = URL_VARIABLE + " is not set; start a server with .ci/start-postgres.sh and export the URL it prints";
            String required = System.getenv("ATLAS4J_REQUIRE_BACKENDS");
            if (required != null && !required.isEmpty()) {
                fail("ATLAS4J_REQUIRE_BACKENDS is set but " + reason);
            }
            Assumptions.abort(reason);
        }
        return DatabaseUrl.parse(url);
    }

    /** The dev URL pointing at another database of the same server. */
    static DatabaseUrl onDatabase(DatabaseUrl devUrl, String database) {
        return DatabaseUrl.parse(PostgresDevDatabase.withDatabase(devUrl.raw(), database));
    }

    /** A connection to the dev URL's database as its (administrator) user. */
    static Connection admin(DatabaseUrl url) throws SQLException {
        return new PostgresDialect().connect(url);
    }

    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getString(1);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        return Long.parseLong(queryString(c, sql));
    }

    static List<String> queryList(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
