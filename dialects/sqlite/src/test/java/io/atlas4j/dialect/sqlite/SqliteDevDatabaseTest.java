package io.atlas4j.dialect.sqlite;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteDevDatabaseTest {

    private static final String SCHEMA = "CREATE TABLE users (\n"
            + "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            + "  name TEXT NOT NULL\n"
            + ");\n"
            + "CREATE TABLE audit (msg TEXT);\n"
            + "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN\n"
            + "  INSERT INTO audit VALUES ('added ' || NEW.name);\n"
            + "END;\n"
            + "INSERT INTO users (name) VALUES ('seed');\n";

    @TempDir
    Path dir;

    private static String memoryUrl() {
        return "sqlite://t" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "?mode=memory";
    }

    private SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(dir.resolve("schema.sql").toUri(), sql)));
    }

    private static DevDatabase open(String url) {
        return DevDatabases.open(DatabaseUrl.parse(url), DevOptions.defaults());
    }

    @Test
    void aMemoryDatabaseWithATableIsNotClean() throws SQLException {
        String url = memoryUrl();
        try (Connection holder = new SqliteDialect().connect(DatabaseUrl.parse(url))) {
            holder.createStatement().execute("CREATE TABLE t (a int)");

            assertThatThrownBy(() -> open(url))
                    .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                        assertThat(e.getMessage()).isEqualTo("sql/migrate: connected database is not clean: found table \"t\"");
                        assertThat(e.hint()).contains("empty database");
                    });
        }
    }

    @Test
    void aFileWithTablesIsNotCleanAndSqliteSequenceDoesNotCount() throws SQLException {
        Path file = dir.resolve("dirty.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE zeta (a int)");
            c.createStatement().execute("CREATE TABLE alpha (id INTEGER PRIMARY KEY AUTOINCREMENT)");
            c.createStatement().execute("INSERT INTO alpha DEFAULT VALUES");
        }
        assertThatThrownBy(() -> open("sqlite://" + file))
                .hasMessage("sql/migrate: connected database is not clean: found table \"alpha\"");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("DROP TABLE zeta");
            c.createStatement().execute("DROP TABLE alpha");
            // sqlite_sequence stays behind once AUTOINCREMENT was used; it is SQLite's, not the user's.
            assertThat(count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")).isEqualTo(1);
        }
        open("sqlite://" + file).close();
    }

    @Test
    void anUnreachableFileIsAConnectionError() {
        assertThatThrownBy(() -> open("sqlite:///nonexistent-atlas4j-dir/sub/dev.db"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
                    assertThat(e.getMessage()).startsWith("cannot open dev database sqlite:///nonexistent-atlas4j-dir/sub/dev.db: ");
                    assertThat(e.hint()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "file"})
    void sessionsStartFromThePreparedStateAndLeakNothing(String kind) throws SQLException {
        String url = kind.equals("memory") ? memoryUrl() : "sqlite://" + dir.resolve("dev.db");
        try (DevDatabase dev = open(url); Workspace ws = dev.prepare(state(SCHEMA))) {
            try (DevSession first = ws.lease()) {
                Statement s = first.connection().createStatement();
                s.execute("INSERT INTO users (name) VALUES ('a'), ('b')");
                s.execute("CREATE TABLE extra (x int)");
                s.execute("DROP TABLE audit");
                assertThat(count(first.connection(), "SELECT max(id) FROM users")).isEqualTo(3);
            }
            try (DevSession second = ws.lease()) {
                Connection c = second.connection();
                assertThat(count(c, "SELECT count(*) FROM users")).isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM audit")).isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'extra'")).isZero();
                // AUTOINCREMENT state (sqlite_sequence) is part of the copy, not shared.
                c.createStatement().execute("INSERT INTO users (name) VALUES ('c')");
                assertThat(count(c, "SELECT max(id) FROM users")).isEqualTo(2);
                assertThat(count(c, "SELECT count(*) FROM audit")).isEqualTo(2);
            }
        }
    }

    @Test
    void aSessionsOtherConnectionsReachTheSameCopyAndNoOther() throws SQLException {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA));
             DevSession a = ws.lease(); DevSession b = ws.lease()) {
            a.connection().createStatement().execute("INSERT INTO users (name) VALUES ('only-a')");
            try (Connection again = a.newConnection();
                 Connection byUrl = dev.dialect().connect(DatabaseUrl.parse(a.url()))) {
                assertThat(count(again, "SELECT count(*) FROM users")).isEqualTo(2);
                assertThat(count(byUrl, "SELECT count(*) FROM users")).isEqualTo(2);
            }
            assertThat(count(b.connection(), "SELECT count(*) FROM users")).isEqualTo(1);
            assertThat(a.url()).isNotEqualTo(b.url()).startsWith("sqlite://").contains("mode=memory");
        }
    }

    @Test
    void closingASessionDiscardsItsCopyEvenWithForgottenConnections() throws SQLException {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            DevSession session = ws.lease();
            Connection forgotten = session.newConnection();
            session.connection().createStatement().execute("INSERT INTO users (name) VALUES ('x')");
            String url = session.url();
            session.close();

            assertThat(forgotten.isClosed()).isTrue();
            try (Connection c = dev.dialect().connect(DatabaseUrl.parse(url))) {
                assertThat(count(c, "SELECT count(*) FROM sqlite_master")).isZero();
            }
        }
    }

    @Test
    void fileSessionsAreFilesThatExternalProgramsCanOpenAndTheDevFileStaysClean() throws SQLException {
        Path devFile = dir.resolve("dev.db");
        String sessionUrl;
        Path sessionFile;
        try (DevDatabase dev = open("sqlite://" + devFile + "?_fk=1"); Workspace ws = dev.prepare(state(SCHEMA))) {
            try (DevSession session = ws.lease()) {
                sessionUrl = session.url();
                assertThat(sessionUrl).startsWith("sqlite:///").endsWith("?_fk=1");
                sessionFile = Path.of(SqliteConnectionSpec.dsnName(sessionUrl));
                assertThat(sessionFile).exists();
                try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + sessionFile)) {
                    assertThat(count(plain, "SELECT count(*) FROM users")).isEqualTo(1);
                }
                assertThat(count(session.connection(), "PRAGMA foreign_keys")).isEqualTo(1);
            }
            assertThat(sessionFile).doesNotExist();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + devFile)) {
                assertThat(count(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table'")).isZero();
            }
        }
        assertThat(sessionFile.getParent()).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + devFile)) {
            assertThat(count(c, "SELECT count(*) FROM sqlite_master")).isZero();
        }
        // The dev file is clean again, so it can be opened as a dev database once more (P31).
        open("sqlite://" + devFile).close();
    }

    @Test
    void aFailingStatementNamesItsFileLineAndColumn() {
        String sql = "CREATE TABLE ok (a int);\n\n  INSERT INTO missing VALUES (1);\n";
        try (DevDatabase dev = open(memoryUrl())) {
            assertThatThrownBy(() -> dev.prepare(state(sql)))
                    .isInstanceOfSatisfying(StatementFailedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                        assertThat(e.getMessage()).isEqualTo(dir.resolve("schema.sql") + ":3:3: no such table: missing");
                        assertThat(e.statement().text()).isEqualTo("INSERT INTO missing VALUES (1)");
                    });
        }
    }

    @Test
    void theEmptyStateGivesEmptySessions() throws SQLException {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(SchemaState.EMPTY);
             DevSession session = ws.lease()) {
            assertThat(count(session.connection(), "SELECT count(*) FROM sqlite_master")).isZero();
            assertThat(ws.state()).isEqualTo(SchemaState.EMPTY);
        }
    }

    @Test
    void foreignKeysOfTheDevUrlHoldInSessions() throws SQLException {
        String sql = "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p int REFERENCES p (id));";
        try (DevDatabase dev = open(memoryUrl() + "&_fk=1"); Workspace ws = dev.prepare(state(sql));
             DevSession session = ws.lease(); Connection other = session.newConnection()) {
            for (Connection c : List.of(session.connection(), other)) {
                assertThatThrownBy(() -> c.createStatement().execute("INSERT INTO c VALUES (42)"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(dev.dialect().errorMessage((SQLException) e))
                                .isEqualTo("FOREIGN KEY constraint failed"));
            }
        }
    }

    @Test
    void leasesFromManyThreadsAreDistinctCopies() throws Exception {
        try (DevDatabase dev = open(memoryUrl()); Workspace ws = dev.prepare(state(SCHEMA))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    int n = i;
                    Callable<String> task = () -> {
                        try (DevSession s = ws.lease()) {
                            s.connection().createStatement().execute("INSERT INTO users (name) VALUES ('t" + n + "')");
                            assertThat(count(s.connection(), "SELECT count(*) FROM users")).isEqualTo(2);
                            return s.url();
                        }
                    };
                    futures.add(pool.submit(task));
                }
                Set<String> urls = new HashSet<>();
                for (Future<String> f : futures) {
                    urls.add(f.get());
                }
                assertThat(urls).hasSize(16);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closingTheDevDatabaseClosesOpenSessionsAndWorkspaces() throws SQLException {
        DevDatabase dev = open(memoryUrl());
        Workspace ws = dev.prepare(state(SCHEMA));
        DevSession session = ws.lease();
        dev.close();

        assertThat(session.connection().isClosed()).isTrue();
        assertThatThrownBy(ws::lease).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> dev.prepare(SchemaState.EMPTY)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "file"})
    void leaseTimeIsSmall(String kind) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, a TEXT, b INT);\n");
            sql.append("CREATE INDEX t").append(i).append("_a ON t").append(i).append(" (a);\n");
        }
        String url = kind.equals("memory") ? memoryUrl() : "sqlite://" + dir.resolve("timed.db");
        try (DevDatabase dev = open(url); Workspace ws = dev.prepare(state(sql.toString()))) {
            int n = 100;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (DevSession s = ws.lease()) {
                    assertThat(count(s.connection(), "SELECT count(*) FROM sqlite_master WHERE type = 'table'")).isEqualTo(50);
                }
            }
            long perLeaseMicros = (System.nanoTime() - start) / n / 1000;
            System.err.println("SQLite (" + kind + ") lease+close of a 50-table state: " + perLeaseMicros + " µs");
            // Generous bound: a copy is expected in about a millisecond, a rebuild takes far longer.
            assertThat(perLeaseMicros).isLessThan(50_000);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
