package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.migrate.MigrationDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate test} on in-process SQLite: Atlas's flags, output and exit codes. */
class MigrateTestCommandTest {

    private static final String CASE = "test \"migrate\" \"m\" {\n  migrate {\n    to = \"2\"\n  }\n"
            + "  exec {\n    sql    = \"SELECT count(*) FROM people\"\n    output = \"0\"\n  }\n}\n"
            + "test \"schema\" \"s\" {\n}\n";

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void migrations() throws Exception {
        devUrl = "sqlite://m" + UUID.randomUUID().toString().replace("-", "") + "?mode=memory";
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_init.sql"), "CREATE TABLE people (name text);\n");
        Files.writeString(migrations.resolve("2_more.sql"), "ALTER TABLE people ADD COLUMN age int;\n");
        MigrationDir.open(migrations).writeSumFile();
        Files.writeString(dir.resolve("m.test.hcl"), CASE);
    }

    @Test
    void t64_t6_runsOnlyMigrateCasesFromTheDefaultDirectory() {
        CliResult result = Cli.run(dir, "migrate", "test", "--dev-url", devUrl, "--dir-format", "atlas",
                "--revisions-schema", "atlas_schema_revisions", "--run", "^m$", "--var", "a=1", "m.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(0)).startsWith("-- PASS: m (");
        assertThat(result.outLines().get(1)).isEqualTo("PASS");
    }

    @Test
    void t69_aTamperedDirectoryStopsBeforeAnyCase() throws Exception {
        Files.writeString(dir.resolve("migrations/2_more.sql"), "SELECT 1;\n");

        CliResult result = Cli.run(dir, "migrate", "test", "--dev-url", devUrl, "m.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(io.atlas4j.error.ErrorCode.CHECKSUM_MISMATCH.exitCode());
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines().get(0)).startsWith("Error: ").contains("checksum mismatch");
    }

    @Test
    void t70_aMissingDirectoryStopsBeforeAnyCase() {
        CliResult result = Cli.run(dir, "migrate", "test", "--dev-url", devUrl, "--dir", "file://nope", "m.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void otherDirectoryFormatsAreRefused() {
        CliResult result = Cli.run(dir, "migrate", "test", "--dev-url", devUrl, "--dir-format", "flyway", "m.test.hcl");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines().get(0)).isEqualTo("Error: unsupported --dir-format \"flyway\"");
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
