package io.atlas4j.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.atlas4j.dialect.Dialects;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Scratch databases on the test server, named {@code clihelper_<pid>_<n>_<tag>} so parallel runs and other
 * suites never share one; every database made here is dropped by {@link #dropAll()}.
 */
final class Scratch {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseUrl server;
    private final List<String> created = new ArrayList<>();

    private Scratch(DatabaseUrl server) {
        this.server = server;
    }

    /** Connects to the server of {@code ATLAS4J_TEST_POSTGRES_URL}, or aborts the test without one. */
    static Scratch open() {
        String url = System.getenv("ATLAS4J_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String require = System.getenv("ATLAS4J_REQUIRE_BACKENDS");
            if (require != null && !require.isEmpty()) {
                fail("ATLAS4J_REQUIRE_BACKENDS is set but ATLAS4J_TEST_POSTGRES_URL is not");
            }
            Assumptions.abort("ATLAS4J_TEST_POSTGRES_URL is not set: skipping the PostgreSQL CLI tests");
        }
        return new Scratch(DatabaseUrl.parse(url));
    }

    /** The server's own URL (with its password, for assertions that it never leaks). */
    DatabaseUrl server() {
        return server;
    }

    /** Creates an empty database and returns its URL bound to schema {@code public}. */
    DatabaseUrl create(String tag) throws SQLException {
        String name = "clihelper_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_" + tag;
        exec(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
        created.add(name);
        return DatabaseUrl.rebuild(server.scheme(), server.user(), server.password(), server.host(), server.port(), name,
                Map.of("sslmode", "disable", "search_path", "public"));
    }

    void dropAll() throws SQLException {
        for (String name : created) {
            exec(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        created.clear();
    }

    static void exec(DatabaseUrl url, String... sql) throws SQLException {
        try (Connection c = Dialects.forUrl(url).connect(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The first column of every row of {@code sql}, as text. */
    static List<String> column(DatabaseUrl url, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Dialects.forUrl(url).connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The tables of schema {@code public}, sorted, without Atlas's revisions table. */
    static List<String> tables(DatabaseUrl url) throws SQLException {
        return column(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'atlas_schema_revisions' ORDER BY 1");
    }

    /** The versions recorded in the revisions table (in {@code public}: the URLs here are bound to it). */
    static List<String> versions(DatabaseUrl url) throws SQLException {
        return column(url, "SELECT version FROM public.atlas_schema_revisions WHERE version ~ '^[0-9]' ORDER BY 1");
    }

    /** The columns of a table of schema {@code public}, in order. */
    static List<String> columns(DatabaseUrl url, String table) throws SQLException {
        return column(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = '" + table + "' ORDER BY ordinal_position");
    }
}
