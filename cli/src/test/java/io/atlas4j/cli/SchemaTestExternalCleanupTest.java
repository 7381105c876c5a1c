package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static io.atlas4j.cli.ReportLines.error;
import static io.atlas4j.cli.ReportLines.indented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code external} and {@code cleanup}: testing-dsl.md §10 T71–T73, T75–T78, on SQLite. */
class SchemaTestExternalCleanupTest extends SqliteCliTestBase {

    @Test
    void t71_externalTruePasses() {
        CliResult result = runA(caseT("""
                external {
                  program = ["true"]
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t71_externalFalseFails() {
        CliResult result = runA(caseT("""
                external {
                  program = ["false"]
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("program \"false\" exited with status 1<*>"),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> passes = {1}")
    @CsvSource(delimiter = '|', value = {
        "program = [\"echo\", \"hello\"] | output = \"hello\" | true",
        "program = [\"echo\", \"hello\"] | match  = \"^hel\"  | true",
        "program = [\"echo\", \"hello\"] | output = \"bye\"   | false",
        "program = [\"sh\", \"-c\", \"echo hi >&2\"] | output = \"hi\" | false",
    })
    void t72_stdoutComparison(String program, String expectation, boolean passes) {
        CliResult result = runA(caseT("""
                external {
                  %s
                  %s
                }
                """.formatted(program, expectation)));

        if (passes) {
            assertLines(result, "-- PASS: t (<d>)", "PASS");
        } else {
            assertLines(result, "-- FAIL: t (<d>)", indented("a.test.hcl:2:"), error("no match for <*>"), "FAIL");
        }
    }

    @Test
    void t73_workingDirectory() throws Exception {
        Path tmp = Path.of("/tmp");
        assumeTrue(Files.isDirectory(tmp) && tmp.toRealPath().equals(tmp), "/tmp is a real directory");

        CliResult result = runA(caseT("""
                external {
                  program     = ["pwd"]
                  working_dir = "/tmp"
                  output      = "/tmp"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t73_defaultWorkingDirectoryIsTheClisOne() throws Exception {
        CliResult result = runA(caseT("""
                external {
                  program = ["pwd"]
                  output  = "%s"
                }
                """.formatted(dir.toRealPath())));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t75_noShell() {
        CliResult result = runA(caseT("""
                external {
                  program = ["echo", "$HOME"]
                  output  = "$HOME"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    /**
     * Cleanups write to a table of an attached file database, which outlives the case's in-memory
     * database: its rows, in insertion order, are the statement log the checklist asks for.
     */
    private String attachAudit() {
        return """
                exec {
                  sql = "ATTACH DATABASE '%s' AS audit"
                }
                exec {
                  sql = "CREATE TABLE IF NOT EXISTS audit.log (msg text)"
                }
                """.formatted(dir.resolve("audit.db"));
    }

    private List<String> auditLog() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT msg FROM log ORDER BY rowid")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void t76_t77_cleanupsRunInReverseOrder_onlyWhenReached() throws Exception {
        CliResult result = runA(caseT(attachAudit() + """
                cleanup {
                  sql = "INSERT INTO audit.log VALUES ('first')"
                }
                cleanup {
                  sql = "INSERT INTO audit.log VALUES ('second')"
                }
                exec {
                  sql = "SELECT * FROM nope"
                }
                cleanup {
                  sql = "INSERT INTO audit.log VALUES ('never')"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:14:"),
                error("<*>no such table: nope<*>"),
                "FAIL");
        assertThat(auditLog()).containsExactly("second", "first");
    }

    @Test
    void t76_cleanupsAlsoRunAfterAPassingCase() throws Exception {
        CliResult result = runA(caseT(attachAudit() + """
                cleanup {
                  sql = "INSERT INTO audit.log VALUES ('first')"
                }
                cleanup {
                  sql = "INSERT INTO audit.log VALUES ('second')"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
        assertThat(auditLog()).containsExactly("second", "first");
    }

    @Test
    void t78_cleanupFailure() {
        CliResult result = runA(caseT("""
                exec {
                  sql = "SELECT 1"
                }
                cleanup {
                  sql = "DROP TABLE nope"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:5:"),
                error("cleanup: <*>"),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }
}
