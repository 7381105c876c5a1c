package io.atlas4j.dialect.postgres;

import static io.atlas4j.dialect.postgres.PostgresServer.admin;
import static io.atlas4j.dialect.postgres.PostgresServer.execute;
import static io.atlas4j.dialect.postgres.PostgresServer.onDatabase;
import static io.atlas4j.dialect.postgres.PostgresServer.queryList;
import static io.atlas4j.dialect.postgres.PostgresServer.queryLong;
import static io.atlas4j.dialect.postgres.PostgresServer.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leftovers that outlive a session's database (roles, which are cluster-wide), and a server that ends a
 * session's connection in the middle of a run. Each test works in a scratch dev database of its own.
 */
class PostgresLeftoverIT {

    private static final String STATE = "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n";

    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final String scratch = "a4j_it_left_" + tag;
    private final String preexisting = "a4j_it_pre_" + tag;
    private final List<String> roles = new ArrayList<>();
    private DatabaseUrl dev;
    private DatabaseUrl scratchUrl;

    @BeforeEach
    void scratchDatabaseAndRole() throws SQLException {
        dev = PostgresServer.devUrl();
        try (Connection c = admin(dev)) {
            execute(c, "CREATE DATABASE " + scratch, "CREATE ROLE " + preexisting + " NOLOGIN");
        }
        scratchUrl = onDatabase(dev, scratch);
    }

    @AfterEach
    void dropScratch() throws SQLException {
        if (dev == null) {
            return;
        }
        try (Connection c = admin(dev)) {
            execute(c, "DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
            for (String role : roles) {
                execute(c, "DROP ROLE IF EXISTS " + role);
            }
            execute(c, "DROP ROLE IF EXISTS " + preexisting);
        }
    }

    private DevDatabase open(String isolation) {
        return DevDatabases.open(scratchUrl, new DevOptions(Duration.ofSeconds(10),
                Map.of(PostgresDevDatabaseProvider.ISOLATION_PROPERTY, isolation)));
    }

    private static SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(URI.create("file:///it/schema.sql"), sql)));
    }

    /** A role name for this test, dropped after it whatever happens. */
    private String role(String suffix) {
        String name = "a4j_it_" + suffix + "_" + tag;
        roles.add(name);
        return name;
    }

    private boolean roleExists(String role) throws SQLException {
        try (Connection c = admin(dev)) {
            return queryLong(c, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'") == 1;
        }
    }

    /** A session with a database of its own, however the isolation setting gets there. */
    private static DevSession copySession(Workspace ws, String isolation) {
        // In auto mode, a case that runs an external program needs a committed copy.
        return isolation.equals("auto") ? ws.lease(new SessionNeeds(List.of("SELECT 1"), true)) : ws.lease();
    }

    @ParameterizedTest
    @ValueSource(strings = {"template", "recreate", "auto"})
    void aRoleCreatedByACaseIsGoneForTheNextCaseAndOldRolesAreKept(String isolation) throws SQLException {
        String caseRole = role("case");
        try (DevDatabase db = open(isolation); Workspace ws = db.prepare(state(STATE))) {
            try (DevSession s = copySession(ws, isolation)) {
                Connection c = s.connection();
                String database = queryString(c, "SELECT current_database()");
                execute(c, "CREATE ROLE " + caseRole,
                        "GRANT SELECT ON t TO " + caseRole,
                        // A privilege on a shared object outlives the session's database.
                        "GRANT CONNECT ON DATABASE \"" + database + "\" TO " + caseRole,
                        "GRANT " + preexisting + " TO " + caseRole);
                assertThat(roleExists(caseRole)).isTrue();
            }
            assertThat(roleExists(caseRole)).as("role after the session").isFalse();
            assertThat(roleExists(preexisting)).as("role from before the run").isTrue();
            try (DevSession next = copySession(ws, isolation)) {
                Connection c = next.connection();
                assertThat(queryLong(c, "SELECT count(*) FROM pg_roles WHERE rolname = '" + caseRole + "'")).isZero();
                // The same case runs again as it did the first time.
                execute(c, "CREATE ROLE " + caseRole, "GRANT SELECT ON t TO " + caseRole);
            }
            assertThat(roleExists(caseRole)).isFalse();
        }
        assertThat(roleExists(preexisting)).isTrue();
    }

    @Test
    void withConcurrentSessionsRolesAreDroppedWhenTheLastCloses() throws SQLException {
        String first = role("first");
        String second = role("second");
        try (DevDatabase db = open("template"); Workspace ws = db.prepare(state(STATE))) {
            DevSession a = ws.lease();
            DevSession b = ws.lease();
            execute(a.connection(), "CREATE ROLE " + first);
            a.close();
            assertThat(roleExists(first)).as("another session is open: whose role is it?").isTrue();
            execute(b.connection(), "CREATE ROLE " + second);
            b.close();
            assertThat(roleExists(first)).isFalse();
            assertThat(roleExists(second)).isFalse();
        }
        assertThat(roleExists(preexisting)).isTrue();
    }

    @Test
    void closingTheDevDatabaseDropsRolesOfOpenSessionsAndOfStates() throws SQLException {
        String stateRole = role("state");
        String caseRole = role("open");
        DevDatabase db = open("template");
        Workspace ws = db.prepare(state("CREATE ROLE " + stateRole + ";\n" + STATE + "GRANT SELECT ON t TO " + stateRole + ";\n"));
        try (DevSession s = ws.lease()) {
            assertThat(queryList(s.connection(), "SELECT grantee FROM information_schema.role_table_grants"
                    + " WHERE table_name = 't' AND privilege_type = 'SELECT'")).contains(stateRole);
        }
        assertThat(roleExists(stateRole)).as("a state's role stays while the state can be leased").isTrue();
        DevSession open = ws.lease();
        execute(open.connection(), "CREATE ROLE " + caseRole);
        DevSession other = ws.lease();
        open.close();
        assertThat(roleExists(caseRole)).isTrue();
        db.close();
        assertThat(other.connection().isClosed()).isTrue();
        assertThat(roleExists(caseRole)).isFalse();
        assertThat(roleExists(stateRole)).isFalse();
        assertThat(roleExists(preexisting)).isTrue();
    }

    @Test
    void keepLeavesCaseRoles() throws SQLException {
        String caseRole = role("kept");
        try (DevDatabase db = DevDatabases.open(scratchUrl, new DevOptions(Duration.ofSeconds(10),
                Map.of(PostgresDevDatabaseProvider.ISOLATION_PROPERTY, "template",
                        PostgresDevDatabaseProvider.CASE_ROLES_PROPERTY, "keep")));
             Workspace ws = db.prepare(state(STATE));
             DevSession s = ws.lease()) {
            execute(s.connection(), "CREATE ROLE " + caseRole);
        }
        assertThat(roleExists(caseRole)).isTrue();
    }

    @Test
    void roleBookkeepingCostPerSessionClose() throws SQLException {
        try (DevDatabase db = open("template"); Workspace ws = db.prepare(state(STATE))) {
            PostgresDevDatabase pg = (PostgresDevDatabase) db;
            int n = 300;
            for (int i = 0; i < 50; i++) {
                pg.copySessionOpened();
                pg.copySessionClosed();
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                pg.copySessionOpened();
                pg.copySessionClosed();
            }
            double ms = (System.nanoTime() - start) / 1e6 / n;
            int count;
            try (Connection c = admin(dev)) {
                count = (int) queryLong(c, "SELECT count(*) FROM pg_roles");
            }
            System.out.printf("PostgreSQL role sweep at a copy session's close: %.3f ms (%d roles)%n", ms, count);
            assertThat(ms).isPositive();
        }
    }

    // ---- a server that ends a session's connection ----

    private static long backendPid(DevSession s) throws SQLException {
        return queryLong(s.connection(), "SELECT pg_backend_pid()");
    }

    private void terminate(long pid) throws SQLException {
        try (Connection c = admin(dev)) {
            // Waits (up to 5 s) until the backend is gone.
            assertThat(queryString(c, "SELECT pg_terminate_backend(" + pid + ", 5000)")).isEqualTo("t");
        }
    }

    private static void assertConnectionLost(DevSession s) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> queryLong(s.connection(), "SELECT count(*) FROM t"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).matches("57P01|08.*"))
                        .hasMessageMatching("(?s).*(terminating connection|I/O error|connection has been closed).*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"template", "recreate"})
    void aCopySessionWhoseBackendIsTerminatedFailsClearlyAndTheNextLeaseWorks(String isolation) throws SQLException {
        DevDatabase db = open(isolation);
        Workspace ws = db.prepare(state(STATE));
        DevSession s = ws.lease();
        terminate(backendPid(s));
        assertConnectionLost(s);
        assertThatCode(s::close).doesNotThrowAnyException();
        try (DevSession next = ws.lease()) {
            assertThat(queryLong(next.connection(), "SELECT count(*) FROM t")).isEqualTo(1);
        }
        Set<String> created = ((PostgresDevDatabase) db).createdDatabases();
        db.close();
        if (isolation.equals("recreate")) {
            // The dev database itself held the sessions: it is empty again.
            try (Connection c = admin(scratchUrl)) {
                assertThat(queryLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 't'")).isZero();
            }
        } else {
            assertNoneLeft(created);
        }
    }

    @Test
    void aTransactionSessionWhoseBackendIsTerminatedFailsClearlyAndItsBaseIsReplaced() throws SQLException {
        DevDatabase db = open("auto");
        Workspace ws = db.prepare(state(STATE));
        SessionNeeds needs = new SessionNeeds(List.of("INSERT INTO t VALUES (2)", "SELECT count(*) FROM t"), false);
        DevSession s = ws.lease(needs);
        assertThat(s.connection().getAutoCommit()).as("a transaction-isolated session").isFalse();
        execute(s.connection(), "INSERT INTO t VALUES (2)");
        String baseBefore = queryString(s.connection(), "SELECT current_database()");
        terminate(backendPid(s));
        assertConnectionLost(s);
        assertThatCode(s::close).doesNotThrowAnyException();
        try (DevSession next = ws.lease(needs)) {
            assertThat(next.connection().getAutoCommit()).isFalse();
            assertThat(queryLong(next.connection(), "SELECT count(*) FROM t")).isEqualTo(1);
            assertThat(queryString(next.connection(), "SELECT current_database()")).isNotEqualTo(baseBefore);
        }
        try (Connection c = admin(dev)) {
            assertThat(queryLong(c, "SELECT count(*) FROM pg_database WHERE datname = '" + baseBefore + "'"))
                    .as("the broken base is dropped").isZero();
        }
        Set<String> created = ((PostgresDevDatabase) db).createdDatabases();
        db.close();
        assertNoneLeft(created);
    }

    @Test
    void anIdlePooledConnectionWhoseBackendIsTerminatedIsReplacedAtTheNextLease() throws Exception {
        try (DevDatabase db = open("auto"); Workspace ws = db.prepare(state(STATE))) {
            SessionNeeds needs = new SessionNeeds(List.of("SELECT count(*) FROM t"), false);
            long pid;
            try (DevSession s = ws.lease(needs)) {
                pid = backendPid(s);
            }
            terminate(pid);
            Thread.sleep(TransactionBase.IDLE_CHECK_NANOS / 1_000_000 + 100);
            try (DevSession next = ws.lease(needs)) {
                assertThat(queryLong(next.connection(), "SELECT count(*) FROM t")).isEqualTo(1);
                assertThat(backendPid(next)).isNotEqualTo(pid);
            }
        }
    }

    private void assertNoneLeft(Set<String> databases) throws SQLException {
        assertThat(databases).isNotEmpty();
        try (Connection c = admin(dev)) {
            for (String name : databases) {
                assertThat(queryLong(c, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))
                        .as(name).isZero();
            }
        }
    }
}
