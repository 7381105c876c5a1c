package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Black-box runs of {@code migrate down} on a SQLite file with the SQLite schema engine (migrate-dir.md §13,
 * engine.md §4.6, §7.2): the reverting plan is computed on an in-memory dev database.
 */
class MigrateDownSqliteEngineTest extends SqliteMigrationsTestBase {

    private static String dev() {
        return "sqlite://d" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "?mode=memory";
    }

    private void directory(String... files) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(m.resolve((i + 1) + ".sql"), files[i]);
        }
        CliResult hash = Cli.run(dir, "migrate", "hash");
        assertThat(hash.exitCode()).as(hash.toString()).isZero();
        CliResult apply = Cli.run(dir, "migrate", "apply", "-u", url);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
    }

    @Test
    void revertsACreatedTableAfterCheckingItIsEmpty() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n");

        CliResult r = Cli.run(dir, "migrate", "down", "-u", url, "--dev-url", dev());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Migrating down from version 2 to 1 (1 migration in total):\n")
                .contains("    -> SELECT NOT EXISTS (SELECT 1 FROM `b`) AS `is_empty`\n")
                .contains("    -> DROP TABLE `b`\n");
        assertThat(query("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')")).containsExactly("a");
        assertThat(query("SELECT version FROM atlas_schema_revisions ORDER BY version")).containsExactly("1");
    }

    @Test
    void revertsAnAddedColumnWithATableRebuildKeepingTheRows() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\nINSERT INTO a VALUES (7);\n", "ALTER TABLE a ADD COLUMN name text NULL;\n");

        CliResult r = Cli.run(dir, "migrate", "down", "-u", url, "--dev-url", dev());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("    -> SELECT NOT EXISTS (SELECT 1 FROM `a` WHERE `name` IS NOT NULL) AS `is_empty`\n")
                .contains("    -> INSERT INTO `new_a` (`id`) SELECT `id` FROM `a`\n");
        assertThat(query("SELECT * FROM a")).containsExactly("7");
    }
}
