package io.atlas4j.dialect.sqlite;

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
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Transaction isolation of SQLite sessions, on real in-process SQLite databases. */
class SqliteTransactionIsolationTest {

    private static final String SCHEMA = "CREATE TABLE users (\n"
            + "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            + "  name TEXT NOT NULL UNIQUE\n"
            + ");\n"
            + "CREATE TABLE audit (msg TEXT);\n"
            + "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN\n"
            + "  INSERT INTO audit VALUES ('added ' || NEW.name);\n"
            + "END;\n"
            + "CREATE TRIGGER no_admin BEFORE INSERT ON users WHEN NEW.name = 'admin' BEGIN\n"
            + "  SELECT RAISE(ABORT, 'admin is reserved');\n"
            + "END;\n"
            + "CREATE VIEW names AS SELECT name FROM users;\n"
            + "CREATE INDEX audit_msg ON audit (msg);\n"
            + "INSERT INTO users (name) VALUES ('seed');\n";

    @TempDir
    Path dir;

    private static String memoryUrl() {
        return "sqlite://tx" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "?mode=memory";
    }

    private String url(String kind) {
        return kind.equals("memory") ? memoryUrl() : "sqlite://" + dir.resolve("dev.db");
    }

    private SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(dir.resolve("schema.sql").toUri(), sql)));
    }

    private static DevDatabase open(String url) {
        return DevDatabases.open(DatabaseUrl.parse(url), DevOptions.defaults());
    }

    private static SessionNeeds needs(String... statements) {
        return new SessionNeeds(List.of(statements), false);
    }

    /** Runs a step's SQL as the runtime does: split with SQLite's rules, one statement at a time. */
    private static void run(Connection c, String sql) throws SQLException {
        for (SqlStatement st : StatementSplitter.split(SqlScript.of(URI.create("inline:test"), sql), SplitRules.SQLITE)) {
            try (Statement s = c.createStatement()) {
                s.execute(st.text());
            }
        }
    }

    /** Every mutation kind a case can make; each must be invisible to the next transaction session. */
    static Stream<Arguments> leftovers() {
        List<String> mutations = List.of(
                "INSERT INTO users (name) VALUES ('a'), ('b')",
                "UPDATE users SET name = 'changed'",
                "DELETE FROM users; DELETE FROM audit",
                "DELETE FROM sqlite_sequence",
                "CREATE TABLE extra (x int); INSERT INTO extra VALUES (1)",
                "DROP TABLE audit",
                "ALTER TABLE users ADD COLUMN email TEXT DEFAULT 'x'",
                "ALTER TABLE audit RENAME TO audit_log",
                "ALTER TABLE users RENAME COLUMN name TO full_name",
                "CREATE VIEW v2 AS SELECT 1 AS one",
                "DROP VIEW names",
                "CREATE TRIGGER t2 AFTER DELETE ON users BEGIN DELETE FROM audit; END",
                "DROP TRIGGER users_audit",
                "CREATE INDEX users_name ON users (name)",
                "DROP INDEX audit_msg",
                "CREATE TABLE counters (id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT INTO counters DEFAULT VALUES",
                "CREATE TEMP TABLE scratch (x); INSERT INTO scratch VALUES (1)",
                "CREATE TEMP VIEW tv AS SELECT 1 AS one",
                "CREATE TEMP TRIGGER tt AFTER INSERT ON users BEGIN DELETE FROM audit; END",
                "CREATE TABLE temp.qualified (x)",
                "ANALYZE",
                "CREATE VIRTUAL TABLE ft USING fts5(body); INSERT INTO ft VALUES ('hello')");
        List<Arguments> args = new ArrayList<>();
        for (String kind : List.of("memory", "file")) {
            for (String m : mutations) {
                args.add(Arguments.of(kind, m));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("leftovers")
    void noLeftoverReachesTheNextTransactionSession(String kind, String mutation) throws SQLException {
        try (DevDatabase dev = open(url(kind)); Workspace ws = dev.prepare(state(SCHEMA))) {
            String prepared;
            try (DevSession copy = ws.lease()) {
                prepared = snapshot(copy.connection());
            }
            String baseUrl;
            try (DevSession first = ws.lease(needs(mutation))) {
                assertThat(first).isInstanceOf(SqliteTransactionSession.class);
                baseUrl = first.url();
                assertThat(snapshot(first.connection())).isEqualTo(prepared);
                run(first.connection(), mutation);
                // The mutation took effect inside the session (or the test would prove nothing).
                assertThat(snapshot(first.connection())).isNotEqualTo(prepared);
            }
            try (DevSession second = ws.lease(needs("SELECT 1"))) {
                assertThat(second.url()).as("the base copy is reused").isEqualTo(baseUrl);
                assertThat(snapshot(second.connection())).isEqualTo(prepared);
                // AUTOINCREMENT continues from the prepared counter, and only the prepared triggers fire.
                run(second.connection(), "INSERT INTO users (name) VALUES ('next')");
                assertThat(query(second.connection(), "SELECT max(id) FROM users")).isEqualTo("2");
                assertThat(query(second.connection(), "SELECT group_concat(msg) FROM audit")).isEqualTo("added seed,added next");
            }
        }
    }

    @Test
    void aCaughtErrorKeepsEarlierEffectsAndTheSessionUsable() throws SQLException {
        List<String> failing = List.of(
                "INSERT INTO users (name) VALUES ('a')",
                "INSERT INTO users (id, name) VALUES (NULL, NULL)",
                "SELEC 1",
                "INSERT INTO missing VALUES (1)",
                "INSERT INTO users (name) VALUES ('admin')");
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            String baseUrl;
            try (DevSession s = ws.lease(needs(failing.toArray(String[]::new)))) {
                assertThat(s).isInstanceOf(SqliteTransactionSession.class);
                baseUrl = s.url();
                Connection c = s.connection();
                run(c, "INSERT INTO users (name) VALUES ('a')");
                List<String> messages = new ArrayList<>();
                for (String sql : failing) {
                    messages.add(dev.dialect().errorMessage(catchSql(c, sql)));
                    // The failing statement undid only itself: the transaction and 'a' are still there.
                    assertThat(query(c, "SELECT group_concat(name, ',') FROM (SELECT name FROM users ORDER BY id)"))
                            .isEqualTo("seed,a");
                }
                assertThat(messages).containsExactly(
                        "UNIQUE constraint failed: users.name",
                        "NOT NULL constraint failed: users.name",
                        "near \"SELEC\": syntax error",
                        "no such table: missing",
                        "admin is reserved");
                run(c, "INSERT INTO users (name) VALUES ('b')");
                assertThat(query(c, "SELECT count(*) FROM users")).isEqualTo("3");
            }
            try (DevSession next = ws.lease(needs("SELECT 1"))) {
                // The transaction survived the errors, so the base copy was rolled back and kept.
                assertThat(next.url()).isEqualTo(baseUrl);
                assertThat(query(next.connection(), "SELECT count(*) FROM users")).isEqualTo("1");
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "INSERT OR ROLLBACK INTO users (name) VALUES ('seed')",
        "CREATE TABLE r (v TEXT UNIQUE ON CONFLICT ROLLBACK)",
        "PRAGMA foreign_keys = ON",
        "PRAGMA recursive_triggers = OFF",
        "BEGIN; INSERT INTO users (name) VALUES ('a'); COMMIT",
        "SAVEPOINT s; RELEASE s",
        "VACUUM",
        "ATTACH ':memory:' AS aux",
        "SELECT last_insert_rowid()"})
    void statementsThatATransactionCannotIsolateGetACopy(String sql) throws SQLException {
        String probe = "SELECT (SELECT foreign_keys FROM pragma_foreign_keys) || ',' || (SELECT recursive_triggers"
                + " FROM pragma_recursive_triggers) || ',' || (SELECT count(*) FROM pragma_database_list) || ','"
                + " || (SELECT group_concat(name) FROM users)";
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            String prepared;
            try (DevSession next = ws.lease(needs("SELECT 1"))) {
                assertThat(next).isInstanceOf(SqliteTransactionSession.class);
                prepared = query(next.connection(), probe);
            }
            try (DevSession s = ws.lease(needs("SELECT 1", sql))) {
                assertThat(s).isInstanceOf(SqliteDevSession.class);
                // It runs with autocommit semantics, as on Atlas, without errors about nested transactions.
                try {
                    run(s.connection(), sql);
                } catch (SQLException e) {
                    assertThat(e.getMessage()).contains("UNIQUE constraint failed");
                }
            }
            try (DevSession next = ws.lease(needs("SELECT 1"))) {
                assertThat(next).isInstanceOf(SqliteTransactionSession.class);
                assertThat(query(next.connection(), probe)).isEqualTo(prepared);
            }
        }
    }

    @Test
    void onConflictRollbackKeepsAtlasSemanticsOnTheCopy() throws SQLException {
        String schema = SCHEMA + "CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT UNIQUE ON CONFLICT ROLLBACK);\n";
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(schema))) {
            assertThat(((SqliteWorkspace) ws).copyOnlyReason()).startsWith("r: ROLLBACK conflict resolution");
            try (DevSession s = ws.lease(needs("INSERT INTO users (name) VALUES ('a')", "INSERT INTO r VALUES (1, 'x')"))) {
                assertThat(s).isInstanceOf(SqliteDevSession.class);
                run(s.connection(), "INSERT INTO users (name) VALUES ('a')");
                catchSql(s.connection(), "INSERT INTO r VALUES (1, 'x'), (2, 'x')");
                // Each earlier statement committed on its own, so the conflict's ROLLBACK cannot undo it.
                assertThat(query(s.connection(), "SELECT count(*) FROM users")).isEqualTo("2");
            }
        }
    }

    @Test
    void aPreparedTriggerRaisingRollbackMakesEveryCaseACopy() {
        String schema = SCHEMA + "CREATE TRIGGER guard BEFORE DELETE ON users BEGIN SELECT RAISE(ROLLBACK, 'no'); END;\n";
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(schema));
             DevSession s = ws.lease(needs("SELECT 1"))) {
            assertThat(((SqliteWorkspace) ws).copyOnlyReason()).startsWith("guard: ROLLBACK");
            assertThat(s).isInstanceOf(SqliteDevSession.class);
        }
    }

    @Test
    void deferredForeignKeysFailAtTheStatementAsInAutocommit() throws SQLException {
        String schema = "CREATE TABLE p (id int PRIMARY KEY);\n"
                + "CREATE TABLE c (p int REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);\n";
        try (DevDatabase dev = open(memoryUrl() + "&_fk=1"); Workspace ws = dev.prepare(state(schema));
             DevSession s = ws.lease(needs("INSERT INTO c VALUES (42)"))) {
            assertThat(((SqliteWorkspace) ws).copyOnlyReason()).startsWith("c: DEFERRED");
            // Inside a transaction the check would wait for a COMMIT that never comes.
            assertThat(dev.dialect().errorMessage(catchSql(s.connection(), "INSERT INTO c VALUES (42)")))
                    .isEqualTo("FOREIGN KEY constraint failed");
        }
    }

    @Test
    void aDevUrlDeferringForeignKeysMakesEveryCaseACopy() {
        try (DevDatabase dev = open(memoryUrl() + "&_fk=1&_defer_fk=1"); Workspace ws = dev.prepare(state(SCHEMA));
             DevSession s = ws.lease(needs("SELECT 1"))) {
            assertThat(s).isInstanceOf(SqliteDevSession.class);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"COMMIT", "INSERT OR ROLLBACK INTO users (name) VALUES ('seed')"})
    void aBaseCopyWhoseTransactionAStatementEndedIsDiscarded(String ender) throws SQLException {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            String baseUrl;
            // The needs do not mention the statement that ends the transaction: the close must notice anyway.
            try (DevSession s = ws.lease(needs("INSERT INTO users (name) VALUES ('a')"))) {
                assertThat(s).isInstanceOf(SqliteTransactionSession.class);
                baseUrl = s.url();
                run(s.connection(), "INSERT INTO users (name) VALUES ('a')");
                try {
                    run(s.connection(), ender);
                } catch (SQLException expected) {
                    // OR ROLLBACK fails the statement and ends the transaction.
                }
                // Now in autocommit: this row is committed to the base copy.
                run(s.connection(), "INSERT INTO users (name) VALUES ('committed')");
            }
            try (DevSession next = ws.lease(needs("SELECT 1"))) {
                assertThat(next.url()).as("a fresh base copy").isNotEqualTo(baseUrl);
                assertThat(query(next.connection(), "SELECT group_concat(name) FROM users")).isEqualTo("seed");
            }
            try (Connection old = dev.dialect().connect(DatabaseUrl.parse(baseUrl))) {
                assertThat(query(old, "SELECT count(*) FROM sqlite_master")).as("the old base copy is gone").isEqualTo("0");
            }
        }
    }

    @Test
    void concurrentLeasesEachGetTheirOwnBaseCopy() throws Exception {
        int threads = 4;
        int rounds = 25;
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CyclicBarrier together = new CyclicBarrier(threads);
            Set<String> urls = ConcurrentHashMap.newKeySet();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int r = 0; r < rounds; r++) {
                            String name = "t" + thread + "r" + r;
                            try (DevSession s = ws.lease(needs("INSERT INTO users (name) VALUES ('" + name + "')"))) {
                                assertThat(s).isInstanceOf(SqliteTransactionSession.class);
                                urls.add(s.url());
                                run(s.connection(), "INSERT INTO users (name) VALUES ('" + name + "')");
                                // Every thread holds an open write transaction here at the same time.
                                together.await(10, TimeUnit.SECONDS);
                                assertThat(query(s.connection(), "SELECT group_concat(name) FROM users"))
                                        .isEqualTo("seed," + name);
                                together.await(10, TimeUnit.SECONDS);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            int bases = ((SqliteWorkspace) ws).baseCopies();
            assertThat(bases).isEqualTo(threads);
            assertThat(urls).hasSize(threads);
        }
    }

    @Test
    void aTransactionSessionHasOneConnectionAndItsUrlReachesTheBaseCopy() throws SQLException {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA));
             DevSession s = ws.lease(needs("INSERT INTO users (name) VALUES ('a')"))) {
            assertThatThrownBy(s::newConnection)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("single connection");
            run(s.connection(), "INSERT INTO users (name) VALUES ('a')");
            assertThat(s.connection().getAutoCommit()).isTrue();
            assertThat(s.url()).startsWith("sqlite://").contains("mode=memory");
        }
    }

    @Test
    void leasesWithoutNeedsAndUnknownOrExternalNeedsAreCopies() {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            for (SessionNeeds n : List.of(SessionNeeds.UNKNOWN, new SessionNeeds(List.of("SELECT 1"), true))) {
                try (DevSession s = ws.lease(n)) {
                    assertThat(s).isInstanceOf(SqliteDevSession.class);
                }
            }
            try (DevSession s = ws.lease()) {
                assertThat(s).isInstanceOf(SqliteDevSession.class);
            }
        }
    }

    @Test
    void theCopySettingTurnsTransactionsOff() {
        DevOptions copy = new DevOptions(Duration.ofSeconds(10), Map.of("atlas4j.sqlite.isolation", "copy"));
        try (DevDatabase dev = DevDatabases.open(DatabaseUrl.parse(memoryUrl()), copy);
             Workspace ws = dev.prepare(state(SCHEMA)); DevSession s = ws.lease(needs("SELECT 1"))) {
            assertThat(s).isInstanceOf(SqliteDevSession.class);
            assertThat(((SqliteWorkspace) ws).copyOnlyReason()).isEqualTo("atlas4j.sqlite.isolation=copy");
        }
        DevOptions auto = new DevOptions(Duration.ofSeconds(10), Map.of("atlas4j.sqlite.isolation", "AUTO"));
        try (DevDatabase dev = DevDatabases.open(DatabaseUrl.parse(memoryUrl()), auto);
             Workspace ws = dev.prepare(state(SCHEMA)); DevSession s = ws.lease(needs("SELECT 1"))) {
            assertThat(s).isInstanceOf(SqliteTransactionSession.class);
        }
    }

    @Test
    void anUnknownIsolationSettingIsAConfigurationError() {
        DevOptions bad = new DevOptions(Duration.ofSeconds(10), Map.of("atlas4j.sqlite.isolation", "savepoint"));
        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse(memoryUrl()), bad))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("invalid value \"savepoint\" for atlas4j.sqlite.isolation");
                    assertThat(e.hint()).contains("auto").contains("copy");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "file"})
    void closingTheDevDatabaseEndsOpenTransactionSessionsAndFreesBaseCopies(String kind) throws SQLException {
        DevDatabase dev = open(url(kind));
        Workspace ws = dev.prepare(state(SCHEMA));
        DevSession idle = ws.lease(needs("SELECT 1"));
        String idleUrl = idle.url();
        idle.close();
        DevSession open = ws.lease(needs("INSERT INTO users (name) VALUES ('a')"));
        run(open.connection(), "INSERT INTO users (name) VALUES ('a')");
        dev.close();

        assertThat(open.connection().isClosed()).isTrue();
        assertThat(((SqliteWorkspace) ws).baseCopies()).isZero();
        assertThatThrownBy(() -> ws.lease(needs("SELECT 1"))).isInstanceOf(IllegalStateException.class);
        if (kind.equals("file")) {
            assertThat(Path.of(SqliteConnectionSpec.dsnName(idleUrl))).doesNotExist();
        }
    }

    /** Prints lease+close times of both isolation modes; informative only, nothing is asserted on time. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "file"})
    void perLeaseTimes(String kind) throws SQLException {
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            wide.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, a TEXT, b INT);\n");
            wide.append("CREATE INDEX t").append(i).append("_a ON t").append(i).append(" (a);\n");
        }
        String bench = "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, email varchar(200) UNIQUE);\n";
        for (Map.Entry<String, String> schema : Map.of("1 table", bench, "50 tables", wide.toString()).entrySet()) {
            try (DevDatabase dev = open(kind.equals("memory") ? memoryUrl() : "sqlite://" + dir.resolve("t" + schema.getKey().length() + ".db"));
                 Workspace ws = dev.prepare(state(schema.getValue()))) {
                String insert = schema.getKey().equals("1 table")
                        ? "INSERT INTO users (id, name, email) VALUES (1, 'u', 'u@x')"
                        : "INSERT INTO t7 (a, b) VALUES ('u', 1)";
                SessionNeeds n = needs(insert);
                // File copies are created and synced on disk: fewer rounds keep the test short.
                int rounds = kind.equals("memory") ? 1000 : 100;
                double copy = timeLeases(() -> ws.lease(), insert, rounds);
                double tx = timeLeases(() -> ws.lease(n), insert, rounds);
                System.out.printf("SQLite (%s, %s) lease + insert + close: copy %.1f µs, transaction %.1f µs%n",
                        kind, schema.getKey(), copy, tx);
            }
        }
    }

    private interface Leaser {
        DevSession lease();
    }

    private static double timeLeases(Leaser leaser, String insert, int n) throws SQLException {
        int warmup = n / 5;
        long start = 0;
        for (int i = 0; i < warmup + n; i++) {
            if (i == warmup) {
                start = System.nanoTime();
            }
            try (DevSession s = leaser.lease(); Statement st = s.connection().createStatement()) {
                st.execute(insert);
            }
        }
        return (System.nanoTime() - start) / 1000.0 / n;
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Everything a case could observe: main and temp schemas, and every row of every main table. */
    private static String snapshot(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        List<String> tables = new ArrayList<>();
        for (String master : List.of("sqlite_master", "sqlite_temp_master")) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM " + master + " ORDER BY type, name")) {
                while (rs.next()) {
                    sb.append(master).append(": ").append(rs.getString(1)).append(' ').append(rs.getString(2))
                            .append(" on ").append(rs.getString(3)).append(": ").append(rs.getString(4)).append('\n');
                    if (master.equals("sqlite_master") && rs.getString(1).equals("table") && rs.getString(4) != null
                            && !rs.getString(4).startsWith("CREATE VIRTUAL")) {
                        tables.add(rs.getString(2));
                    }
                }
            }
        }
        for (String table : tables) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            sb.append(table).append(": ").append(rows).append('\n');
        }
        return sb.toString();
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static SQLException catchSql(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an error from " + sql);
    }

}
