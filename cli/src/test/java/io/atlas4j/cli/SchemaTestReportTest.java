package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static io.atlas4j.cli.ReportLines.error;
import static io.atlas4j.cli.ReportLines.indented;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code log}, the report format, step order, failure and isolation: testing-dsl.md §10 T40–T42,
 * T44–T47, on SQLite.
 */
class SchemaTestReportTest extends SqliteCliTestBase {

    private static final String T40 = """
            test "schema" "t" {
              exec {
                sql = "SELECT 1"
              }
              log {
                message = "seeded"
              }
            }
            """;

    @Test
    void t40_logLine() {
        CliResult result = runA(T40);

        assertLines(result,
                "-- PASS: t (<d>)",
                "    a.test.hcl:5: seeded",
                "PASS");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void t41_fileBaseNameInPrefixes() {
        write("tests/a.test.hcl", T40);

        CliResult result = schemaTest("tests");

        assertLines(result,
                "-- PASS: t (<d>)",
                "    a.test.hcl:5: seeded",
                "PASS");
    }

    @Test
    void t42_logsThenError_inOrder() {
        CliResult result = runA("""
                test "schema" "t" {
                  log {
                    message = "before"
                  }
                  exec {
                    sql = "SELECT * FROM nope"
                  }
                }
                """);

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2: before"),
                indented("a.test.hcl:5:"),
                error("<*>no such table: nope<*>"),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void t44_firstFailureAbortsTheCase() {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql = "SELECT * FROM nope"
                  }
                  log {
                    message = "never"
                  }
                }
                """);

        // The T10 shape: exactly three report lines for the case, then the run result.
        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("<*>no such table: nope<*>"),
                "FAIL");
        assertThat(result.out()).doesNotContain("never");
    }

    @Test
    void t45_otherCasesKeepRunning() {
        CliResult result = runA("""
                test "schema" "a" {
                  exec {
                    sql = "SELECT * FROM nope"
                  }
                }
                test "schema" "b" {
                  exec {
                    sql = "SELECT 1"
                  }
                }
                """);

        assertLines(result,
                "-- FAIL: a (<d>)",
                indented("a.test.hcl:2:"),
                error("<*>"),
                "-- PASS: b (<d>)",
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void t45_allPassing() {
        CliResult result = runA("""
                test "schema" "a" {
                  exec {
                    sql = "SELECT 1"
                  }
                }
                test "schema" "b" {
                  exec {
                    sql = "SELECT 2"
                  }
                }
                """);

        assertLines(result, "-- PASS: a (<d>)", "-- PASS: b (<d>)", "PASS");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t46_isolationBetweenSequentialCases() {
        CliResult result = runA("""
                test "schema" "a" {
                  exec {
                    sql = "INSERT INTO users VALUES (1, 'A', 'a')"
                  }
                }
                test "schema" "b" {
                  exec {
                    sql    = "SELECT count(*) FROM users"
                    output = "0"
                  }
                }
                """);

        assertLines(result, "-- PASS: a (<d>)", "-- PASS: b (<d>)", "PASS");
    }

    @Test
    void t47_schemaRebuiltPerCase() {
        CliResult result = runA("""
                test "schema" "a" {
                  exec {
                    sql = "DROP TABLE users"
                  }
                }
                test "schema" "b" {
                  exec {
                    sql    = "SELECT count(*) FROM users"
                    output = "0"
                  }
                }
                """);

        assertLines(result, "-- PASS: a (<d>)", "-- PASS: b (<d>)", "PASS");
    }
}
