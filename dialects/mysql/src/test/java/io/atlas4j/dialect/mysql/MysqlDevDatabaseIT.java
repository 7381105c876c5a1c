package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.StatementFailedException;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dev database on a real server, in schema scope. Each test works in a schema of its own
 * ({@code a4j_it_<random>}), so the tests neither depend on nor disturb the URL's schema.
 */
class MysqlDevDatabaseIT {

    private static final URI STATE_FILE = Path.of("").toAbsolutePath().resolve("schema.sql").toUri();

    private static final String STATE = String.join("\n",
            "CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL);",
            "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT,",
            "  CONSTRAINT audit_user FOREIGN KEY (user_id) REFERENCES users (id));",
            "INSERT INTO users (name) VALUES ('a'), ('b');",
            "CREATE VIEW user_names AS SELECT name FROM users;",
            "DELIMITER //",
            "CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW BEGIN",
            "  INSERT INTO audit (user_id) VALUES (NEW.id);",
            "END//",
            "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC BEGIN RETURN x * 2; END//",
            "DELIMITER ;",
            "-- a session variable set by the state must not reach the sessions",
            "SET @from_state = 'leaked';",
            "SET SESSION sql_mode = 'ANSI_QUOTES';");

    private final List<DevDatabase> opened = new ArrayList<>();
    private DatabaseUrl server;
    private String schema;

    /** A fresh schema for the test on the server of {@code base}; dropped afterwards. */
    private DatabaseUrl freshSchema(DatabaseUrl base) throws SQLException {
        server = base;
        schema = "a4j_it_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        TestServer.exec(base, "CREATE DATABASE `" + schema + "`");
        return TestServer.withSchema(base, schema);
    }

    private DevDatabase open(DatabaseUrl url) {
        DevDatabase db = DevDatabases.open(url, DevOptions.defaults());
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

    // ---- cleanliness --------------------------------------------------------------------------------

    @Test
    void refusesASchemaHoldingATable() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        TestServer.exec(url, "CREATE TABLE `" + schema + "`.t (id INT)", "CREATE TABLE `" + schema + "`.u (id INT)");

        assertThatThrownBy(() -> open(url))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo(
                            "sql/migrate: connected database is not clean: found table \"t\" in schema \"" + schema + "\"");
                    assertThat(e.hint()).contains("empty schema");
                });
        assertThat(TestServer.objects(url, schema)).as("the check changes nothing").hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            view      | CREATE VIEW %s.v AS SELECT 1 AS one                                | found view "v"
            function  | CREATE FUNCTION %s.f() RETURNS INT DETERMINISTIC RETURN 1           | found function "f"
            procedure | CREATE PROCEDURE %s.p() SELECT 1                                    | found procedure "p"
            event     | CREATE EVENT %s.e ON SCHEDULE EVERY 1 DAY DISABLE DO SELECT 1       | found event "e"
            """)
    void refusesASchemaHoldingObjectsItWouldDrop(String kind, String ddl, String reason) throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        TestServer.exec(url, String.format(ddl, "`" + schema + "`"));

        assertThatThrownBy(() -> open(url))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo(
                            "sql/migrate: connected database is not clean: " + reason + " in schema \"" + schema + "\"");
                });
    }

    @Test
    void refusesAServerWithUserSchemasInServerScope() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DatabaseUrl serverScope = TestServer.withSchema(url, null);

        Atlas4jException e = catchThrowableOfType(Atlas4jException.class, () -> open(serverScope));

        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
        assertThat(e.getMessage()).matches("sql/migrate: connected database is not clean: found schema \"[^\"]+\"");
        assertThat(e.hint()).contains("add a schema to the URL");
        String found = e.getMessage().replaceAll(".*found schema \"([^\"]+)\"", "$1");
        assertThat(found).isNotIn(DevScope.SYSTEM_SCHEMAS);
        assertThat(TestServer.schemas(url, found)).as("an existing user schema").contains(found);
    }

    @Test
    void missingSchemaIsNamedWithAHint() throws SQLException {
        DatabaseUrl url = TestServer.withSchema(TestServer.mysql(), "a4j_it_does_not_exist");

        assertThatThrownBy(() -> open(url))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("schema \"a4j_it_does_not_exist\" of dev database ")
                            .endsWith(" does not exist");
                    assertThat(e.hint()).isEqualTo("create it: CREATE DATABASE `a4j_it_does_not_exist`");
                });
    }

    @Test
    void wrongPasswordIsAConnectionErrorWithoutThePassword() throws SQLException {
        DatabaseUrl good = TestServer.mysql();
        DatabaseUrl bad = DatabaseUrl.rebuild(good.scheme(), good.user(), "Wr0ng-Secret", good.host(), good.port(),
                good.path(), good.query());

        assertThatThrownBy(() -> open(bad))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
                    assertThat(e.getMessage()).contains("Access denied").contains(":xxxxx@").doesNotContain("Wr0ng-Secret");
                });
    }

    // ---- isolation ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}://")
    @ValueSource(strings = {"mysql", "maria"})
    void everySessionStartsAtThePreparedState(String scheme) throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.forScheme(scheme));
        DevDatabase db = open(url);
        Workspace workspace = db.prepare(state(STATE));

        try (DevSession first = workspace.lease()) {
            Connection c = first.connection();
            assertThat(first.url()).startsWith(scheme + "://");
            assertThat(query(c, "SELECT DATABASE()")).isEqualTo(schema);
            assertThat(query(c, "SELECT @from_state")).as("state's session variables stay in the build").isNull();
            assertThat(query(c, "SELECT @@SESSION.sql_mode")).doesNotContain("ANSI_QUOTES");
            assertThat(query(c, "SELECT COUNT(*) FROM audit")).isEqualTo("0");
            exec(c, "INSERT INTO users (name) VALUES ('c'), ('d')",
                    "DELETE FROM users WHERE name = 'a'",
                    "CREATE TABLE extra (id INT)",
                    "DROP VIEW user_names",
                    "DROP TRIGGER users_audit",
                    "DROP TABLE audit",
                    "ALTER TABLE users ADD COLUMN added INT",
                    "DROP FUNCTION twice",
                    "CREATE TEMPORARY TABLE tmp (id INT)",
                    "SET @x = 42",
                    "SET SESSION sql_mode = 'ANSI_QUOTES'",
                    "SET SESSION auto_increment_increment = 5");
            assertThat(query(c, "SELECT MAX(id) FROM users")).isEqualTo("4");
            try (Connection other = first.newConnection()) {
                assertThat(query(other, "SELECT DATABASE()")).isEqualTo(schema);
                assertThat(query(other, "SELECT COUNT(*) FROM extra")).isEqualTo("0");
            }
        }

        try (DevSession second = workspace.lease()) {
            Connection c = second.connection();
            assertThat(query(c, "SELECT GROUP_CONCAT(name ORDER BY id) FROM users")).isEqualTo("a,b");
            assertThat(query(c, "SELECT COUNT(*) FROM audit")).as("dropped table is back, empty").isEqualTo("0");
            assertThat(query(c, "SELECT COUNT(*) FROM user_names")).isEqualTo("2");
            assertThat(query(c, "SELECT twice(21)")).isEqualTo("42");
            assertThat(query(c, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'users' AND COLUMN_NAME = 'added'")).isEqualTo("0");
            assertThat(query(c, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME IN ('extra', 'tmp')")).isEqualTo("0");
            assertThatThrownBy(() -> query(c, "SELECT * FROM tmp")).isInstanceOf(SQLException.class);
            assertThat(query(c, "SELECT @x")).isNull();
            assertThat(query(c, "SELECT @@SESSION.sql_mode")).doesNotContain("ANSI_QUOTES");
            assertThat(query(c, "SELECT @@SESSION.auto_increment_increment")).isEqualTo("1");
            exec(c, "INSERT INTO users (name) VALUES ('c')");
            assertThat(query(c, "SELECT MAX(id) FROM users")).as("AUTO_INCREMENT starts where the state left it").isEqualTo("3");
            assertThat(query(c, "SELECT GROUP_CONCAT(user_id) FROM audit")).as("trigger is back").isEqualTo("3");
        }
    }

    @Test
    void emptyStateSessionsStartEmpty() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        Workspace empty = db.prepare(SchemaState.EMPTY);

        for (int i = 0; i < 2; i++) {
            try (DevSession s = empty.lease()) {
                assertThat(query(s.connection(), "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))
                        .isEqualTo("0");
                exec(s.connection(), "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY)", "INSERT INTO t VALUES (NULL)");
            }
        }
    }

    @Test
    void workspacesOfDifferentStatesTakeTurnsOnOneSchema() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        Workspace a = db.prepare(state("CREATE TABLE a (id INT);"));
        Workspace b = db.prepare(state("CREATE TABLE b (id INT);"));

        for (Workspace w : List.of(a, b, a)) {
            try (DevSession s = w.lease()) {
                String expected = w == a ? "a" : "b";
                assertThat(query(s.connection(), "SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE()")).isEqualTo(expected);
                assertThat(query(s.connection(), "SELECT DATABASE()")).isEqualTo(schema);
            }
        }
    }

    @Test
    void concurrentSessionsGetSchemasOfTheirOwn() throws Exception {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        Workspace workspace = db.prepare(state(STATE));
        int threads = 4;
        CyclicBarrier allOpen = new CyclicBarrier(threads);
        Set<String> schemas = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    try (DevSession s = workspace.lease()) {
                        String mine = query(s.connection(), "SELECT DATABASE()");
                        assertThat(DatabaseUrl.parse(s.url()).path()).isEqualTo(mine);
                        exec(s.connection(), "INSERT INTO users (name) VALUES ('t" + n + "')");
                        allOpen.await(60, TimeUnit.SECONDS);
                        assertThat(query(s.connection(), "SELECT COUNT(*) FROM users")).isEqualTo("3");
                        try (Connection other = s.newConnection()) {
                            assertThat(query(other, "SELECT name FROM users WHERE id = 3")).isEqualTo("t" + n);
                        }
                        schemas.add(mine);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(schemas).hasSize(threads).contains(schema);
        assertThat(TestServer.schemas(url, "atlas4j_" + schema)).hasSize(threads - 1);

        db.close();
        assertThat(TestServer.schemas(url, "atlas4j_" + schema)).as("extra schemas are dropped").isEmpty();
        assertThat(TestServer.objects(url, schema)).isEmpty();
    }

    // ---- failures -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}://")
    @ValueSource(strings = {"mysql", "maria"})
    void failingStatementIsNamedByFileLineAndColumn(String scheme) throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.forScheme(scheme));
        DevDatabase db = open(url);
        String text = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n\n  INSERT INTO nope VALUES (1);\nCREATE TABLE c (id INT);\n";

        assertThatThrownBy(() -> db.prepare(state(text)))
                .isInstanceOfSatisfying(StatementFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("schema.sql:4:3: Table '" + schema + ".nope' doesn't exist");
                    assertThat(e.statement().text()).isEqualTo("INSERT INTO nope VALUES (1)");
                    assertThat(e.databaseMessage()).isEqualTo("Table '" + schema + ".nope' doesn't exist");
                });
        assertThat(TestServer.objects(url, schema)).as("a failed preparation leaves the schema empty").isEmpty();

        try (DevSession s = db.prepare(state("CREATE TABLE ok (id INT);")).lease()) {
            assertThat(query(s.connection(), "SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE()")).isEqualTo("ok");
        }
    }

    @Test
    void failingStatementInEmbeddedSqlKeepsTheHostFilePosition() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        URI hcl = Path.of("").toAbsolutePath().resolve("schema.test.hcl").toUri();
        SqlScript heredoc = new SqlScript(hcl, "CREATE TABLE a (id INT);\nSELECT * FROM missing;\n", 12, 5);

        assertThatThrownBy(() -> db.prepare(new SchemaState(List.of(heredoc))))
                .isInstanceOfSatisfying(StatementFailedException.class, e -> {
                    assertThat(e.statement().range().line()).isEqualTo(13);
                    assertThat(e.getMessage()).startsWith("schema.test.hcl:13:").endsWith("missing' doesn't exist");
                });
    }

    // ---- clean-up -----------------------------------------------------------------------------------

    @Test
    void closingEmptiesTheSchemaEvenWithSessionsLeftOpen() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        Workspace workspace = db.prepare(state(STATE));
        DevSession forgotten = workspace.lease();
        Connection leaked = forgotten.newConnection();
        exec(leaked, "SET autocommit = 0", "INSERT INTO users (name) VALUES ('locks')");

        db.close();

        assertThat(forgotten.connection().isClosed()).isTrue();
        assertThat(leaked.isClosed()).isTrue();
        assertThat(TestServer.schemas(url, schema)).containsExactly(schema);
        assertThat(TestServer.objects(url, schema)).isEmpty();
        assertThatThrownBy(workspace::lease).isInstanceOf(RuntimeException.class);
    }

    @Test
    void closingAWorkspaceRemovesItsState() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        Workspace workspace = db.prepare(state(STATE));
        assertThat(TestServer.objects(url, schema)).isNotEmpty();

        workspace.close();

        assertThat(TestServer.objects(url, schema)).isEmpty();
    }

    @Test
    void sessionCloseClosesTheConnectionsItHandedOut() throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.mysql());
        DevDatabase db = open(url);
        Workspace workspace = db.prepare(state(STATE));
        DevSession s = workspace.lease();
        Connection open = s.newConnection();
        // An open transaction holds a metadata lock on users; the drop must not wait for it.
        exec(open, "SET autocommit = 0", "INSERT INTO users (name) VALUES ('x')");

        long start = System.nanoTime();
        s.close();

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        assertThat(open.isClosed()).isTrue();
        assertThat(TestServer.objects(url, schema)).isEmpty();
    }

    // ---- the URL's own schema, found through the registries -----------------------------------------

    @Test
    void usesTheUrlSchemaThroughTheRegistriesAndLeavesItEmpty() throws SQLException {
        DatabaseUrl url = TestServer.mysql();
        assumeTrue(!url.path().isEmpty(), TestServer.MYSQL_ENV + " has no schema");
        DevDatabase db = open(url);

        assertThat(db).isInstanceOf(MysqlDevDatabase.class);
        try (DevSession s = db.prepare(state("CREATE TABLE t (id INT);")).lease()) {
            assertThat(DatabaseUrl.parse(s.url()).path()).isEqualTo(url.path());
            DatabaseUrl sessionUrl = DatabaseUrl.parse(s.url());
            try (Connection external = Dialects.forUrl(sessionUrl).connect(sessionUrl)) {
                assertThat(query(external, "SELECT COUNT(*) FROM t")).isEqualTo("0");
            }
        }
        db.close();

        assertThat(TestServer.objects(url, url.path())).isEmpty();
    }

    // ---- how long a lease takes ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}://")
    @ValueSource(strings = {"mysql", "maria"})
    void measuresLeases(String scheme) throws SQLException {
        DatabaseUrl url = freshSchema(TestServer.forScheme(scheme));
        DevDatabase db = open(url);
        StringBuilder ddl = new StringBuilder();
        int tables = 20;
        for (int i = 0; i < tables; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL,")
                    .append(" p INT, KEY k (name)")
                    .append(i > 0 ? ", CONSTRAINT f" + i + " FOREIGN KEY (p) REFERENCES t" + (i - 1) + " (id)" : "")
                    .append(");\n");
        }
        Workspace full = db.prepare(state(ddl.toString()));
        Workspace empty = db.prepare(SchemaState.EMPTY);
        int rounds = 10;
        for (Workspace w : List.of(full, empty)) {
            long lease = 0;
            long close = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                DevSession s = w.lease();
                long t1 = System.nanoTime();
                assertThat(query(s.connection(), "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))
                        .isEqualTo(w == full ? Integer.toString(tables) : "0");
                exec(s.connection(), "CREATE TABLE scratch (id INT)");
                long t2 = System.nanoTime();
                s.close();
                long t3 = System.nanoTime();
                lease += t1 - t0;
                close += t3 - t2;
            }
            System.out.printf("lease timing (%s, %s state): lease %.1f ms, close %.1f ms (mean of %d)%n",
                    url.scheme(), w == full ? tables + "-table" : "empty", lease / 1e6 / rounds, close / 1e6 / rounds, rounds);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
