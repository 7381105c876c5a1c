package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime end to end on a real in-process SQLite dev database. */
class SchemaTestRunTest {

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void schema() throws IOException {
        devUrl = "sqlite://run" + UUID.randomUUID().toString().replace("-", "") + "?mode=memory";
        Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, name text, email text UNIQUE);\n");
    }

    private List<String> run(String devUrl, String text, List<CaseResult> results) throws IOException {
        return ConsoleRun.run(dir, devUrl, "a.test.hcl", text, results);
    }

    private List<String> run(String text) throws IOException {
        return run(devUrl, text, new ArrayList<>());
    }

    @Test
    void t46_t47_everyCaseStartsFromTheDesiredSchema() throws IOException {
        assertThat(run("test \"schema\" \"a\" {\n  exec {\n    sql = \"INSERT INTO users (name) VALUES ('A')\"\n  }\n"
                + "  exec {\n    sql = \"DROP TABLE users\"\n  }\n  exec {\n    sql = \"CREATE TABLE extra (x int)\"\n  }\n}\n"
                + "test \"schema\" \"b\" {\n  exec {\n    sql    = \"SELECT count(*) FROM users\"\n    output = \"0\"\n  }\n"
                + "  catch {\n    sql = \"SELECT * FROM extra\"\n  }\n"
                + "  exec {\n    sql = \"INSERT INTO users (name) VALUES ('B')\"\n  }\n"
                + "  exec {\n    sql = \"SELECT id FROM users\"\n    output = \"1\"\n  }\n}\n"))
                .containsExactly("-- PASS: a (D)", "-- PASS: b (D)", "PASS");
    }

    @Test
    void t10_t12_failuresNameTheStepLineAndTheCause() throws IOException {
        assertThat(run("test \"schema\" \"t\" {\n  exec {\n    sql    = \"SELECT 'x'\"\n    output = \"y\"\n  }\n}\n"
                + "test \"schema\" \"u\" {\n  log {\n    message = \"before\"\n  }\n  exec {\n    sql = \"SELECT * FROM nope\"\n  }\n"
                + "  log {\n    message = \"never\"\n  }\n}\n"))
                .containsExactly("-- FAIL: t (D)", "    a.test.hcl:2:",
                        "                Error:          no match for `y` found in \"x\"",
                        "-- FAIL: u (D)", "    a.test.hcl:8: before", "    a.test.hcl:11:",
                        "                Error:          no such table: nope",
                        "FAIL");
    }

    @Test
    void t76_t77_cleanupsRunInReverseOnlyWhenReached() throws IOException {
        assertThat(run("test \"schema\" \"t\" {\n  cleanup {\n    sql = \"SELECT * FROM first_cleanup\"\n  }\n"
                + "  cleanup {\n    sql = \"SELECT * FROM second_cleanup\"\n  }\n"
                + "  exec {\n    sql = \"SELECT * FROM failing_step\"\n  }\n"
                + "  cleanup {\n    sql = \"SELECT * FROM never_registered\"\n  }\n}\n"))
                .containsExactly("-- FAIL: t (D)",
                        "    a.test.hcl:8:", "                Error:          no such table: failing_step",
                        "    a.test.hcl:5:", "                Error:          cleanup: no such table: second_cleanup",
                        "    a.test.hcl:2:", "                Error:          cleanup: no such table: first_cleanup",
                        "FAIL");
    }

    @Test
    void t78_aFailingCleanupFailsAPassingCase() throws IOException {
        List<CaseResult> results = new ArrayList<>();
        run(devUrl, "test \"schema\" \"t\" {\n  cleanup {\n    sql = \"DROP TABLE nope\"\n  }\n}\n", results);
        assertThat(results.get(0).status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(results.get(0).failure().orElseThrow().message()).startsWith("cleanup: ");
        assertThat(results.get(0).failure().orElseThrow().kind()).isEqualTo(Failure.Kind.CLEANUP);
    }

    @Test
    void t49_skippedCasesNeverRun() throws IOException {
        List<CaseResult> results = new ArrayList<>();
        assertThat(run(devUrl, "test \"schema\" \"t\" {\n  skip = true\n  exec {\n    sql = \"SELECT * FROM nope\"\n  }\n}\n",
                results)).containsExactly("-- SKIP: t (0\u00b5s)", "PASS");
    }

    @Test
    void t60_t61_sequentialCasesFirstThenParallelCasesOnOneSharedCopy() throws IOException {
        List<CaseResult> results = new ArrayList<>();
        List<String> out = run(devUrl, "test \"schema\" \"p1\" {\n  parallel = true\n"
                + "  exec {\n    sql = \"INSERT INTO users (name, email) VALUES ('A', 'a')\"\n  }\n}\n"
                + "test \"schema\" \"p2\" {\n  parallel = true\n"
                + "  exec {\n    sql = \"INSERT INTO users (name, email) VALUES ('B', 'b')\"\n  }\n}\n"
                + "test \"schema\" \"s\" {\n  exec {\n    sql    = \"SELECT count(*) FROM users\"\n    output = \"0\"\n  }\n}\n",
                results);
        assertThat(out.get(0)).isEqualTo("-- PASS: s (D)");
        assertThat(out.subList(1, 3)).containsExactlyInAnyOrder("-- PASS: p1 (D)", "-- PASS: p2 (D)");
        assertThat(out.get(3)).isEqualTo("PASS");
    }

    @Test
    void t62_parallelForEachRowsEachRunOnce() throws IOException {
        List<String> out = run("test \"schema\" \"n\" {\n  parallel = true\n  for_each = [1, 2, 3, 4, 5]\n"
                + "  assert {\n    sql = \"SELECT ${each.value} > 0\"\n  }\n}\n");
        assertThat(out.subList(0, 5)).containsExactlyInAnyOrder("-- PASS: n/1 (D)", "-- PASS: n/2 (D)", "-- PASS: n/3 (D)",
                "-- PASS: n/4 (D)", "-- PASS: n/5 (D)");
    }

    @Test
    void parallelWritersOnSqliteTakeTurnsInsteadOfFailingOnLockedTables() throws IOException {
        List<String> out = run("test \"schema\" \"w\" {\n  parallel = true\n  for_each = range(1, 301)\n"
                + "  exec {\n    sql = \"INSERT INTO users (id, name) VALUES (${each.value}, 'u')\"\n  }\n"
                + "  assert {\n    sql = \"SELECT count(*) = 1 FROM users WHERE id = ${each.value}\"\n  }\n}\n");
        assertThat(out).hasSize(301).last().isEqualTo("PASS");
        assertThat(out).noneMatch(l -> l.contains("FAIL"));
    }

    @Test
    void t56_forEachRowsReseedAFreshDatabase() throws IOException {
        assertThat(run("test \"schema\" \"seed\" {\n  exec {\n    sql = \"INSERT INTO users (name) VALUES ('x')\"\n  }\n"
                + "  for_each = [\"a\", \"b\", \"c\"]\n  exec {\n    sql    = \"SELECT count(*) FROM users\"\n    output = \"1\"\n  }\n}\n"))
                .containsExactly("-- PASS: seed/1 (D)", "-- PASS: seed/2 (D)", "-- PASS: seed/3 (D)", "PASS");
    }

    @Test
    void t35_t38_assertOnSqlite() throws IOException {
        assertThat(run("test \"schema\" \"ok\" {\n  assert {\n    sql = \"SELECT json_valid('{}')\"\n  }\n}\n"
                + "test \"schema\" \"yes\" {\n  assert {\n    sql = \"SELECT 'yes'\"\n  }\n}\n"))
                .containsExactly("-- PASS: ok (D)", "-- FAIL: yes (D)", "    a.test.hcl:7:",
                        "                Error:          assertion failed: expected a single true value, got \"yes\"", "FAIL");
    }

    @Test
    void t48_aSetupFailureFailsOnlyThatCase() throws IOException {
        FaultyDevDatabaseProvider.failLease(2);
        String url = "faulty://" + devUrl.substring("sqlite://".length());
        assertThat(run(url, "test \"schema\" \"a\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n"
                + "test \"schema\" \"b\" {\n}\n"
                + "test \"schema\" \"c\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n", new ArrayList<>()))
                .containsExactly("-- PASS: a (D)", "-- FAIL: b (0\u00b5s)", "    a.test.hcl:6:",
                        "                Error:          unexpected error during test setup: injected lease failure",
                        "-- PASS: c (D)", "FAIL");
    }

    @Test
    void aCaseThatNeverReturnsIsStoppedAtItsTimeoutAndTheNextCaseRuns() throws IOException {
        List<CaseResult> results = new ArrayList<>();
        List<String> out = ConsoleRun.run(dir, devUrl, "a.test.hcl", "test \"schema\" \"forever\" {\n  exec {\n"
                + "    sql = \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c\"\n  }\n}\n"
                + "test \"schema\" \"sleepy\" {\n  external {\n    program = [\"sleep\", \"30\"]\n  }\n}\n"
                + "test \"schema\" \"next\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n", results, Duration.ofSeconds(1));
        assertThat(out.get(2)).startsWith("                Error:          case timed out after 1s: ");
        assertThat(out).containsSubsequence("-- FAIL: forever (D)", "    a.test.hcl:2:", "-- FAIL: sleepy (D)", "    a.test.hcl:7:",
                "                Error:          case timed out after 1s: program \"sleep\" was stopped", "-- PASS: next (D)", "FAIL");
        assertThat(results.get(1).duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aDesiredStatementThatFailsStopsTheRunWithItsPosition() throws IOException {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE ok (id int);\n\nCREATE TABLE broken (;\n");
        assertThatThrownBy(() -> run("test \"schema\" \"a\" {\n}\n"))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("schema.sql:3:1: ")
                .extracting(e -> ((Atlas4jException) e).code()).isEqualTo(ErrorCode.DEV_DATABASE);
    }

    @Test
    void aNonCleanDevDatabaseIsRefused() throws Exception {
        Path db = dir.resolve("dirty.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE t (x int)");
        }
        assertThatThrownBy(() -> run("sqlite://" + db, "test \"schema\" \"a\" {\n}\n", new ArrayList<>()))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("connected database is not clean: found table \"t\"");
    }
}
