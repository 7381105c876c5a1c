package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.Dialects;
import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code migrate apply} process killed (SIGKILL) in the middle of a file, on real PostgreSQL and MariaDB
 * servers: the database and the revisions table agree afterwards, {@code migrate status} says where the
 * run stopped, and the next {@code migrate apply} finishes the job without running anything twice.
 *
 * <p>The second file's middle statement waits for a lock this test holds (an advisory lock,
 * {@code GET_LOCK}), so the process is killed at a known statement; the test then lets the lock go, and
 * the server ends the orphaned session when it finds its client gone. MySQL commits DDL on its own, so
 * there a killed {@code --tx-mode file} run keeps (and has recorded) the statements before the kill, as
 * {@code none} does everywhere.
 */
class MigrateApplyKilledIT {

    @TempDir
    Path dir;

    private Backend backend;

    @AfterEach
    void drop() throws SQLException {
        if (backend != null) {
            backend.drop();
        }
    }

    @ParameterizedTest(name = "{0}, --tx-mode {1}")
    @CsvSource({"postgres, file", "postgres, none", "mysql, file", "mysql, none"})
    void aKilledRunIsResumedByTheNext(String dialect, String txMode) throws Exception {
        backend = dialect.equals("postgres") ? new Postgres() : new Mysql();
        DatabaseUrl url = backend.create();
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(migrations.resolve("2_b.sql"), "CREATE TABLE b (id int);\n" + backend.blockingStatement()
                + "\nCREATE TABLE c (id int);\n");
        assertThat(Cli.run(dir, "migrate", "hash").exitCode()).isZero();

        try (Connection holder = Dialects.forUrl(url).connect(url)) {
            exec(holder, backend.takeLock());
            Process process = new ProcessBuilder(script().toString(), "migrate", "apply", "--url", url.raw(),
                    "--tx-mode", txMode)
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("killed.txt").toFile()).start();
            waitUntilBlocked(url);
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Closing the holder releases the lock; the orphaned session then finds its client gone.
        }
        assertThat(Files.readString(dir.resolve("killed.txt"))).contains("-- migrating version 2");

        CliResult status = Cli.run(dir, "migrate", "status", "--url", url.raw());
        boolean statementsKept = txMode.equals("none") || dialect.equals("mysql");
        if (statementsKept) {
            // Statement 1 of version 2 was committed and recorded; the revision says so.
            assertThat(backend.tables(url)).containsExactly("a", "b");
            assertThat(Scratch.column(url, "SELECT " + backend.concat("version", "':'", "applied", "'/'", "total")
                    + " FROM atlas_schema_revisions WHERE version = '2'")).containsExactly("2:1/3");
            assertThat(status.out()).contains("(1 statements applied)", "(2 statements left)");
        } else {
            // The file's transaction died with the connection: version 1 only, nothing of version 2.
            assertThat(backend.tables(url)).containsExactly("a");
            assertThat(Scratch.column(url, "SELECT version FROM atlas_schema_revisions WHERE version <> '.atlas_cloud_identifier'"))
                    .containsExactly("1");
            assertThat(status.out()).contains("Current Version: 1", "Pending Files:   1");
        }

        // The orphaned session may still hold the applier's lock for a moment: wait for it.
        CliResult again = Cli.run(dir, "migrate", "apply", "--url", url.raw(), "--tx-mode", txMode, "--lock-timeout", "60s");
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).doesNotContain("CREATE TABLE a");
        if (statementsKept) {
            assertThat(again.out()).doesNotContain("CREATE TABLE b");
        }
        assertThat(backend.tables(url)).containsExactly("a", "b", "c");
        assertThat(Scratch.column(url, "SELECT " + backend.concat("version", "':'", "applied", "'/'", "total")
                + " FROM atlas_schema_revisions WHERE version <> '.atlas_cloud_identifier' ORDER BY version"))
                .containsExactly("1:1/1", "2:3/3");
        assertThat(Cli.run(dir, "migrate", "status", "--url", url.raw()).out()).contains("Migration Status: OK");
    }

    /** Polls until a session waits for the test's lock, i.e. the process is inside statement 2 of file 2. */
    private void waitUntilBlocked(DatabaseUrl url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!Scratch.column(url, backend.waiters()).isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("migrate apply never reached the blocking statement: "
                + Files.readString(dir.resolve("killed.txt")));
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Path script() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        return module.getParent().resolve("bin/atlas4j");
    }

    /** What differs between the two servers. */
    private interface Backend {

        DatabaseUrl create() throws SQLException;

        void drop() throws SQLException;

        String blockingStatement();

        String takeLock();

        /** A query with a row while a session waits for the lock. */
        String waiters();

        List<String> tables(DatabaseUrl url) throws SQLException;

        String concat(String... parts);
    }

    private static final class Postgres implements Backend {

        private static final int BLOCKER = 424242;
        private Scratch scratch;

        @Override
        public DatabaseUrl create() throws SQLException {
            scratch = Scratch.open();
            return scratch.create("killed");
        }

        @Override
        public void drop() throws SQLException {
            if (scratch != null) {
                scratch.dropAll();
            }
        }

        @Override
        public String blockingStatement() {
            return "SELECT pg_advisory_lock(" + BLOCKER + ");";
        }

        @Override
        public String takeLock() {
            return "SELECT pg_advisory_lock(" + BLOCKER + ")";
        }

        @Override
        public String waiters() {
            return "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = " + BLOCKER;
        }

        @Override
        public List<String> tables(DatabaseUrl url) throws SQLException {
            return Scratch.tables(url);
        }

        @Override
        public String concat(String... parts) {
            return "(" + String.join(" || ", parts) + ")";
        }
    }

    private static final class Mysql implements Backend {

        private static final String BLOCKER = "atlas4j_killed_it";
        private DatabaseUrl server;
        private String name;

        @Override
        public DatabaseUrl create() throws SQLException {
            String url = System.getenv("ATLAS4J_TEST_MYSQL_URL");
            org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank()
                            || System.getenv("ATLAS4J_REQUIRE_BACKENDS") != null,
                    "ATLAS4J_TEST_MYSQL_URL is not set: skipping the MySQL case");
            org.junit.jupiter.api.Assertions.assertNotNull(url, "ATLAS4J_REQUIRE_BACKENDS is set but ATLAS4J_TEST_MYSQL_URL is not");
            DatabaseUrl dev = DatabaseUrl.parse(url);
            name = "clikill_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
            server = dev;
            Scratch.exec(server, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
            return DatabaseUrl.rebuild(dev.scheme(), dev.user(), dev.password(), dev.host(), dev.port(), name,
                    java.util.Map.of());
        }

        @Override
        public void drop() throws SQLException {
            if (name != null) {
                Scratch.exec(server, "DROP DATABASE IF EXISTS " + name);
            }
        }

        @Override
        public String blockingStatement() {
            return "SELECT GET_LOCK('" + BLOCKER + "', 120);";
        }

        @Override
        public String takeLock() {
            return "SELECT GET_LOCK('" + BLOCKER + "', 10)";
        }

        @Override
        public String waiters() {
            return "SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                    + " AND INFO LIKE 'SELECT GET_LOCK(''" + BLOCKER + "'', 120)%'";
        }

        @Override
        public List<String> tables(DatabaseUrl url) throws SQLException {
            return Scratch.column(url, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME <> 'atlas_schema_revisions' ORDER BY 1");
        }

        @Override
        public String concat(String... parts) {
            return "CONCAT(" + String.join(", ", parts) + ")";
        }
    }
}
