package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parallel cases print as they finish, one case's lines together: testing-dsl.md §10 T61, T62, on
 * SQLite, with and without {@code --parallel}.
 */
class SchemaTestParallelTest extends SqliteCliTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "3"})
    void t62_parallelForEach_eachRowReportedOnceWithItsLog(String workers) {
        CliResult result = runA("""
                test "schema" "p" {
                  parallel = true
                  for_each = ["a", "b", "c", "d", "e"]
                  exec {
                    sql = "SELECT 1"
                  }
                  log {
                    message = "row ${each.value}"
                  }
                }
                """, "--parallel", workers);

        List<String> lines = result.outLines();
        assertThat(lines).as("%s", result).hasSize(11);
        assertThat(lines.get(10)).isEqualTo("PASS");
        for (int row = 1; row <= 5; row++) {
            String name = "p/" + row;
            String value = String.valueOf((char) ('a' + row - 1));
            int at = -1;
            for (int i = 0; i < 10; i++) {
                if (matches("-- PASS: " + name + " (<d>)", lines.get(i))) {
                    assertThat(at).as("%s reported once in%n%s", name, result).isEqualTo(-1);
                    at = i;
                }
            }
            assertThat(at).as("%s reported in%n%s", name, result).isNotNegative();
            assertThat(lines.get(at + 1)).as("the log line follows its case").isEqualTo("    a.test.hcl:7: row " + value);
        }
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t61_sequentialCasesAreReportedBeforeParallelOnes() {
        CliResult result = runA("""
                test "schema" "p1" {
                  parallel = true
                  exec {
                    sql = "INSERT INTO users VALUES (1, 'A', 'a')"
                  }
                }
                test "schema" "p2" {
                  parallel = true
                  exec {
                    sql = "INSERT INTO users VALUES (2, 'B', 'b')"
                  }
                }
                test "schema" "s" {
                  exec {
                    sql    = "SELECT count(*) FROM users"
                    output = "0"
                  }
                }
                """);

        List<String> lines = result.outLines();
        assertThat(lines).as("%s", result).hasSize(4);
        assertThat(matches("-- PASS: s (<d>)", lines.get(0))).as("%s", result).isTrue();
        assertThat(lines.subList(1, 3)).as("%s", result)
                .anyMatch(l -> matches("-- PASS: p1 (<d>)", l))
                .anyMatch(l -> matches("-- PASS: p2 (<d>)", l));
        assertThat(lines.get(3)).isEqualTo("PASS");
    }
}
