package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of {@code migrate diff} against a PostgreSQL dev database (migrate-dir.md §10, M33, M34;
 * engine.md §5.2, E112): the files it writes, byte for byte, and the directory it leaves valid.
 */
class MigrateDiffPostgresIT {

    private static final String USERS_HCL = """
            table "users" {
              schema = schema.public
              column "id" {
                null = false
                type = integer
              }
            }
            schema "public" {
            }
            """;

    private Scratch pg;
    private String devUrl;

    @TempDir
    Path dir;

    @BeforeEach
    void createDev() throws SQLException {
        pg = Scratch.open();
        // A dev database of our own: the server's shared one may be in use by other runs.
        devUrl = pg.create("dev").raw();
    }

    @AfterEach
    void dropDev() throws SQLException {
        if (pg != null) {
            pg.dropAll();
        }
    }

    @Test
    void writesOneFileThenReportsTheDirectorySynced() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("\\d{14}\\.sql");
        assertThat(Files.readString(files.get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE \"users\" (\"id\" integer NOT NULL);\n");
        assertThat(dir.resolve("migrations/atlas.sum")).exists();
        CliResult valid = Cli.run(dir, "migrate", "validate");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();

        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out())
                .isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
        assertThat(sqlFiles()).hasSize(1);
    }

    @Test
    void aSecondChangeWritesOnlyTheAlter() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult first = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL.replace("""
                    type = integer
                  }
                """, """
                    type = integer
                  }
                  column "name" {
                    null = true
                    type = text
                  }
                """));
        // Versions are seconds: make sure the second file gets a later one.
        Thread.sleep(1100);
        CliResult second = Cli.run(dir, "migrate", "diff", "add_name", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(2);
        assertThat(files.get(1).getFileName().toString()).matches("\\d{14}_add_name\\.sql");
        assertThat(Files.readString(files.get(1)))
                .isEqualTo("-- Modify \"users\" table\nALTER TABLE \"users\" ADD COLUMN \"name\" text NULL;\n");
        assertThat(Cli.run(dir, "migrate", "validate").exitCode()).isZero();
        CliResult synced = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(synced.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
    }

    @Test
    void golangMigrateFormatWritesUpAndDownFiles() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult r = Cli.run(dir, "migrate", "diff", "first", "--dir", "file://migrations?format=golang-migrate",
                "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> names;
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(3);
        assertThat(names.get(0)).matches("\\d{14}_first\\.down\\.sql");
        assertThat(names.get(1)).matches("\\d{14}_first\\.up\\.sql");
        assertThat(names.get(2)).isEqualTo("atlas.sum");
        assertThat(names.get(0).substring(0, 14)).isEqualTo(names.get(1).substring(0, 14));
        assertThat(Files.readString(dir.resolve("migrations").resolve(names.get(1))))
                .isEqualTo("-- create \"users\" table\nCREATE TABLE \"users\" (\"id\" integer NOT NULL);\n");
        assertThat(Files.readString(dir.resolve("migrations").resolve(names.get(0))))
                .isEqualTo("-- reverse: create \"users\" table\nDROP TABLE \"users\";\n");
        assertThat(Files.readString(dir.resolve("migrations/atlas.sum"))).contains(names.get(1))
                .doesNotContain(names.get(0));
        CliResult again = Cli.run(dir, "migrate", "diff", "--dir", "file://migrations?format=golang-migrate",
                "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(again.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "flyway, 'V\\d{14}__first\\.sql', 'U\\d{14}__first\\.sql'",
        "goose, '\\d{14}_first\\.sql', ''",
        "dbmate, '\\d{14}_first\\.sql', ''"})
    void otherFormatsReplayTheirOwnUpParts(String format, String upName, String undoName) throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        String dirUrl = "file://migrations?format=" + format;
        CliResult r = Cli.run(dir, "migrate", "diff", "first", "--dir", dirUrl, "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> names = sqlFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).anyMatch(n -> n.matches(upName));
        if (!undoName.isEmpty()) {
            assertThat(names).anyMatch(n -> n.matches(undoName));
        }
        // Replaying the directory must run the up part only: otherwise the table is gone and diff writes again.
        CliResult again = Cli.run(dir, "migrate", "diff", "--dir", dirUrl, "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
        assertThat(sqlFiles()).hasSize(names.size());
    }

    @Test
    void aDatabaseDesiredStateWorksToo() throws Exception {
        DatabaseUrl desired = pg.create("desired");
        Scratch.exec(desired, "CREATE TABLE users (id int NOT NULL)");
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", desired.raw());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(sqlFiles().get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE \"users\" (\"id\" integer NOT NULL);\n");
        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", desired.raw());
        assertThat(again.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
    }

    @Test
    void aRealmDevUrlQualifiesTheStatements() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        String realm = devUrl.replace("&search_path=public", "").replace("search_path=public&", "").replace("?search_path=public", "");
        assertThat(realm).doesNotContain("search_path");
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", realm, "--to", "file://schema.hcl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(sqlFiles().get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE \"public\".\"users\" (\"id\" integer NOT NULL);\n");
        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", realm, "--to", "file://schema.hcl");
        assertThat(again.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
    }

    @Test
    void aSqlDesiredStateWorksToo() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id int NOT NULL);\n");
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.sql");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(1);
        assertThat(Files.readString(files.get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE \"users\" (\"id\" integer NOT NULL);\n");
        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.sql");
        assertThat(again.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
    }

    @Test
    void theIndentFormatSplitsCreateTableBodies() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl",
                "--format", "{{ sql . \"  \" }}");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(sqlFiles().get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE \"users\" (\n  \"id\" integer NOT NULL\n);\n");
    }

    @Test
    void aQualifierQualifiesTheStatements() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl", "--qualifier", "app");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(sqlFiles().get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE \"app\".\"users\" (\"id\" integer NOT NULL);\n");
    }

    @Test
    void aDirtyDevDatabaseIsRefusedAndKept() throws Exception {
        DatabaseUrl dirty = DatabaseUrl.parse(devUrl);
        Scratch.exec(dirty, "CREATE TABLE leftover (id int)");
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(r.exitCode()).as(r.toString()).isNotIn(0, 70);
        assertThat(r.err()).contains("not clean").doesNotContain("\tat ");
        assertThat(Scratch.tables(dirty)).containsExactly("leftover");
        assertThat(sqlFiles()).isEmpty();
    }

    @Test
    void missingFlagsAreNamedTheWayCobraNamesThem() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        CliResult noDev = Cli.run(dir, "migrate", "diff", "--to", "file://schema.hcl");
        assertThat(noDev.exitCode()).isEqualTo(2);
        assertThat(noDev.err()).contains("required flag(s) \"dev-url\" not set");
        CliResult noTo = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl);
        assertThat(noTo.exitCode()).isEqualTo(2);
        assertThat(noTo.err()).contains("required flag(s) \"to\" not set");
        assertThat(dir.resolve("migrations")).doesNotExist();
    }

    @Test
    void aTamperedSumFileIsRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL);
        assertThat(Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl").exitCode()).isZero();
        Path file = sqlFiles().get(0);
        Files.writeString(file, Files.readString(file) + "CREATE TABLE extra (id int);\n");
        Files.writeString(dir.resolve("schema.hcl"), USERS_HCL.replace("schema \"public\"", """
                table "more" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = integer
                  }
                }
                schema "public\""""));
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl, "--to", "file://schema.hcl");
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).contains("checksum mismatch");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(sqlFiles()).containsExactly(file);
    }

    private List<Path> sqlFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }
}
