package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static io.atlas4j.cli.ReportLines.error;
import static io.atlas4j.cli.ReportLines.indented;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code exec}, rendering and comparison: testing-dsl.md §10 T9, T11–T17, T21, T26, on SQLite. */
class SchemaTestExecTest extends SqliteCliTestBase {

    private static final String TWO_USERS = "INSERT INTO users VALUES (1, 'Ada', 'a@x'), (2, 'Bob', 'b@x')";

    @Test
    void t9_execWithoutExpectations_seesTheDesiredSchema() {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql = "SELECT * FROM users"
                  }
                }
                """);

        assertLines(result, "-- PASS: t (<d>)", "PASS");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t11_singleValue() {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql    = "SELECT '12345'"
                    output = "12345"
                  }
                }
                """);

        assertLines(result, "-- PASS: t (<d>)", "PASS");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t12_mismatchMessage() {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql    = "SELECT '12345'"
                    output = "54321"
                  }
                }
                """);

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("no match for `54321` found in \"12345\""),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void t13_emptyResult() {
        CliResult result = runA("""
                test "schema" "empty" {
                  exec {
                    sql    = "SELECT * FROM users"
                    output = ""
                  }
                }
                """);

        assertLines(result, "-- PASS: empty (<d>)", "PASS");
    }

    @Test
    void t13_emptyResultIsNotZero() {
        CliResult result = runA("""
                test "schema" "empty" {
                  exec {
                    sql    = "SELECT * FROM users"
                    output = "0"
                  }
                }
                """);

        assertLines(result,
                "-- FAIL: empty (<d>)",
                indented("a.test.hcl:2:"),
                error("no match for `0` found in \"\""),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "output = \"{0}\", strict = {1} -> passes = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1, Ada  | false | true",
        "1,Ada   | false | true",
        "'1, Ada '| false | true",
        "1, ada  | false | false",
        "1,Ada   | true  | false",
        "1, Ada  | true  | true",
    })
    void t14_twoColumnsInCsv(String output, boolean strict, boolean passes) {
        String file = """
                test "schema" "t" {
                  exec {
                    sql = "INSERT INTO users VALUES (1, 'Ada', 'a@x')"
                  }
                  exec {
                    sql    = "SELECT id, name FROM users"
                    output = "%s"
                  }
                }
                """.formatted(output);

        CliResult result = strict ? runA(file, "--strict-output") : runA(file);

        if (passes) {
            assertLines(result, "-- PASS: t (<d>)", "PASS");
            assertThat(result.exitCode()).isZero();
        } else {
            assertLines(result,
                    "-- FAIL: t (<d>)",
                    indented("a.test.hcl:5:"),
                    error("no match for `" + output + "` found in \"1, Ada\""),
                    "FAIL");
            assertThat(result.exitCode()).isEqualTo(1);
        }
    }

    private static String t15(String first, String second) {
        return """
                test "schema" "t" {
                  exec {
                    sql = "%s"
                  }
                  exec {
                    sql    = "SELECT id, name FROM users ORDER BY id"
                    output = <<CSV
                %s
                %s
                CSV
                  }
                }
                """.formatted(TWO_USERS, first, second);
    }

    @Test
    void t15_severalRowsInAHeredoc() {
        CliResult result = runA(t15("1, Ada", "2, Bob"));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t15_rowOrderMatters() {
        CliResult result = runA(t15("2, Bob", "1, Ada"));

        assertThat(result.outLines()).as("%s", result).hasSizeGreaterThanOrEqualTo(4);
        assertThat(ReportLines.matches("-- FAIL: t (<d>)", result.outLines().get(0))).as("%s", result).isTrue();
        assertThat(result.outLines().get(1)).isEqualTo(indented("a.test.hcl:5:"));
        assertThat(result.outLines().get(2)).startsWith(error("no match for `"));
        assertThat(result.out()).contains("found in \"1, Ada\\n2, Bob\"");
        assertThat(result.outLines()).last().isEqualTo("FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "output = {0} -> passes = {1}")
    @CsvSource(delimiter = '|', value = {
        "\\\"a,b\\\" | true",
        "a,b       | false",
    })
    void t16_csvQuoting(String hclOutput, boolean passes) {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql    = "SELECT 'a,b' AS v"
                    output = "%s"
                  }
                }
                """.formatted(hclOutput));

        if (passes) {
            assertLines(result, "-- PASS: t (<d>)", "PASS");
        } else {
            assertLines(result,
                    "-- FAIL: t (<d>)",
                    indented("a.test.hcl:2:"),
                    error("no match for `a,b` found in \"\\\"a,b\\\"\""),
                    "FAIL");
        }
    }

    private static String t17(String lastRow) {
        return """
                test "schema" "t" {
                  exec {
                    sql = "%s"
                  }
                  exec {
                    sql    = "SELECT id, name FROM users ORDER BY id"
                    format = table
                    output = <<TAB
                 id | name
                ----+------
                 1  | Ada
                %s
                TAB
                  }
                }
                """.formatted(TWO_USERS, lastRow);
    }

    @Test
    void t17_tableFormat() {
        CliResult result = runA(t17(" 2  | Bob"));

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t17_tableMismatchShowsTheRenderedTable() {
        CliResult result = runA(t17(" 2  | Bobby"));

        assertThat(ReportLines.matches("-- FAIL: t (<d>)", result.outLines().get(0))).as("%s", result).isTrue();
        assertThat(result.outLines().get(1)).isEqualTo(indented("a.test.hcl:5:"));
        assertThat(result.out()).contains("found in \" id | name\\n----+------\\n 1  | Ada\\n 2  | Bob\"");
        assertThat(result.outLines()).last().isEqualTo("FAIL");
    }

    @ParameterizedTest(name = "match = \"{0}\" -> passes = {1}")
    @CsvSource(delimiter = '|', value = {
        "^A.a$ | true",
        "d     | true",
        "^d    | false",
    })
    void t21_matchIsAnUnanchoredRegexp(String pattern, boolean passes) {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql = "INSERT INTO users VALUES (1, 'Ada', 'a@x')"
                  }
                  exec {
                    sql   = "SELECT name FROM users"
                    match = "%s"
                  }
                }
                """.formatted(pattern));

        if (passes) {
            assertLines(result, "-- PASS: t (<d>)", "PASS");
        } else {
            assertLines(result,
                    "-- FAIL: t (<d>)",
                    indented("a.test.hcl:5:"),
                    error("no match for `^d` found in \"Ada\""),
                    "FAIL");
        }
    }

    @Test
    void t26_multiStatementExec() {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql    = <<-SQL
                      INSERT INTO users VALUES (1, 'A', 'a');
                      INSERT INTO users VALUES (2, 'B', 'b');
                      SELECT count(*) FROM users;
                    SQL
                    output = "2"
                  }
                }
                """);

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void t26_multiStatementExecStopsAtTheFirstFailingStatement() {
        CliResult result = runA("""
                test "schema" "t" {
                  exec {
                    sql    = <<-SQL
                      INSERT INTO users VALUES (1, 'A', 'a');
                      INSERT INTO users VALUES (1, 'B', 'b');
                      SELECT count(*) FROM users;
                    SQL
                    output = "2"
                  }
                }
                """);

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("<*>constraint failed<*>users.id<*>"),
                "FAIL");
        assertThat(result.out()).doesNotContain("no match for");
    }
}
