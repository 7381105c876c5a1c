package io.atlas4j.dialect.mysql;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transaction-isolated sessions ({@code Workspace.lease(SessionNeeds)}) on a real server, through both
 * drivers: nothing of one case reaches the next, and cases that do not fit get a re-created schema.
 */
class MysqlTransactionIsolationIT {

    private static final URI STATE_FILE = Path.of("").toAbsolutePath().resolve("schema.sql").toUri();

    private static final String STATE = String.join("\n",
            "CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE,",
            "  age INT CHECK (age >= 0));",
            "CREATE TABLE seeded (id INT AUTO_INCREMENT PRIMARY KEY, v INT);",
            "INSERT INTO seeded (v) VALUES (1), (2);",
            "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT,",
            "  CONSTRAINT audit_user FOREIGN KEY (user_id) REFERENCES users (id));",
            "DELIMITER //",
            "CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW BEGIN",
            "  INSERT INTO audit (user_id) VALUES (NEW.id);",
            "END//",
            "DELIMITER ;");

    private static final SessionNeeds ROWS = needs("INSERT INTO users (name) VALUES ('x'); SELECT * FROM users");

    private final List<DevDatabase> opened = new ArrayList<>();
    private DatabaseUrl server;
    private String schema;

    private DatabaseUrl freshSchema(DatabaseUrl base) throws SQLException {
        server = base;
        schema = "a4j_tx_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        TestServer.exec(base, "CREATE DATABASE `" + schema + "`");
        return TestServer.withSchema(base, schema);
    }

    private DevDatabase open(DatabaseUrl url, String isolation) {
        DevDatabase db = DevDatabases.open(url, new DevOptions(Duration.ofSeconds(10),
                isolation == null ? Map.of() : Map.of(MysqlDevDatabase.ISOLATION, isolation)));
        opened.add(db);
        return db;
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        for (DevDatabase db : opened) {
            db.close();
        }
        if (schema != null) {
            for (String s : TestServer.schemas(server, schema)) {
                TestServer.exec(server, "DROP DATABASE `" + s + "`");
            }
            for (String s : TestServer.schemas(server, "atlas4j_" + schema)) {
                TestServer.exec(server, "DROP DATABASE `" + s + "`");
            }
        }
    }

    private static SchemaState state(String text) {
        return new SchemaState(List.of(SqlScript.of(STATE_FILE, text)));
    }

    private static SessionNeeds needs(String... sql) {
        return new SessionNeeds(List.of(sql), false);
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static boolean isTransactional(DevSession session) {
        try {
            session.newConnection().close();
            return false;
        } catch (IllegalStateException e) {
            return true;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void nothingOfACaseReachesTheNext(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        try (Workspace ws = db.prepare(state(STATE))) {
            for (int round = 0; round < 3; round++) {
                try (DevSession s = ws.lease(ROWS)) {
                    assertThat(isTransactional(s)).as("a case of row work runs in a transaction").isTrue();
                    Connection c = s.connection();
                    assertThat(one(c, "SELECT COUNT(*) FROM users")).as("rows of the earlier case").isZero();
                    assertThat(one(c, "SELECT COUNT(*) FROM audit")).as("trigger rows of the earlier case").isZero();
                    assertThat(one(c, "SELECT COUNT(*) FROM seeded")).as("the state's rows").isEqualTo(2);
                    exec(c, "INSERT INTO users (name) VALUES ('a')");
                    assertThat(one(c, "SELECT MAX(id) FROM users")).as("AUTO_INCREMENT starts over").isEqualTo(1);
                    assertThat(one(c, "SELECT MAX(id) FROM audit")).as("the trigger's AUTO_INCREMENT too").isEqualTo(1);
                    exec(c, "INSERT INTO users (name) VALUES ('b'), ('c')");
                    exec(c, "INSERT INTO seeded (v) VALUES (3)");
                    assertThat(one(c, "SELECT MAX(id) FROM seeded")).as("a counter above the state's rows").isEqualTo(3);
                    exec(c, "DELETE FROM seeded WHERE id = 1");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void aCaughtErrorKeepsEarlierWorkAndTheSessionUsable(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        try (Workspace ws = db.prepare(state(STATE))) {
            try (DevSession s = ws.lease(ROWS)) {
                assertThat(isTransactional(s)).isTrue();
                Connection c = s.connection();
                exec(c, "INSERT INTO users (name) VALUES ('a')");
                for (String failing : List.of(
                        "INSERT INTO users (name) VALUES ('a')",
                        "INSERT INTO audit (user_id) VALUES (999)",
                        "INSERT INTO users (name, age) VALUES ('n', -1)",
                        "SELEC 1",
                        "SELECT * FROM no_such_table")) {
                    assertThatThrownBy(() -> exec(c, failing)).as(failing).isInstanceOf(SQLException.class);
                    assertThat(one(c, "SELECT COUNT(*) FROM users WHERE name = 'a'")).as("after " + failing).isEqualTo(1);
                }
                exec(c, "INSERT INTO users (name) VALUES ('b')");
                assertThat(one(c, "SELECT COUNT(*) FROM users")).isEqualTo(2);
            }
            try (DevSession s = ws.lease(ROWS)) {
                assertThat(one(s.connection(), "SELECT COUNT(*) FROM users")).isZero();
                exec(s.connection(), "INSERT INTO users (name) VALUES ('a')");
                assertThat(one(s.connection(), "SELECT MAX(id) FROM users")).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void casesThatDoNotFitGetARecreatedSchema(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        try (Workspace ws = db.prepare(state(STATE + "\nCREATE PROCEDURE add_user() INSERT INTO users (name) VALUES ('p');"))) {
            List<SessionNeeds> recreating = List.of(
                    needs("CREATE TABLE extra (id INT)"),
                    needs("SET SESSION sql_mode = 'ANSI_QUOTES'"),
                    needs("CALL add_user()"),
                    new SessionNeeds(List.of("SELECT 1"), true),
                    SessionNeeds.UNKNOWN);
            for (SessionNeeds n : recreating) {
                try (DevSession s = ws.lease(n)) {
                    assertThat(isTransactional(s)).as(n.toString()).isFalse();
                    Connection c = s.connection();
                    assertThat(one(c, "SELECT COUNT(*) FROM users")).isZero();
                    exec(c, "CREATE TABLE extra (id INT)");
                    exec(c, "CALL add_user()");
                    exec(c, "SET SESSION sql_mode = 'ANSI_QUOTES'");
                }
                // A transaction case after it starts from the state again.
                try (DevSession s = ws.lease(ROWS)) {
                    assertThat(isTransactional(s)).isTrue();
                    Connection c = s.connection();
                    assertThat(one(c, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'extra'")).isZero();
                    assertThat(one(c, "SELECT COUNT(*) FROM users")).isZero();
                    exec(c, "INSERT INTO users (name) VALUES ('a')");
                    assertThat(one(c, "SELECT MAX(id) FROM users")).isEqualTo(1);
                    exec(c, "SELECT 'a' || 'b'");
                    assertThat(one(c, "SELECT @@SESSION.sql_mode LIKE '%ANSI_QUOTES%'")).isZero();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void userVariablesStayInTheirCase(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        try (Workspace ws = db.prepare(state(STATE))) {
            try (DevSession s = ws.lease(needs("SELECT @v := 42"))) {
                assertThat(isTransactional(s)).isTrue();
                assertThat(one(s.connection(), "SELECT @v := 42")).isEqualTo(42);
            }
            try (DevSession s = ws.lease(needs("SELECT @v IS NULL"))) {
                assertThat(one(s.connection(), "SELECT @v IS NULL")).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void aStateWithANonTransactionalTableRecreates(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        try (Workspace ws = db.prepare(state("CREATE TABLE m (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE = MyISAM;"))) {
            for (int i = 0; i < 2; i++) {
                try (DevSession s = ws.lease(needs("INSERT INTO m VALUES ()"))) {
                    assertThat(isTransactional(s)).isFalse();
                    assertThat(one(s.connection(), "SELECT COUNT(*) FROM m")).isZero();
                    exec(s.connection(), "INSERT INTO m VALUES ()");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void isolationRecreateTurnsTransactionsOff(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), "recreate");
        try (Workspace ws = db.prepare(state(STATE)); DevSession s = ws.lease(ROWS)) {
            assertThat(isTransactional(s)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void concurrentLeasesDoNotBlockEachOther(String scheme) throws Exception {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Workspace ws = db.prepare(state(STATE))) {
            CyclicBarrier inserted = new CyclicBarrier(2);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    try (DevSession s = ws.lease(ROWS)) {
                        assertThat(isTransactional(s)).isTrue();
                        // The same unique key in both: on one schema, the second insert would wait for the first.
                        exec(s.connection(), "INSERT INTO users (name) VALUES ('same')");
                        inserted.await(20, TimeUnit.SECONDS);
                        return one(s.connection(), "SELECT MAX(id) FROM users");
                    }
                }));
            }
            for (Future<Long> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void printsThePerCaseCost(String scheme) throws SQLException {
        DevDatabase db = open(freshSchema(TestServer.forScheme(scheme)), null);
        int n = 100;
        try (Workspace ws = db.prepare(state(STATE))) {
            for (SessionNeeds needs : List.of(ROWS, SessionNeeds.UNKNOWN, needs("SELECT * FROM users"))) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    try (DevSession s = ws.lease(needs)) {
                        exec(s.connection(), needs == ROWS || !needs.known() ? "INSERT INTO users (name) VALUES ('x')"
                                : "SELECT * FROM users");
                    }
                }
                System.out.printf("%s per case (%s): %.3f ms%n", scheme, needs.known() ? needs.statements().get(0) : "unknown",
                        (System.nanoTime() - start) / 1e6 / n);
            }
        }
    }
}
