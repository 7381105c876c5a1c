package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code skip}, {@code --run}, {@code for_each} and variables: testing-dsl.md §10 T49–T58, on SQLite. */
class SchemaTestSelectionTest extends SqliteCliTestBase {

    @Test
    void t49_skip() {
        // If the statement were sent the case would fail: the table does not exist.
        CliResult result = runA("""
                test "schema" "t" {
                  skip = true
                  exec {
                    sql = "SELECT * FROM nope"
                  }
                }
                """);

        assertLines(result, "-- SKIP: t (0\u00b5s)", "PASS");
        assertThat(result.exitCode()).isZero();
    }

    private static final String T50 = """
            variable "slow" {
              type    = bool
              default = true
            }
            test "schema" "t" {
              skip = var.slow
              exec {
                sql = "SELECT 1"
              }
            }
            """;

    @Test
    void t50_computedSkip() {
        CliResult result = runA(T50);

        assertLines(result, "-- SKIP: t (0\u00b5s)", "PASS");
    }

    @Test
    void t50_computedSkipTurnedOffByVar() {
        CliResult result = runA(T50, "--var", "slow=false");

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    private static final String T51 = """
            test "schema" "split" {
              exec {
                sql = "SELECT 1"
              }
            }
            test "schema" "split_middle" {
              exec {
                sql = "SELECT 1"
              }
            }
            test "schema" "join" {
              exec {
                sql = "SELECT 1"
              }
            }
            """;

    @Test
    void t51_runIsUnanchored() {
        CliResult result = runA(T51, "--run", "split");

        assertLines(result, "-- PASS: split (<d>)", "-- PASS: split_middle (<d>)", "PASS");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void t51_anchoredRunSelectsOneCase() {
        CliResult result = runA(T51, "--run", "^split$");

        assertLines(result, "-- PASS: split (<d>)", "PASS");
        assertThat(result.out()).doesNotContain("join");
    }

    private static final String T52 = """
            test "schema" "up" {
              for_each = [
                {i: "a", o: "A"},
                {i: "b", o: "B"},
              ]
              log {
                message = "${each.value.i} -> ${each.value.o}"
              }
              exec {
                sql    = "SELECT upper('${each.value.i}')"
                output = each.value.o
              }
            }
            """;

    @Test
    void t52_forEachOverAList() {
        CliResult result = runA(T52);

        assertLines(result,
                "-- PASS: up/1 (<d>)",
                "    a.test.hcl:6: a -> A",
                "-- PASS: up/2 (<d>)",
                "    a.test.hcl:6: b -> B",
                "PASS");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t53_runMatchesAGeneratedName() {
        CliResult result = runA(T52, "--run", "up/2");

        assertLines(result, "-- PASS: up/2 (<d>)", "    a.test.hcl:6: b -> B", "PASS");
    }

    @Test
    void t53_runMatchesTheParentName() {
        CliResult result = runA(T52, "--run", "^up$");

        assertLines(result,
                "-- PASS: up/1 (<d>)",
                "    a.test.hcl:6: a -> A",
                "-- PASS: up/2 (<d>)",
                "    a.test.hcl:6: b -> B",
                "PASS");
    }

    @Test
    void t54_forEachOverAMap_inKeyOrder() {
        CliResult result = runA("""
                test "schema" "m" {
                  for_each = {
                    low  = "a"
                    high = "z"
                  }
                  log {
                    message = "${each.key}=${each.value}"
                  }
                }
                """);

        assertLines(result,
                "-- PASS: m/high (<d>)",
                "    a.test.hcl:6: high=z",
                "-- PASS: m/low (<d>)",
                "    a.test.hcl:6: low=a",
                "PASS");
    }

    @Test
    void t55_eachKeyOfAList() {
        CliResult result = runA("""
                test "schema" "name" {
                  for_each = ["x", "y"]
                  log {
                    message = "${each.key}"
                  }
                }
                """);

        assertLines(result,
                "-- PASS: name/1 (<d>)",
                "    a.test.hcl:3: 0",
                "-- PASS: name/2 (<d>)",
                "    a.test.hcl:3: 1",
                "PASS");
    }

    @Test
    void t56_forEachAnywhere_stepsRepeatedOnFreshState() {
        CliResult result = runA("""
                test "schema" "s" {
                  exec {
                    sql = "INSERT INTO users VALUES (1, 'A', 'a')"
                  }
                  for_each = ["x", "y", "z"]
                  exec {
                    sql    = "SELECT count(*) FROM users"
                    output = "1"
                  }
                }
                """);

        assertLines(result, "-- PASS: s/1 (<d>)", "-- PASS: s/2 (<d>)", "-- PASS: s/3 (<d>)", "PASS");
    }

    private void writeT57() {
        write("atlas.hcl", """
                env "dev" {
                  src = "file://schema.sql"
                  dev = "%s"
                  test {
                    schema {
                      src = ["v.test.hcl"]
                      vars = {
                        who = "ada"
                      }
                    }
                  }
                }
                """.formatted(devUrl));
        write("v.test.hcl", """
                variable "who" {
                  type = string
                }
                test "schema" "v" {
                  log {
                    message = var.who
                  }
                }
                """);
    }

    @Test
    void t57_variablesFromAtlasHcl() {
        writeT57();

        CliResult result = atlas4j("schema", "test", "--env", "dev");

        assertLines(result, "-- PASS: v (<d>)", "    v.test.hcl:5: ada", "PASS");
    }

    @Test
    void t58_varFlagWinsOverAtlasHcl() {
        writeT57();

        CliResult result = atlas4j("schema", "test", "--env", "dev", "--var", "who=bob");

        assertLines(result, "-- PASS: v (<d>)", "    v.test.hcl:5: bob", "PASS");
    }

    @Test
    void p7_repeatedVarBuildsAList_andOneFlagHoldsSeveralPairs() {
        CliResult result = runA("""
                variable "names" {
                  type = list(string)
                }
                variable "sep" {
                  type = string
                }
                test "schema" "t" {
                  log {
                    message = "${var.names[0]}${var.sep}${var.names[1]}"
                  }
                }
                """, "--var", "names=a", "--var", "names=b,sep=+");

        assertLines(result, "-- PASS: t (<d>)", "    a.test.hcl:8: a+b", "PASS");
    }
}
