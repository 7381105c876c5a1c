package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Load errors stop the run before any case: testing-dsl.md §10 T22–T25, T59 and §7.10. They are printed
 * as {@code Error: <file>:<line>:<col>: <message>}, all of them, and the run exits 3.
 */
class SchemaTestLoadErrorsTest extends SqliteCliTestBase {

    /** A passing case in another file: it must not run when any file fails to load. */
    private static final String GOOD = "test \"schema\" \"good\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n";

    private CliResult runWithGoodFile(String broken) {
        write("a.test.hcl", broken);
        write("b.test.hcl", GOOD);
        return schemaTest();
    }

    private static void assertLoadError(CliResult result, String lineRegex) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.out()).as("no case runs").isEmpty();
        assertThat(result.errLines()).as("%s", result).isNotEmpty()
                .allMatch(l -> l.startsWith("Error: "))
                .anyMatch(l -> l.matches("Error: (.*/)?a\\.test\\.hcl:" + lineRegex + ":\\d+: .+"));
    }

    @Test
    void t22_outputAndMatchAreExclusive() {
        CliResult result = runWithGoodFile("""
                test "schema" "t" {
                  exec {
                    sql    = "SELECT 1"
                    output = "1"
                    match  = "1"
                  }
                }
                """);

        assertLoadError(result, "[2-5]");
    }

    @Test
    void t23_formatIsAnEnum() {
        CliResult result = runWithGoodFile("""
                test "schema" "t" {
                  exec {
                    sql    = "SELECT 1"
                    format = json
                    output = "1"
                  }
                }
                """);

        assertLoadError(result, "[24]");
    }

    @Test
    void t24_unknownAttributeIsRejected() {
        CliResult result = runWithGoodFile("""
                test "schema" "t" {
                  exec {
                    sql    = "SELECT 1"
                    expect = "1"
                  }
                }
                """);

        assertLoadError(result, "[24]");
        assertThat(result.err()).contains("expect");
    }

    @Test
    void t24_unknownBlockIsRejected() {
        CliResult result = runWithGoodFile("""
                test "schema" "t" {
                  bogus {
                  }
                }
                """);

        assertLoadError(result, "2");
        assertThat(result.err()).contains("bogus");
    }

    @Test
    void t25_invalidMatchRegexp() {
        CliResult result = runWithGoodFile("""
                test "schema" "t" {
                  exec {
                    sql   = "SELECT 1"
                    match = "("
                  }
                }
                """);

        assertLoadError(result, "[24]");
    }

    @Test
    void syntaxError_isALoadErrorWithItsPosition() {
        CliResult result = runWithGoodFile("""
                test "schema" "t" {
                  exec {
                    sql = "SELECT 1
                  }
                }
                """);

        assertLoadError(result, "\\d+");
    }

    @Test
    void errorsOfEveryFileArePrintedBeforeStopping() {
        write("a.test.hcl", "test \"schema\" \"t\" {\n  bogus {\n  }\n}\n");
        write("b.test.hcl", GOOD);
        write("c.test.hcl", "test \"schema\" \"u\" {\n  exec {\n    sql = \"SELECT 1\"\n    nope = 1\n  }\n}\n");

        CliResult result = schemaTest();

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines())
                .anyMatch(l -> l.matches("Error: (.*/)?a\\.test\\.hcl:2:\\d+: .*bogus.*"))
                .anyMatch(l -> l.matches("Error: (.*/)?c\\.test\\.hcl:4:\\d+: .*nope.*"));
    }

    @Test
    void t59_missingVariableValue() {
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

        CliResult result = schemaTest("v.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).anyMatch(
                l -> l.matches("Error: (.*/)?v\\.test\\.hcl:\\d+:\\d+: .*missing value for variable \"who\".*"));
    }
}
