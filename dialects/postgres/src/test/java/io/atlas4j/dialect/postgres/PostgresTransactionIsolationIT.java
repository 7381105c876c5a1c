package io.atlas4j.dialect.postgres;

import static io.atlas4j.dialect.postgres.PostgresServer.admin;
import static io.atlas4j.dialect.postgres.PostgresServer.execute;
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
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transaction-isolated sessions ({@code atlas4j.postgres.isolation=auto}) against a real server
 * ({@code ATLAS4J_TEST_POSTGRES_URL}): nothing a case does reaches the next case, failing statements
 * leave the case usable, cases that do not fit a transaction get a clone, concurrent cases do not wait
 * for each other.
 */
class PostgresTransactionIsolationIT {

    private static final String ROLE = "a4j_it_tx_role";

    private static final String OWN_DATABASES = "SELECT datname FROM pg_database WHERE datname LIKE 'atlas4j\\_"
            + ProcessHandle.current().pid() + "\\_%' ORDER BY 1";

    private static final String SCHEMA = "CREATE SEQUENCE counter;\n"
            + "CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE TABLE items (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text);\n"
            + "CREATE TABLE dropme (a int);\n"
            + "CREATE TABLE parent (id int PRIMARY KEY);\n"
            + "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);\n"
            + "CREATE SCHEMA other;\n"
            + "CREATE TABLE other.t (a int);\n"
            + "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42';\n"
            + "INSERT INTO users (name) VALUES ('seed');\n";

    private DatabaseUrl dev;

    @BeforeEach
    void server() throws SQLException {
        dev = PostgresServer.devUrl();
        dropRole();
    }

    @AfterEach
    void dropRole() throws SQLException {
        if (dev != null) {
            try (Connection c = admin(dev)) {
                execute(c, "DROP ROLE IF EXISTS " + ROLE);
            }
        }
    }

    private DevDatabase open(String isolation) {
        return DevDatabases.open(dev, new DevOptions(Duration.ofSeconds(10),
                isolation == null ? Map.of() : Map.of(PostgresDevDatabaseProvider.ISOLATION_PROPERTY, isolation)));
    }

    private static SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(URI.create("file:///it/schema.sql"), sql)));
    }

    /** A session for a case that will run {@code statements}, which it then runs. */
    private static DevSession run(Workspace ws, String... statements) throws SQLException {
        DevSession session = ws.lease(new SessionNeeds(List.of(statements), false));
        execute(session.connection(), statements);
        return session;
    }

    private static DevSession lease(Workspace ws, String... statements) {
        return ws.lease(new SessionNeeds(List.of(statements), false));
    }

    private static boolean inTransaction(DevSession session) throws SQLException {
        return !session.connection().getAutoCommit();
    }

    private List<String> ownDatabases() throws SQLException {
        try (Connection c = admin(dev)) {
            return queryList(c, OWN_DATABASES);
        }
    }

    @Test
    void rowsDdlAndSequencesDoNotReachTheNextSession() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            String base;
            try (DevSession s = run(ws,
                    "INSERT INTO users (name) VALUES ('a'), ('b')",
                    "INSERT INTO items (label) VALUES ('x'), ('y'), ('z')",
                    "SELECT nextval('counter'), nextval('counter')",
                    "SELECT setval('counter', 100)",
                    "CREATE TABLE added (x serial)",
                    "INSERT INTO added DEFAULT VALUES",
                    "DROP TABLE dropme",
                    "ALTER TABLE users ADD COLUMN extra int",
                    "CREATE VIEW v AS SELECT 1 AS one",
                    "CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 7'",
                    "CREATE FUNCTION extra() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                    "DROP SCHEMA other CASCADE")) {
                assertThat(inTransaction(s)).isTrue();
                Connection c = s.connection();
                base = queryString(c, "SELECT current_database()");
                assertThat(queryLong(c, "SELECT count(*) FROM users")).isEqualTo(3);
                assertThat(queryLong(c, "SELECT max(id) FROM items")).isEqualTo(3);
                assertThat(queryLong(c, "SELECT answer()")).isEqualTo(7);
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                Connection c = s.connection();
                assertThat(queryString(c, "SELECT current_database()")).as("the base is reused").isEqualTo(base);
                assertThat(queryLong(c, "SELECT count(*) FROM users")).isEqualTo(1);
                assertThat(queryLong(c, "SELECT count(*) FROM pg_class WHERE relname IN ('added', 'added_x_seq', 'v')"))
                        .isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM dropme")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'extra'"))
                        .isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM pg_proc WHERE proname = 'extra'")).isZero();
                assertThat(queryLong(c, "SELECT answer()")).isEqualTo(42);
                assertThat(queryLong(c, "SELECT count(*) FROM other.t")).isZero();
                execute(c, "INSERT INTO items (label) VALUES ('first')");
                assertThat(queryLong(c, "SELECT id FROM items WHERE label = 'first'")).isEqualTo(1);
                execute(c, "INSERT INTO users (name) VALUES ('second')");
                assertThat(queryLong(c, "SELECT id FROM users WHERE name = 'second'")).isEqualTo(2);
                assertThat(queryLong(c, "SELECT nextval('counter')")).isEqualTo(1);
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                // The previous session's nextval calls are undone too.
                assertThat(queryLong(s.connection(), "SELECT nextval('counter')")).isEqualTo(1);
                assertThat(queryLong(s.connection(), "SELECT nextval('users_id_seq')")).isEqualTo(2);
            }
        }
    }

    @Test
    void rolesSettingsAndSessionStateDoNotReachTheNextSession() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            String user;
            String backend;
            try (DevSession s = lease(ws, "SELECT 1")) {
                user = queryString(s.connection(), "SELECT current_user");
                backend = queryString(s.connection(), "SELECT pg_backend_pid()");
            }
            try (DevSession s = run(ws,
                    "SELECT nextval('counter')",
                    "CREATE ROLE " + ROLE,
                    "GRANT SELECT ON users TO " + ROLE,
                    "SET search_path = other, public",
                    "SET statement_timeout = '4711s'",
                    "SET ROLE " + ROLE,
                    "PREPARE q AS SELECT 1",
                    "CREATE TEMP TABLE tmp (a int)",
                    "SELECT pg_advisory_lock(4711)",
                    "LISTEN a4j_channel")) {
                assertThat(inTransaction(s)).isTrue();
                assertThat(queryString(s.connection(), "SELECT current_user")).isEqualTo(ROLE);
                assertThat(queryString(s.connection(), "SELECT pg_backend_pid()")).as("the connection is reused")
                        .isEqualTo(backend);
            }
            try (Connection c = admin(dev)) {
                assertThat(queryLong(c, "SELECT count(*) FROM pg_roles WHERE rolname = '" + ROLE + "'")).isZero();
                assertThat(queryString(c, "SELECT pg_try_advisory_lock(4711)")).as("the advisory lock is free").isEqualTo("t");
                execute(c, "SELECT pg_advisory_unlock(4711)");
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                Connection c = s.connection();
                assertThat(queryString(c, "SELECT pg_backend_pid()")).isEqualTo(backend);
                assertThat(queryString(c, "SELECT current_user")).isEqualTo(user);
                assertThat(queryString(c, "SELECT current_schema()")).isEqualTo("public");
                assertThat(queryString(c, "SHOW statement_timeout")).isEqualTo("0");
                assertThat(queryLong(c, "SELECT count(*) FROM pg_prepared_statements WHERE name = 'q'")).isZero();
                assertThat(queryString(c, "SELECT coalesce(to_regclass('pg_temp.tmp')::text, 'none')")).isEqualTo("none");
                assertThat(queryLong(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND pid = pg_backend_pid()")).isZero();
                assertThat(queryLong(c, "SELECT count(*) FROM pg_listening_channels()")).isZero();
                // DISCARD SEQUENCES: currval knows nothing of the previous session's nextval.
                assertThatThrownBy(() -> queryLong(c, "SELECT currval('counter')"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55000"));
            }
        }
    }

    @Test
    void customSettingsGetAFreshConnectionSoTheyAreUndefinedAgain() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            String backend;
            try (DevSession s = run(ws, "SET app.tenant = '7'", "SELECT set_config('app.other', 'x', false)")) {
                assertThat(inTransaction(s)).isTrue();
                assertThat(queryString(s.connection(), "SELECT current_setting('app.tenant')")).isEqualTo("7");
                backend = queryString(s.connection(), "SELECT pg_backend_pid()");
            }
            try (DevSession s = lease(ws, "SELECT current_setting('app.tenant', true)")) {
                Connection c = s.connection();
                assertThat(inTransaction(s)).isTrue();
                assertThat(queryString(c, "SELECT pg_backend_pid()")).isNotEqualTo(backend);
                assertThat(queryString(c, "SELECT coalesce(current_setting('app.tenant', true), 'missing')"))
                        .isEqualTo("missing");
                assertThat(queryString(c, "SELECT coalesce(current_setting('app.other', true), 'missing')"))
                        .isEqualTo("missing");
            }
        }
    }

    @Test
    void aStateWhoseFunctionsSetCustomSettingsGetsFreshConnections() throws SQLException {
        String schema = "CREATE FUNCTION set_tenant(t text) RETURNS text LANGUAGE sql"
                + " AS $$ SELECT set_config('app.tenant', t, false) $$;";
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(schema))) {
            try (DevSession s = run(ws, "SELECT set_tenant('1')")) {
                assertThat(inTransaction(s)).isTrue();
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                assertThat(queryString(s.connection(), "SELECT coalesce(current_setting('app.tenant', true), 'missing')"))
                        .isEqualTo("missing");
            }
        }
    }

    @Test
    void aFailingStatementLeavesTheCaseUsableWithEarlierWorkVisible() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            String[] statements = {"INSERT INTO users (id, name) VALUES (10, 'kept')", "SELECT 1/0",
                    "INSERT INTO users (id, name) VALUES (10, 'duplicate')",
                    "INSERT INTO users (id, name) VALUES (11, 'undone'); SELECT 1/0",
                    "INSERT INTO child VALUES (99)", "INSERT INTO users (id, name) VALUES (12, 'after')"};
            // Not the base connection's first session: what holds for it must hold after a reset too.
            run(ws, "SELECT 1").close();
            try (DevSession s = lease(ws, statements)) {
                assertThat(inTransaction(s)).isTrue();
                Connection c = s.connection();
                execute(c, statements[0]);
                assertThatThrownBy(() -> execute(c, statements[1]))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
                assertThatThrownBy(() -> execute(c, statements[2]))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
                // Two statements in one call fail together, as in auto-commit (one implicit transaction).
                assertThatThrownBy(() -> execute(c, statements[3]))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
                // A deferred foreign key is checked at the end of the statement, as its commit would in auto-commit.
                assertThatThrownBy(() -> execute(c, statements[4]))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
                execute(c, statements[5]);
                assertThat(queryList(c, "SELECT id || ':' || name FROM users ORDER BY id"))
                        .containsExactly("1:seed", "10:kept", "12:after");
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                assertThat(queryList(s.connection(), "SELECT name FROM users")).containsExactly("seed");
            }
        }
    }

    @Test
    void aCaseThatDeallocatesEverythingStillGetsItsSequencesPutBack() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            for (int i = 0; i < 3; i++) {
                try (DevSession s = run(ws, "INSERT INTO users (name) VALUES ('a')", "PREPARE mine AS SELECT 1",
                        "DEALLOCATE ALL", "INSERT INTO users (name) VALUES ('b')")) {
                    assertThat(inTransaction(s)).isTrue();
                    assertThat(queryLong(s.connection(), "SELECT max(id) FROM users")).isEqualTo(3);
                }
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM pg_prepared_statements WHERE name = 'mine'"))
                        .isZero();
            }
        }
    }

    @Test
    void aDeferredConstraintTheCaseCreatesIsCheckedAtTheEndOfEachStatement() throws SQLException {
        String[] statements = {"CREATE TABLE p (id int PRIMARY KEY)",
                "CREATE TABLE c (p int REFERENCES p DEFERRABLE INITIALLY DEFERRED)", "INSERT INTO c VALUES (1)"};
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state("CREATE TABLE x (a int);"));
             DevSession s = lease(ws, statements)) {
            assertThat(inTransaction(s)).isTrue();
            execute(s.connection(), statements[0], statements[1]);
            assertThatThrownBy(() -> execute(s.connection(), statements[2]))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        }
    }

    @Test
    void casesThatDoNotFitATransactionGetAClone() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            String base;
            try (DevSession s = lease(ws, "SELECT 1")) {
                base = queryString(s.connection(), "SELECT current_database()");
            }
            List<String[]> cases = List.of(
                    new String[] {"CREATE INDEX CONCURRENTLY users_name ON users (name)"},
                    new String[] {"VACUUM users"},
                    new String[] {"BEGIN", "INSERT INTO users (name) VALUES ('x')", "COMMIT"});
            for (String[] statements : cases) {
                try (DevSession s = run(ws, statements)) {
                    assertThat(inTransaction(s)).as(statements[0]).isFalse();
                    assertThat(queryString(s.connection(), "SELECT current_database()")).isNotEqualTo(base);
                }
            }
            try (DevSession s = ws.lease(new SessionNeeds(List.of("INSERT INTO users (name) VALUES ('ext')"), true))) {
                assertThat(inTransaction(s)).isFalse();
                execute(s.connection(), "INSERT INTO users (name) VALUES ('ext')");
                try (Connection external = db.dialect().connect(DatabaseUrl.parse(s.url()))) {
                    assertThat(queryLong(external, "SELECT count(*) FROM users")).isEqualTo(2);
                }
            }
            try (DevSession s = ws.lease(SessionNeeds.UNKNOWN); DevSession t = ws.lease()) {
                assertThat(inTransaction(s)).isFalse();
                assertThat(inTransaction(t)).isFalse();
            }
            try (DevSession s = lease(ws, "SELECT 1")) {
                assertThat(queryString(s.connection(), "SELECT current_database()")).isEqualTo(base);
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM users")).isEqualTo(1);
                assertThat(queryLong(s.connection(), "SELECT count(*) FROM pg_indexes WHERE indexname = 'users_name'"))
                        .isZero();
            }
        }
    }

    @Test
    void aTransactionSessionNamesItsBaseAndRefusesOtherConnections() throws SQLException {
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA)); DevSession s = lease(ws, "SELECT 1")) {
            DatabaseUrl url = DatabaseUrl.parse(s.url());
            assertThat(url.path()).isEqualTo(queryString(s.connection(), "SELECT current_database()"));
            assertThat(url.query()).isEqualTo(dev.query());
            assertThatThrownBy(s::newConnection).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Workspace.lease()");
        }
    }

    @Test
    void theTemplateSettingClonesEveryCase() throws SQLException {
        try (DevDatabase db = open("template"); Workspace ws = db.prepare(state(SCHEMA));
             DevSession s = lease(ws, "SELECT 1")) {
            assertThat(inTransaction(s)).isFalse();
        }
        try (DevDatabase db = open("transaction"); Workspace ws = db.prepare(state(SCHEMA));
             DevSession s = lease(ws, "SELECT 1")) {
            assertThat(inTransaction(s)).isTrue();
        }
    }

    @Test
    void concurrentSessionsGetBasesOfTheirOwnAndDoNotWaitForEachOther() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(SCHEMA))) {
            CyclicBarrier allInserted = new CyclicBarrier(threads);
            String insert = "INSERT INTO users (id, name) VALUES (100, 'same key')";
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    try (DevSession s = run(ws, insert, "CREATE TABLE mine (a int)")) {
                        // Every thread holds its uncommitted row and table at the same time.
                        allInserted.await(30, TimeUnit.SECONDS);
                        assertThat(inTransaction(s)).isTrue();
                        assertThat(queryLong(s.connection(), "SELECT count(*) FROM users")).isEqualTo(2);
                        return queryString(s.connection(), "SELECT current_database()");
                    }
                }));
            }
            Set<String> bases = new HashSet<>();
            for (Future<String> f : futures) {
                bases.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(bases).hasSize(threads);
            // Afterwards, sequential leases reuse those bases, which hold the prepared state only.
            for (int i = 0; i < threads; i++) {
                try (DevSession s = lease(ws, "SELECT 1")) {
                    assertThat(bases).contains(queryString(s.connection(), "SELECT current_database()"));
                    assertThat(queryLong(s.connection(), "SELECT count(*) FROM users")).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ownDatabases()).isEmpty();
    }

    @Test
    void closingTheDevDatabaseDropsBasesToo() throws SQLException {
        DevDatabase db = open(null);
        Workspace ws = db.prepare(state(SCHEMA));
        lease(ws, "SELECT 1").close();
        DevSession open = lease(ws, "INSERT INTO users (name) VALUES ('open')");
        execute(open.connection(), "INSERT INTO users (name) VALUES ('open')");
        DevSession concurrent = lease(ws, "SELECT 1");
        assertThat(ownDatabases()).hasSize(3);

        db.close();

        assertThat(ownDatabases()).isEmpty();
        assertThat(open.connection().isClosed()).isTrue();
        assertThat(concurrent.connection().isClosed()).isTrue();
    }

    @Test
    void leaseAndCloseTimes() throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigserial PRIMARY KEY, a text, b int);\n");
        }
        String[] statements = {"INSERT INTO t1 (a, b) VALUES ('x', 1)", "SELECT a FROM t1 WHERE b = 1",
                "SELECT count(*) = 1 FROM t1"};
        try (DevDatabase db = open(null); Workspace ws = db.prepare(state(sql.toString()))) {
            run(ws, statements).close();
            int n = 200;
            long leasing = 0;
            long running = 0;
            long closing = 0;
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                DevSession s = lease(ws, statements);
                long b = System.nanoTime();
                execute(s.connection(), statements);
                long c = System.nanoTime();
                s.close();
                leasing += b - a;
                running += c - b;
                closing += System.nanoTime() - c;
            }
            System.out.printf("PostgreSQL 50-table state, transaction isolation (50 sequences): lease %.3f ms,"
                            + " 3 statements %.3f ms, close (rollback + reset) %.3f ms per case%n",
                    leasing / 1e6 / n, running / 1e6 / n, closing / 1e6 / n);
        }
    }
}
