package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What happens around the cases: required flags, dev database failures, --run matching nothing. */
class SchemaTestRunLevelTest extends SqliteCliTestBase {

    private static final String ONE = "test \"schema\" \"one\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n";

    @Test
    void devUrlNotSet_isAUsageError() {
        write("a.test.hcl", ONE);

        CliResult result = atlas4j("schema", "test", "--url", "file://schema.sql", "a.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "Error: required flag(s) \"dev-url\" not set",
                "Try 'atlas4j schema test --help' for more information.");
    }

    @Test
    void runMatchingNothing_passesWithAWarning() {
        write("a.test.hcl", ONE);

        CliResult result = schemaTest("--run", "^nothing$");

        assertLines(result, "PASS");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.errLines()).containsExactly("Warning: no test cases matched --run \"^nothing$\"");
    }

    @Test
    void unsupportedDevUrlScheme_isAConfigurationError() {
        write("a.test.hcl", ONE);

        CliResult result = atlas4j("schema", "test", "--dev-url", "nosuchdb://u:hunter2@h/x",
                "--url", "file://schema.sql", "a.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).startsWith("Error: ").doesNotContain("hunter2");
        assertThat(result.out()).doesNotContain("PASS").doesNotContain("hunter2");
    }

    @Test
    void devDatabaseThatCannotBeOpened_exits4() {
        write("a.test.hcl", ONE);
        String unreachable = "sqlite://" + dir.resolve("no/such/dir/dev.db");

        CliResult result = atlas4j("schema", "test", "--dev-url", unreachable, "--url", "file://schema.sql",
                "a.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.DEV_DATABASE);
        assertThat(result.err()).startsWith("Error: ");
        assertThat(result.out()).doesNotContain("PASS");
    }

    @Test
    void stacktraceFlag_printsTheTraceOfAnError() {
        write("a.test.hcl", ONE);

        CliResult without = atlas4j("schema", "test", "--dev-url", "nosuchdb://h/x", "a.test.hcl");
        CliResult with = atlas4j("schema", "test", "-x", "--dev-url", "nosuchdb://h/x", "a.test.hcl");
        CliResult global = atlas4j("--stacktrace", "schema", "test", "--dev-url", "nosuchdb://h/x", "a.test.hcl");

        assertThat(without.err()).doesNotContain("\tat ");
        assertThat(with.err()).startsWith(without.err().lines().findFirst().orElseThrow()).contains("\tat ");
        assertThat(global.err()).contains("\tat ");
        assertThat(with.exitCode()).isEqualTo(without.exitCode()).isEqualTo(global.exitCode());
    }

    @Test
    void timeout_stopsACaseThatNeverReturnsAndTheRunGoesOn() {
        write("a.test.hcl", "test \"schema\" \"sleepy\" {\n  external {\n    program = [\"sleep\", \"30\"]\n  }\n}\n" + ONE);

        CliResult result = schemaTest("--timeout", "500ms");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.outLines()).contains("    a.test.hcl:2:",
                "                Error:          case timed out after 500ms: program \"sleep\" was stopped", "FAIL");
        assertThat(result.outLines()).anySatisfy(l -> assertThat(l).startsWith("-- PASS: one ("));
    }

    @Test
    void timeoutThatIsNotADuration_isAUsageError() {
        write("a.test.hcl", ONE);

        CliResult result = schemaTest("--timeout", "30");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: time: invalid duration \"30\"");
    }

    @Test
    void t45_exitCodeOfAFailingRunIs1() {
        write("a.test.hcl", "test \"schema\" \"bad\" {\n  exec {\n    sql = \"SELECT * FROM nope\"\n  }\n}\n");

        CliResult result = schemaTest();

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.outLines()).last().isEqualTo("FAIL");
        assertThat(result.err()).isEmpty();
    }
}
