package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code migrate hash|validate|new|apply|status|set} with {@code --env} / {@code --config}: the env of
 * {@code atlas.hcl} fills the flags left unset (project-config.md §1, §3.1, §3.4; P1–P3, P9, P10), on a
 * SQLite file database.
 */
class MigrateEnvConfigTest {

    @TempDir
    Path dir;

    Path db;

    @BeforeEach
    void database() {
        db = dir.resolve("app.db");
    }

    private void write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A migration file in {@code folder}, with the folder's atlas.sum re-hashed by flags alone. */
    private void migration(String folder, String name, String sql) {
        write(folder + "/" + name, sql);
        CliResult hash = atlas4j("migrate", "hash", "--dir", "file://" + folder);
        assertThat(hash.exitCode()).as(hash.toString()).isZero();
    }

    /** An atlas.hcl with {@code env "local"} targeting the test database, plus {@code extra} in the env. */
    private void project(String extra) {
        write("atlas.hcl", """
                env "local" {
                  url = "sqlite://%s"
                  %s
                }
                """.formatted(db, extra));
    }

    private CliResult atlas4j(String... args) {
        return Cli.run(dir, args);
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private List<String> tables() throws SQLException {
        return query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    @Test
    void applyWithEnv_takesUrlAndMigrationDirFromTheEnv() throws SQLException {
        migration("db/migrations", "1_a.sql", "CREATE TABLE from_env (id int);\n");
        project("migration { dir = \"file://db/migrations\" }");

        CliResult result = atlas4j("migrate", "apply", "--env", "local");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Migrating to version 1 (1 migrations in total):");
        assertThat(tables()).containsExactly("atlas_schema_revisions", "from_env");
    }

    @Test
    void applyWithConfigFlag_readsTheNamedFile() throws SQLException {
        migration("m", "1_a.sql", "CREATE TABLE a (id int);\n");
        write("conf/project.hcl", """
                env "local" {
                  url = "sqlite://%s"
                  migration { dir = "file://m" }
                }
                """.formatted(db));

        CliResult result = atlas4j("migrate", "apply", "-c", "file://conf/project.hcl", "--env", "local");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tables()).contains("a");
    }

    @Test
    void p9_explicitFlagsWinOverTheEnv() throws SQLException {
        migration("env_dir", "1_a.sql", "CREATE TABLE from_env_dir (id int);\n");
        migration("flag_dir", "1_a.sql", "CREATE TABLE from_flag_dir (id int);\n");
        project("migration { dir = \"file://env_dir\" }");

        CliResult result = atlas4j("migrate", "apply", "--env", "local", "--dir", "file://flag_dir");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tables()).contains("from_flag_dir").doesNotContain("from_env_dir");
    }

    @Test
    void p9_explicitUrlWinsOverTheEnv() throws SQLException {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        Path other = dir.resolve("other.db");
        project("");

        CliResult result = atlas4j("migrate", "apply", "--env", "local", "--url", "sqlite://" + other);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.exists(db)).as("the env's database is not touched").isFalse();
        assertThat(Files.exists(other)).isTrue();
    }

    @Test
    void p10_execOrderLinearSkipReachesApply() throws SQLException {
        project("migration { exec_order = LINEAR_SKIP }");
        migration("migrations", "1.sql", "CREATE TABLE a (id int);");
        migration("migrations", "3.sql", "CREATE TABLE c (id int);");
        assertThat(atlas4j("migrate", "apply", "--env", "local").exitCode()).isZero();
        migration("migrations", "2.sql", "CREATE TABLE b (id int);");
        migration("migrations", "4.sql", "CREATE TABLE d (id int);");

        CliResult skip = atlas4j("migrate", "apply", "--env", "local");

        assertThat(skip.exitCode()).as(skip.toString()).isZero();
        assertThat(skip.out()).startsWith("Migrating to version 4 from 3 (1 migrations in total):");
        assertThat(tables()).contains("d").doesNotContain("b");
    }

    @Test
    void p10_explicitExecOrderWinsOverTheEnv() throws SQLException {
        project("migration { exec_order = LINEAR_SKIP }");
        migration("migrations", "1.sql", "CREATE TABLE a (id int);");
        migration("migrations", "3.sql", "CREATE TABLE c (id int);");
        assertThat(atlas4j("migrate", "apply", "--env", "local").exitCode()).isZero();
        migration("migrations", "2.sql", "CREATE TABLE b (id int);");

        CliResult linear = atlas4j("migrate", "apply", "--env", "local", "--exec-order", "linear");

        assertThat(linear.exitCode()).as(linear.toString()).isNotZero();
        assertThat(linear.errLines()).first().asString().startsWith("Error: migration file 2.sql was added out of order.");
        assertThat(tables()).doesNotContain("b");
    }

    /** Each migration attribute reaches its flag: the value is one apply refuses with a telling message. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "revisions_schema = \"other\"|Error: cannot store revisions-table in a separate schema (\"other\") with SQLite driver",
        "baseline = \"9\"|Error: baseline version \"9\" not found",
        "lock_timeout = \"10\"|Error: time: invalid duration \"10\"",
    })
    void migrationAttributesFillApplyFlags(String attribute, String error) throws SQLException {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("migration { " + attribute + " }");

        CliResult result = atlas4j("migrate", "apply", "--env", "local");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.errLines()).first().asString().startsWith(error);
        assertThat(tables()).doesNotContain("a");
    }

    @Test
    void theEnvsDirectoryFormatIsReadAndCheckedWithItsPosition() throws SQLException {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("migration { format = rails }");

        CliResult result = atlas4j("migrate", "apply", "--env", "local");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("atlas.hcl:3:24: invalid format \"rails\": expected one of atlas, golang-migrate, goose, flyway, liquibase, dbmate");
        assertThat(tables()).doesNotContain("a");
    }

    @Test
    void aGolangMigrateDirectoryRunsOnlyItsUpFiles() throws SQLException {
        write("migrations/1_a.up.sql", "CREATE TABLE a (id int);\n");
        write("migrations/1_a.down.sql", "DROP TABLE a;\n");
        project("migration { format = golang-migrate }");
        CliResult hash = atlas4j("migrate", "hash", "--env", "local");
        assertThat(hash.exitCode()).as(hash.toString()).isZero();

        CliResult result = atlas4j("migrate", "apply", "--env", "local");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tables()).contains("a");
    }

    @Test
    void flagWinsOverAMigrationAttribute() throws SQLException {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("migration { lock_timeout = \"10\" }");

        CliResult result = atlas4j("migrate", "apply", "--env", "local", "--lock-timeout", "5s");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tables()).contains("a");
    }

    @Test
    void invalidExecOrderIdentifier_isRefused() {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("migration { exec_order = SIDEWAYS }");

        CliResult result = atlas4j("migrate", "apply", "--env", "local");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("invalid exec_order \"SIDEWAYS\"").contains("LINEAR_SKIP");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apply|--env|nope|Error: env \"nope\" not defined in config file",
        "status|--env|nope|Error: env \"nope\" not defined in config file",
        "set|--env|nope|Error: env \"nope\" not defined in config file",
        "hash|--env|nope|Error: env \"nope\" not defined in config file",
        "validate|--env|nope|Error: env \"nope\" not defined in config file",
        "new|--env|nope|Error: env \"nope\" not defined in config file",
        "apply|-c|atlas.hcl|Error: missing scheme for config file. Did you mean file://atlas.hcl?",
        "status|--config|ftp://atlas.hcl|Error: unsupported config file driver \"ftp\"",
    })
    void projectFileErrors(String command, String flag, String value, String error) {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("");

        CliResult result = atlas4j("migrate", command, flag, value);

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.errLines()).first().isEqualTo(error);
    }

    @Test
    void p1_withoutEnvOrConfig_atlasHclIsIgnored() {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("");

        CliResult result = atlas4j("migrate", "apply");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.errLines()).first().isEqualTo("Error: required flag \"url\" not set");
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void p1_configWithoutEnv_usesNoEnvValues() {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        project("");

        CliResult result = atlas4j("migrate", "apply", "-c", "file://atlas.hcl");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.errLines()).first().isEqualTo("Error: required flag \"url\" not set");
    }

    @Test
    void statusAndSetUseTheEnv() throws SQLException {
        migration("m", "1_a.sql", "CREATE TABLE a (id int);\n");
        migration("m", "2_b.sql", "CREATE TABLE b (id int);\n");
        project("migration { dir = \"file://m\" }");

        CliResult set = atlas4j("migrate", "set", "1", "--env", "local");
        CliResult status = atlas4j("migrate", "status", "--env", "local");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(query("SELECT version FROM atlas_schema_revisions")).containsExactly("1");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Current Version: 1").contains("Next Version:    2");
    }

    @Test
    void hashValidateAndNewUseTheEnvDir() throws IOException {
        write("db/m/1_a.sql", "CREATE TABLE a (id int);\n");
        project("migration { dir = \"file://db/m\" }");

        CliResult hash = atlas4j("migrate", "hash", "--env", "local");
        assertThat(hash.exitCode()).as(hash.toString()).isZero();
        assertThat(dir.resolve("db/m/atlas.sum")).exists();
        assertThat(dir.resolve("migrations")).doesNotExist();

        CliResult created = atlas4j("migrate", "new", "second", "--env", "local");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        try (var files = Files.list(dir.resolve("db/m"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("_second.sql"));
        }

        write("db/m/1_a.sql", "CREATE TABLE edited (id int);\n");
        CliResult validate = atlas4j("migrate", "validate", "--env", "local");
        assertThat(validate.exitCode()).as(validate.toString()).isNotZero();
        assertThat(validate.err()).contains("checksum mismatch");
    }

    @Test
    void varsReachTheEnv() throws SQLException {
        migration("migrations", "1_a.sql", "CREATE TABLE a (id int);\n");
        write("atlas.hcl", """
                variable "db" {
                  type = string
                }
                env "local" {
                  url = "sqlite://${var.db}"
                }
                """);

        CliResult result = atlas4j("migrate", "apply", "--env", "local", "--var", "db=" + db);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tables()).contains("a");
    }
}
