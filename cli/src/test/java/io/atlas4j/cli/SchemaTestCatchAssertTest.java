package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static io.atlas4j.cli.ReportLines.error;
import static io.atlas4j.cli.ReportLines.indented;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code catch} and {@code assert}: testing-dsl.md §10 T30–T32, T34–T39, on SQLite (the failing statement
 * is a query of a missing table instead of PostgreSQL's domain cast).
 */
class SchemaTestCatchAssertTest extends SqliteCliTestBase {

    @Test
    void t30_catchWithoutError() {
        CliResult result = runA(caseT("""
                catch {
                  sql = "SELECT * FROM nope"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t31_catchOnASucceedingStatement() {
        CliResult result = runA(caseT("""
                catch {
                  sql = "SELECT * FROM users"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("expected an error, but the statement succeeded"),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void t32_catchWithAnErrorFragment() {
        CliResult result = runA(caseT("""
                catch {
                  sql   = "SELECT * FROM nope"
                  error = "no such table"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t32_catchWithAnotherError() {
        CliResult result = runA(caseT("""
                catch {
                  sql   = "SELECT * FROM nope"
                  error = "duplicate key"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("no match for `duplicate key` found in \"<*>no such table: nope<*>\""),
                "FAIL");
    }

    @Test
    void t34_theCaseContinuesAfterCatch() {
        CliResult result = runA(caseT("""
                catch {
                  sql = "SELECT * FROM nope"
                }
                exec {
                  sql    = "SELECT 1"
                  output = "1"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t35_trueValueOnSqlite() {
        CliResult result = runA(caseT("""
                assert {
                  sql = "SELECT json_valid('{}')"
                }
                """));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t36_falseValueWithMessage() {
        CliResult result = runA(caseT("""
                assert {
                  sql           = "SELECT false"
                  error_message = "flag must be set"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("flag must be set"),
                "FAIL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT true, true                       | 1 | 2",
        "SELECT true UNION ALL SELECT true       | 2 | 1",
        "SELECT true WHERE false                 | 0 | 1",
    })
    void t37_wrongShape(String sql, int rows, int columns) {
        CliResult result = runA(caseT("""
                assert {
                  sql = "%s"
                }
                """.formatted(sql)));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("assertion failed: expected 1 row and 1 column, got " + rows + " rows and " + columns
                        + " columns"),
                "FAIL");
    }

    @Test
    void t38_nonBooleanValue() {
        CliResult result = runA(caseT("""
                assert {
                  sql = "SELECT 'yes'"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("assertion failed: expected a single true value, got \"yes\""),
                "FAIL");
    }

    @Test
    void t38_nullValue() {
        CliResult result = runA(caseT("""
                assert {
                  sql = "SELECT NULL"
                }
                """));

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("assertion failed: expected a single true value, got <*>"),
                "FAIL");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void t39_everyStatementIsChecked(boolean secondTrue) {
        CliResult result = runA(caseT("""
                assert {
                  sql = <<-SQL
                    SELECT 1 > 0;
                    SELECT %s;
                  SQL
                }
                """.formatted(secondTrue ? "2 > 1" : "2 > 3")));

        if (secondTrue) {
            assertLines(result, "-- PASS: t (<d>)", "PASS");
        } else {
            assertLines(result, "-- FAIL: t (<d>)", indented("a.test.hcl:2:"), error("<*>"), "FAIL");
            assertThat(result.exitCode()).isEqualTo(1);
        }
    }
}
