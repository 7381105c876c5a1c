package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate test} parses Atlas's flags, then stops clearly: migration directories do not exist yet. */
class MigrateTestCommandTest {

    private static final String MESSAGE =
            "Error: migrate test needs migration directories, which Atlas4J does not support yet";

    @TempDir
    Path dir;

    @Test
    void allFlags_parseThenFailWithAClearMessage() throws Exception {
        Files.writeString(dir.resolve("m.test.hcl"), "test \"migrate\" \"m\" {\n}\n");

        CliResult result = Cli.run(dir, "migrate", "test", "--dev-url", "sqlite://m?mode=memory",
                "--dir", "file://migrations", "--dir-format", "atlas", "--revisions-schema", "atlas_schema_revisions",
                "--run", "^m$", "--var", "a=1", "--strict-output", "m.test.hcl");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.errLines().get(0)).isEqualTo(MESSAGE);
        assertThat(result.errLines().get(1)).startsWith("hint: ").contains("atlas4j schema test");
    }

    @Test
    void withoutFlags_failsTheSameWay() {
        CliResult result = Cli.run(dir, "migrate", "test");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines()).first().isEqualTo(MESSAGE);
    }

    @Test
    void flagErrorsStillComeFirst() {
        CliResult result = Cli.run(dir, "migrate", "test", "--var", "novalue");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).first()
                .isEqualTo("Error: variables must be format as key=value, got: \"novalue\"");
    }

    @Test
    void unknownFlag_isAUsageError() {
        CliResult result = Cli.run(dir, "migrate", "test", "--url", "file://schema.sql");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).first().isEqualTo("Error: Unknown option: '--url'");
    }
}
