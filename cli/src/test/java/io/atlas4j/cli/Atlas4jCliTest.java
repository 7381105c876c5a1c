package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command tree, help, version and usage errors: nothing here reaches the runtime. */
class Atlas4jCliTest {

    @Test
    void help_listsSchemaTestAndTheExitCodeTable() {
        CliResult result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("Usage: atlas4j")
                .contains("schema test")
                .contains("migrate test")
                .contains("-x, --stacktrace");
        assertThat(result.outLines()).containsSubsequence(
                "Exit Codes:",
                "    0   Success",
                "    1   Tests failed",
                "    2   Usage error",
                "    3   Configuration error or unsupported dialect",
                "    4   Dev database or connection failure",
                "    5   Applying migrations failed",
                "    6   Migration directory does not match atlas.sum",
                "   70   Internal error");
    }

    @Test
    void exitCodes_comeFromErrorCode() {
        assertThat(ExitCodes.TESTS_FAILED).isEqualTo(ErrorCode.TEST_FAILED.exitCode()).isEqualTo(1);
        assertThat(ExitCodes.USAGE).isEqualTo(ErrorCode.USAGE.exitCode()).isEqualTo(2);
        assertThat(ExitCodes.CONFIGURATION).isEqualTo(ErrorCode.CONFIGURATION.exitCode())
                .isEqualTo(ErrorCode.UNSUPPORTED_DIALECT.exitCode()).isEqualTo(3);
        assertThat(ExitCodes.DEV_DATABASE).isEqualTo(ErrorCode.DEV_DATABASE.exitCode())
                .isEqualTo(ErrorCode.CONNECTION.exitCode()).isEqualTo(4);
        assertThat(ExitCodes.INTERNAL).isEqualTo(ErrorCode.INTERNAL.exitCode()).isEqualTo(70);
    }

    @Test
    void schemaTestHelp_listsAtlasFlagsAndExitCodes() {
        CliResult result = Cli.run("schema", "test", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Usage: atlas4j schema test")
                .contains("--env=NAME", "-c, --config=URL", "--var=KEY=VALUE", "-u, --url=URL",
                        "--dev-url=URL", "--run=REGEXP", "--strict-output", "--parallel=N", "[PATH...]",
                        "-x, --stacktrace", "Exit Codes:", "   70   Internal error");
    }

    @Test
    void migrateTestHelp_listsItsFlags() {
        CliResult result = Cli.run("migrate", "test", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Usage: atlas4j migrate test")
                .contains("--dir=URL", "--dir-format=FORMAT", "--revisions-schema=NAME", "--dev-url=URL",
                        "--run=REGEXP", "--env=NAME", "--var=KEY=VALUE", "file://migrations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void version_printsTheProjectVersion(String flag) {
        CliResult result = Cli.run(flag);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("atlas4j version " + buildVersion() + System.lineSeparator());
        assertThat(result.out()).doesNotContain("${");
    }

    @Test
    void version_isAlsoAnsweredBySubcommands() {
        assertThat(Cli.run("schema", "test", "--version").out()).startsWith("atlas4j version " + buildVersion());
    }

    @Test
    void noCommand_isAUsageError() {
        CliResult result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "Error: missing command: use schema or migrate",
                "Try 'atlas4j --help' for more information.");
    }

    @Test
    void groupWithoutCommand_isAUsageError() {
        CliResult result = Cli.run("schema");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                "Error: missing command: use atlas4j schema inspect, diff, apply or test",
                "Try 'atlas4j schema --help' for more information.");
    }

    @Test
    void unknownCommand_suggestsTheClosestOne() {
        CliResult result = Cli.run("schema", "tst");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Error: Unmatched argument at index 1: 'tst'")
                .contains("Did you mean: schema test?")
                .endsWith("Try 'atlas4j schema --help' for more information." + System.lineSeparator());
    }

    @Test
    void unknownOption_isAUsageErrorWithAHint() {
        CliResult result = Cli.run("schema", "test", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "Error: Unknown option: '--bogus'",
                "Try 'atlas4j schema test --help' for more information.");
    }

    @Test
    void usageErrorEchoingAUrl_masksThePassword() {
        CliResult result = Cli.run("schema", "test", "--bogus=postgres://app:s3cr3t-pw@db:5432/dev");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("s3cr3t-pw")
                .contains("Error: Unknown option: '--bogus=postgres://app:xxxxx@db:5432/dev'");
    }

    @Test
    void missingOptionValue_isAUsageError() {
        CliResult result = Cli.run("schema", "test", "--dev-url");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Missing required parameter for option '--dev-url'");
    }

    @Test
    void p7_varWithoutEquals_isAUsageError() {
        CliResult result = Cli.run("schema", "test", "--dev-url", "sqlite://x?mode=memory", "--var", "a");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "Error: variables must be format as key=value, got: \"a\"",
                "Try 'atlas4j schema test --help' for more information.");
    }

    @Test
    void p7_varWithoutEqualsInsideACommaList_isAUsageError() {
        CliResult result = Cli.run("schema", "test", "--var", "a=1,b");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).first()
                .isEqualTo("Error: variables must be format as key=value, got: \"b\"");
    }

    @Test
    void invalidRunRegexp_isAUsageError() {
        CliResult result = Cli.run("schema", "test", "--dev-url", "sqlite://x?mode=memory", "--run", "(");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly(
                "Error: invalid value for --run: error parsing regexp \"(\": Unclosed group",
                "Try 'atlas4j schema test --help' for more information.");
    }

    @Test
    void negativeParallel_isAUsageError() {
        CliResult result = Cli.run("schema", "test", "--parallel", "-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).first()
                .isEqualTo("Error: invalid value for --parallel: must be 0 or more, got: -1");
    }

    @Test
    void nonNumericParallel_isAUsageError() {
        CliResult result = Cli.run("schema", "test", "--parallel", "many");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Invalid value for option '--parallel': 'many' is not an int");
    }

    private static String buildVersion() {
        // Passed by the build (surefire/failsafe systemPropertyVariables), independent of the resource.
        String version = System.getProperty("atlas4j.projectVersion");
        assertThat(version).as("system property atlas4j.projectVersion").isNotBlank().doesNotContain("${");
        return version;
    }
}
