package io.atlas4j.dialect.postgres;

import static io.atlas4j.dialect.postgres.PostgresServer.admin;
import static io.atlas4j.dialect.postgres.PostgresServer.execute;
import static io.atlas4j.dialect.postgres.PostgresServer.onDatabase;
import static io.atlas4j.dialect.postgres.PostgresServer.queryList;
import static io.atlas4j.dialect.postgres.PostgresServer.queryLong;
import static io.atlas4j.dialect.postgres.PostgresServer.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.StatementFailedException;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The template-clone route against a real server ({@code ATLAS4J_TEST_POSTGRES_URL}). */
class PostgresDevDatabaseIT {

    private static final String OWN_DATABASES = "SELECT datname FROM pg_database WHERE datname LIKE 'atlas4j\\_"
            + ProcessHandle.current().pid() + "\\_%' ORDER BY 1";

    private static final String SCHEMA = "CREATE SEQUENCE counter;\n"
            + "CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE TABLE dropme (a int);\n"
            + "CREATE SCHEMA other;\n"
            + "CREATE TABLE other.t (a int);\n"
            + "INSERT INTO users (name) VALUES ('seed');\n";

    private DatabaseUrl dev;
    private final List<String> scratch = new ArrayList<>();

    @BeforeEach
    void server() {
        dev = PostgresServer.devUrl();
    }

    @AfterEach
    void dropScratchDatabases() throws SQLException {
        if (scratch.isEmpty()) {
            return;
        }
        try (Connection c = admin(dev)) {
            for (String name : scratch) {
                execute(c, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        }
    }

    private DevDatabase open(DatabaseUrl url) {
        return DevDatabases.open(url, DevOptions.defaults());
    }

    private static SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(URI.create("file:///it/schema.sql"), sql)));
    }

    /** A new database on the server holding {@code setup}; the dev URL pointing at it. */
    private DatabaseUrl scratchDatabase(String name, String... setup) throws SQLException {
        try (Connection c = admin(dev)) {
            execute(c, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)", "CREATE DATABASE \"" + name + "\"");
        }
        scratch.add(name);
        DatabaseUrl url = onDatabase(dev, name);
        try (Connection c = admin(url)) {
            execute(c, setup);
        }
        return url;
    }

    private static DatabaseUrl withQuery(DatabaseUrl url, String key, String value) {
        return DatabaseUrl.parse(url.raw() + (url.raw().contains("?") ? "&" : "?") + key + "=" + value);
    }

    private List<String> ownDatabases() throws SQLException {
        try (Connection c = admin(dev)) {
            return queryList(c, OWN_DATABASES);
        }
    }

    @Test
    void aTableInPublicMakesTheDatabaseUnclean() throws SQLException {
        DatabaseUrl url = scratchDatabase("a4j_it_dirty_table", "CREATE TABLE t (a int)");

        assertThatThrownBy(() -> open(url)).isInstanceOfSatisfying(Atlas4jException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
            assertThat(e.getMessage()).isEqualTo("sql/migrate: connected database is not clean: found table \"t\" in schema \"public\"");
            assertThat(e.hint()).contains("use an empty database as dev database");
        });
    }

    @Test
    void anExtraSchemaMakesTheDatabaseUnclean() throws SQLException {
        DatabaseUrl url = scratchDatabase("a4j_it_dirty_schema", "CREATE SCHEMA foo");

        assertThatThrownBy(() -> open(url))
                .hasMessage("sql/migrate: connected database is not clean: found schema \"foo\"");
    }

    @Test
    void schemaScopeLooksAtTheConnectedSchemaOnly() throws SQLException {
        DatabaseUrl url = scratchDatabase("a4j_it_scoped_dirty",
                "CREATE SCHEMA app", "CREATE TABLE app.t (a int)", "CREATE SCHEMA empty", "CREATE TABLE public.other (a int)");

        assertThatThrownBy(() -> open(withQuery(url, "search_path", "app")))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("sql/migrate: connected database is not clean: found table \"t\" in connected schema");
                    assertThat(e.hint()).contains("use an empty schema");
                });
        open(withQuery(url, "search_path", "empty")).close();
    }

    @Test
    void sessionsStartFromThePreparedStateAndLeakNothing() throws SQLException {
        try (DevDatabase db = open(dev); Workspace ws = db.prepare(state(SCHEMA))) {
            try (DevSession first = ws.lease()) {
                Connection c = first.connection();
                execute(c, "INSERT INTO users (name) VALUES ('a'), ('b')",
                        "SELECT nextval('counter'), nextval('counter'), nextval('counter')",
                        "CREATE TABLE added (x int)", "DROP TABLE dropme", "DROP SCHEMA other CASCADE",
                        "SET search_path = pg_catalog",
                        "ALTER DATABASE " + queryString(c, "SELECT current_database()") + " SET search_path = other");
                assertThat(queryLong(c, "SELECT count(*) FROM public.users")).isEqualTo(3);
            }
            try (DevSession second = ws.lease()) {
                Connection c = second.connection();
                assertThat(queryLong(c, "SELECT count(*) FROM users")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT nextval('counter')")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'added'")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM dropme")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM other.t")).isZero();
                assertThat(queryString(c, "SELECT current_schema()")).isEqualTo("public");
                execute(c, "INSERT INTO users (name) VALUES ('c')");
                assertThat(queryLong(c, "SELECT max(id) FROM users")).isEqualTo(2);
            }
        }
    }

    @Test
    void aSessionIsReachableByItsUrlAndItsOtherConnections() throws SQLException {
        try (DevDatabase db = open(dev); Workspace ws = db.prepare(state(SCHEMA)); DevSession session = ws.lease()) {
            String clone = queryString(session.connection(), "SELECT current_database()");
            assertThat(clone).startsWith("atlas4j_" + ProcessHandle.current().pid() + "_");
            DatabaseUrl sessionUrl = DatabaseUrl.parse(session.url());
            assertThat(sessionUrl.scheme()).isEqualTo(dev.scheme());
            assertThat(sessionUrl.path()).isEqualTo(clone);
            assertThat(sessionUrl.query()).isEqualTo(dev.query());
            assertThat(sessionUrl.user()).isEqualTo(dev.user());

            execute(session.connection(), "INSERT INTO users (name) VALUES ('mine')");
            try (Connection other = session.newConnection(); Connection external = db.dialect().connect(sessionUrl)) {
                assertThat(queryLong(other, "SELECT count(*) FROM users")).isEqualTo(2);
                assertThat(queryLong(external, "SELECT count(*) FROM users")).isEqualTo(2);
            }
        }
    }

    @Test
    void aFailingStatementNamesItsPositionAndLeavesNoDatabaseBehind() throws SQLException {
        try (DevDatabase db = open(dev)) {
            assertThatThrownBy(() -> db.prepare(state("CREATE TABLE a (x int);\n  INSERT INTO missing VALUES (1);\n")))
                    .isInstanceOfSatisfying(StatementFailedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                        assertThat(e.getMessage()).isEqualTo("/it/schema.sql:2:3: relation \"missing\" does not exist");
                    });
            assertThat(ownDatabases()).isEmpty();
        }
    }

    @Test
    void closingTheDevDatabaseDropsEveryDatabaseItCreated() throws SQLException {
        DevDatabase db = open(dev);
        Workspace a = db.prepare(state(SCHEMA));
        Workspace b = db.prepare(state("CREATE TABLE b (x int);"));
        DevSession s1 = a.lease();
        a.lease();
        b.lease();
        s1.close();
        assertThat(ownDatabases()).hasSize(4);

        db.close();

        assertThat(ownDatabases()).isEmpty();
    }

    @Test
    void aDomainCheckFailsWithThePostgresMessage() throws SQLException {
        String sql = "CREATE DOMAIN zip AS text CHECK (VALUE ~ '^[0-9]{5}$');";
        try (DevDatabase db = open(dev); Workspace ws = db.prepare(state(sql)); DevSession session = ws.lease()) {
            assertThat(queryString(session.connection(), "SELECT '12345'::zip")).isEqualTo("12345");
            assertThatThrownBy(() -> execute(session.connection(), "SELECT 'abc'::zip"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(db.dialect().errorMessage(e))
                            .contains("violates check constraint")
                            .isEqualTo("value for domain zip violates check constraint \"zip_check\""));
        }
    }

    @Test
    void schemaScopedStatesAreBuiltInTheConnectedSchema() throws SQLException {
        DatabaseUrl url = withQuery(scratchDatabase("a4j_it_scoped", "CREATE SCHEMA app"), "search_path", "app");
        try (DevDatabase db = open(url); Workspace ws = db.prepare(state("CREATE TABLE t (a int);"));
             DevSession session = ws.lease()) {
            Connection c = session.connection();
            assertThat(queryString(c, "SELECT current_schema()")).isEqualTo("app");
            assertThat(queryString(c, "SELECT schemaname FROM pg_tables WHERE tablename = 't'")).isEqualTo("app");
            assertThat(DatabaseUrl.parse(session.url()).param("search_path")).contains("app");
        }
    }

    @Test
    void leasesFromManyThreadsAreDistinctDatabases() throws Exception {
        try (DevDatabase db = open(dev); Workspace ws = db.prepare(state(SCHEMA))) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Callable<String> task = () -> {
                        try (DevSession s = ws.lease()) {
                            execute(s.connection(), "INSERT INTO users (name) VALUES ('x')");
                            assertThat(queryLong(s.connection(), "SELECT count(*) FROM users")).isEqualTo(2);
                            return s.url();
                        }
                    };
                    futures.add(pool.submit(task));
                }
                Set<String> urls = new HashSet<>();
                for (Future<String> f : futures) {
                    urls.add(f.get());
                }
                assertThat(urls).hasSize(6);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(ownDatabases()).isEmpty();
    }

    @Test
    void serverSettingsInTheUrlReachTheSession() throws SQLException {
        try (DevDatabase db = open(withQuery(dev, "statement_timeout", "1234")); Workspace ws = db.prepare(SchemaState.EMPTY);
             DevSession session = ws.lease(); Connection other = session.newConnection()) {
            assertThat(queryString(session.connection(), "SHOW statement_timeout")).isEqualTo("1234ms");
            assertThat(queryString(other, "SHOW statement_timeout")).isEqualTo("1234ms");
        }
    }

    @Test
    void aWrongPasswordIsAConnectionErrorWithoutThePassword() {
        DatabaseUrl wrong = DatabaseUrl.rebuild(dev.scheme(), dev.user(), "s3cr3t-Pw", dev.host(), dev.port(), dev.path(),
                dev.query());

        assertThatThrownBy(() -> open(wrong)).isInstanceOfSatisfying(Atlas4jException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
            assertThat(e.getMessage()).contains("password authentication failed");
            assertThat(e.hint()).contains("user name and password");
            PostgresDialectTest.assertNoPassword(e);
        });
    }

    @Test
    void sslIsRequiredByDefaultAsInAtlas() throws SQLException {
        Map<String, String> query = new LinkedHashMap<>(dev.query());
        query.remove("sslmode");
        DatabaseUrl noSslMode = DatabaseUrl.rebuild(dev.scheme(), dev.user(), dev.password(), dev.host(), dev.port(),
                dev.path(), query);
        boolean serverSsl;
        try (Connection c = admin(dev)) {
            serverSsl = queryString(c, "SHOW ssl").equals("on");
        }
        if (serverSsl) {
            try (DevDatabase db = open(noSslMode); Workspace ws = db.prepare(SchemaState.EMPTY); DevSession s = ws.lease()) {
                assertThat(queryString(s.connection(), "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                        .isEqualTo("t");
            }
        } else {
            assertThatThrownBy(() -> open(noSslMode)).isInstanceOfSatisfying(Atlas4jException.class,
                    e -> assertThat(e.hint()).contains("add ?sslmode=disable"));
        }
    }

    @Test
    void leaseTimes() throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigserial PRIMARY KEY, a text, b int);\n");
        }
        try (DevDatabase db = open(dev)) {
            long t0 = System.nanoTime();
            Workspace ws = db.prepare(state(sql.toString()));
            long prepare = System.nanoTime() - t0;
            int n = 5;
            long leasing = 0;
            long closing = 0;
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                DevSession s = ws.lease();
                long b = System.nanoTime();
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo(50);
                long c = System.nanoTime();
                s.close();
                leasing += b - a;
                closing += System.nanoTime() - c;
            }
            System.err.printf("PostgreSQL 50-table state: prepare %d ms, lease (clone + connect) %d ms, close (drop) %d ms%n",
                    prepare / 1_000_000, leasing / n / 1_000_000, closing / n / 1_000_000);
        }
    }
}
