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
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.StatementFailedException;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route for users without {@code CREATEDB}: a role that may not create databases owns its dev
 * database, and Atlas4J empties and rebuilds that database for each session.
 */
class PostgresRecreateIT {

    private static final String ROLE = "a4j_it_nocreatedb";
    private static final String PASSWORD = "it-Pw-4711";
    private static final String DATABASE = "a4j_it_nocreatedb";

    private static final String SCHEMA = "CREATE SEQUENCE counter;\n"
            + "CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE TABLE dropme (a int);\n"
            + "INSERT INTO users (name) VALUES ('seed');\n";

    private DatabaseUrl dev;
    private DatabaseUrl roleUrl;

    @BeforeEach
    void createRoleAndDatabase() throws SQLException {
        dev = PostgresServer.devUrl();
        try (Connection c = admin(dev)) {
            dropRoleAndDatabase(c);
            execute(c, "CREATE ROLE " + ROLE + " LOGIN NOCREATEDB PASSWORD '" + PASSWORD + "'",
                    "CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        }
        DatabaseUrl onDatabase = onDatabase(dev, DATABASE);
        roleUrl = DatabaseUrl.rebuild(dev.scheme(), ROLE, PASSWORD, dev.host(), dev.port(), DATABASE, onDatabase.query());
    }

    @AfterEach
    void dropRoleAndDatabase() throws SQLException {
        if (dev == null) {
            return;
        }
        try (Connection c = admin(dev)) {
            dropRoleAndDatabase(c);
        }
    }

    private static void dropRoleAndDatabase(Connection c) throws SQLException {
        execute(c, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "DROP ROLE IF EXISTS " + ROLE);
    }

    private static DevDatabase open(DatabaseUrl url) {
        return DevDatabases.open(url, new DevOptions(Duration.ofSeconds(10), Map.of()));
    }

    private static SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(URI.create("file:///it/schema.sql"), sql)));
    }

    private DatabaseUrl superuserOnRoleDatabase() {
        return onDatabase(dev, DATABASE);
    }

    private String publicSchemaFacts() throws SQLException {
        try (Connection c = admin(superuserOnRoleDatabase())) {
            return queryString(c, "SELECT pg_get_userbyid(nspowner) || ' ' || coalesce(nspacl::text, '-')"
                    + " FROM pg_namespace WHERE nspname = 'public'");
        }
    }

    private List<String> userObjects() throws SQLException {
        try (Connection c = admin(superuserOnRoleDatabase())) {
            return queryList(c, "SELECT n.nspname || '.' || coalesce(c.relname, '') FROM pg_namespace n"
                    + " LEFT JOIN pg_class c ON c.relnamespace = n.oid"
                    + " WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1");
        }
    }

    @Test
    void withoutCreatedbSessionsAreRebuiltInTheDevDatabaseAndLeakNothing() throws SQLException {
        String publicBefore = publicSchemaFacts();
        try (DevDatabase db = open(roleUrl); Workspace ws = db.prepare(state(SCHEMA))) {
            try (DevSession first = ws.lease()) {
                assertThat(first.url()).isEqualTo(roleUrl.raw());
                Connection c = first.connection();
                assertThat(queryString(c, "SELECT current_database()")).isEqualTo(DATABASE);
                execute(c, "INSERT INTO users (name) VALUES ('a'), ('b')",
                        "SELECT nextval('counter'), nextval('counter')",
                        "CREATE TABLE added (x int)", "DROP TABLE dropme", "CREATE SCHEMA extra",
                        "SET search_path = extra");
                try (Connection other = first.newConnection()) {
                    assertThat(queryLong(other, "SELECT count(*) FROM users")).isEqualTo(3);
                }
            }
            try (DevSession second = ws.lease()) {
                Connection c = second.connection();
                assertThat(queryLong(c, "SELECT count(*) FROM users")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT nextval('counter')")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'added'")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM dropme")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'extra'")).isZero();
                assertThat(queryString(c, "SELECT current_schema()")).isEqualTo("public");
            }
        }
        assertThat(userObjects()).containsExactly("public.");
        assertThat(publicSchemaFacts()).isEqualTo(publicBefore);
        try (Connection c = admin(dev)) {
            assertThat(queryLong(c, "SELECT count(*) FROM pg_database WHERE datname LIKE 'atlas4j\\_"
                    + ProcessHandle.current().pid() + "\\_%'")).isZero();
        }
    }

    @Test
    void withoutCreatedbCasesThatFitATransactionRunInTheBuiltStateWithoutRebuildingIt() throws SQLException {
        String[] work = {"INSERT INTO users (name) VALUES ('a'), ('b')", "SELECT nextval('counter')",
                "CREATE TABLE added (x int)", "DROP TABLE dropme", "CREATE SCHEMA extra", "SET search_path = extra",
                "SELECT pg_advisory_lock(4712)"};
        try (DevDatabase db = open(roleUrl); Workspace ws = db.prepare(state(SCHEMA))) {
            String usersOid;
            try (DevSession s = ws.lease(new SessionNeeds(List.of(work), false))) {
                assertThat(s.connection().getAutoCommit()).isFalse();
                assertThat(s.url()).isEqualTo(roleUrl.raw());
                usersOid = queryString(s.connection(), "SELECT 'users'::regclass::oid::text");
                execute(s.connection(), work);
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM public.users")).isEqualTo(3);
            }
            try (DevSession s = ws.lease(new SessionNeeds(List.of("SELECT 1"), false))) {
                Connection c = s.connection();
                assertThat(queryString(c, "SELECT 'users'::regclass::oid::text")).as("not rebuilt").isEqualTo(usersOid);
                assertThat(queryLong(c, "SELECT count(*) FROM users")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT nextval('counter')")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'added'")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM dropme")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'extra'")).isZero();
                assertThat(queryString(c, "SELECT current_schema()")).isEqualTo("public");
            }
            // A case that needs a database of its own gets the rebuilt dev database, on another connection,
            // which the previous case's advisory lock does not block.
            try (DevSession s = ws.lease(new SessionNeeds(List.of("VACUUM users"), false))) {
                assertThat(s.connection().getAutoCommit()).isTrue();
                execute(s.connection(), "VACUUM users", "INSERT INTO users (name) VALUES ('copy')");
                assertThat(queryString(s.connection(), "SELECT pg_try_advisory_lock(4712)")).isEqualTo("t");
            }
            try (DevSession s = ws.lease(new SessionNeeds(List.of("INSERT INTO users (name) VALUES ('c')"), false))) {
                Connection c = s.connection();
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(queryString(c, "SELECT 'users'::regclass::oid::text")).as("rebuilt").isNotEqualTo(usersOid);
                execute(c, "INSERT INTO users (name) VALUES ('c')");
                assertThat(queryList(c, "SELECT id || ':' || name FROM users ORDER BY id")).containsExactly("1:seed", "2:c");
            }
            try (DevSession s = ws.lease(new SessionNeeds(List.of("SELECT 1"), false))) {
                assertThat(queryLong(s.connection(), "SELECT nextval('users_id_seq')")).isEqualTo(2);
            }
        }
        assertThat(userObjects()).containsExactly("public.");
    }

    @Test
    void theRecreateSettingRebuildsEveryCase() throws SQLException {
        try (DevDatabase db = DevDatabases.open(roleUrl, new DevOptions(Duration.ofSeconds(10),
                Map.of(PostgresDevDatabaseProvider.ISOLATION_PROPERTY, "recreate")));
             Workspace ws = db.prepare(state(SCHEMA));
             DevSession s = ws.lease(new SessionNeeds(List.of("SELECT 1"), false))) {
            assertThat(s.connection().getAutoCommit()).isTrue();
        }
    }

    @Test
    void aSecondLeaseOnTheSameThreadIsRefusedInsteadOfWaitingForever() {
        try (DevDatabase db = open(roleUrl); Workspace ws = db.prepare(state(SCHEMA)); DevSession held = ws.lease()) {
            assertThat(held.connection()).isNotNull();
            assertThatThrownBy(ws::lease).isInstanceOfSatisfying(Atlas4jException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                assertThat(e.getMessage()).contains("one session at a time").doesNotContain(PASSWORD);
                assertThat(e.hint()).contains("CREATEDB");
            });
        }
    }

    @Test
    void leasesFromOtherThreadsWaitForTheLiveSession() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (DevDatabase db = open(roleUrl); Workspace ws = db.prepare(state(SCHEMA))) {
            DevSession first = ws.lease();
            execute(first.connection(), "INSERT INTO users (name) VALUES ('first')");
            Future<Long> second = pool.submit(() -> {
                try (DevSession s = ws.lease()) {
                    return queryLong(s.connection(), "SELECT count(*) FROM users");
                }
            });
            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            first.close();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingStatementNamesItsPositionAndLeavesTheDatabaseClean() throws SQLException {
        try (DevDatabase db = open(roleUrl)) {
            assertThatThrownBy(() -> db.prepare(state("CREATE TABLE a (x int);\nINSERT INTO missing VALUES (1);")))
                    .isInstanceOfSatisfying(StatementFailedException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("/it/schema.sql:2:1: relation \"missing\" does not exist"));
            assertThat(userObjects()).containsExactly("public.");
            // The database is usable again after the failure.
            try (Workspace ws = db.prepare(state(SCHEMA)); DevSession s = ws.lease()) {
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM users")).isEqualTo(1);
            }
        }
    }

    @Test
    void schemaScopeRebuildsOnlyTheConnectedSchema() throws SQLException {
        try (Connection c = admin(superuserOnRoleDatabase())) {
            execute(c, "CREATE SCHEMA app AUTHORIZATION " + ROLE, "CREATE TABLE public.keep (a int)");
        }
        Map<String, String> query = new LinkedHashMap<>(roleUrl.query());
        query.put("search_path", "app");
        DatabaseUrl scoped = DatabaseUrl.rebuild(roleUrl.scheme(), ROLE, PASSWORD, roleUrl.host(), roleUrl.port(),
                DATABASE, query);
        try (DevDatabase db = open(scoped); Workspace ws = db.prepare(state(SCHEMA))) {
            try (DevSession s = ws.lease()) {
                assertThat(queryString(s.connection(), "SELECT schemaname FROM pg_tables WHERE tablename = 'users'"))
                        .isEqualTo("app");
                execute(s.connection(), "CREATE TABLE more (a int)");
            }
            try (DevSession s = ws.lease()) {
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM pg_tables WHERE tablename = 'more'")).isZero();
            }
        }
        assertThat(userObjects()).containsExactly("app.", "public.keep");
    }

    @Test
    void inSchemaScopeTransactionsPutBackTheConnectedSchemaOnly() throws SQLException {
        try (Connection c = admin(superuserOnRoleDatabase())) {
            // A sequence the role may not even read: not Atlas4J's, so never snapshot nor restored.
            execute(c, "CREATE SCHEMA app AUTHORIZATION " + ROLE, "CREATE SEQUENCE public.not_mine");
        }
        Map<String, String> query = new LinkedHashMap<>(roleUrl.query());
        query.put("search_path", "app");
        DatabaseUrl scoped = DatabaseUrl.rebuild(roleUrl.scheme(), ROLE, PASSWORD, roleUrl.host(), roleUrl.port(),
                DATABASE, query);
        String[] work = {"INSERT INTO users (name) VALUES ('a')", "SELECT nextval('counter')"};
        try (DevDatabase db = open(scoped); Workspace ws = db.prepare(state(SCHEMA))) {
            for (int i = 0; i < 2; i++) {
                try (DevSession s = ws.lease(new SessionNeeds(List.of(work), false))) {
                    assertThat(s.connection().getAutoCommit()).isFalse();
                    execute(s.connection(), work);
                    assertThat(queryLong(s.connection(), "SELECT max(id) FROM app.users")).isEqualTo(2);
                    assertThat(queryLong(s.connection(), "SELECT currval('app.counter')")).isEqualTo(1);
                }
            }
        }
        assertThat(userObjects()).containsExactly("app.", "public.not_mine");
    }

    @Test
    void theRecreateRouteCanBeChosenEvenWhenCloningIsAllowed() throws SQLException {
        DatabaseUrl superuser = superuserOnRoleDatabase();
        try (DevDatabase db = DevDatabases.open(superuser, new DevOptions(Duration.ofSeconds(10),
                Map.of(PostgresDevDatabaseProvider.ISOLATION_PROPERTY, "recreate")));
             Workspace ws = db.prepare(state(SCHEMA)); DevSession s = ws.lease()) {
            assertThat(s.url()).isEqualTo(superuser.raw());
            assertThat(queryString(s.connection(), "SELECT current_database()")).isEqualTo(DATABASE);
        }
        assertThat(userObjects()).containsExactly("public.");
    }

    @Test
    void leaseTimes() throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigserial PRIMARY KEY, a text, b int);\n");
        }
        try (DevDatabase db = open(roleUrl); Workspace ws = db.prepare(state(sql.toString()))) {
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
            System.err.printf("PostgreSQL 50-table state, re-creation: lease (reset + rebuild) %d ms, close (reset) %d ms%n",
                    leasing / n / 1_000_000, closing / n / 1_000_000);
        }
    }
}
