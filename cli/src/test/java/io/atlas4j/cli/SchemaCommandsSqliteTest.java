package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Black-box runs of {@code schema inspect|diff|apply} on SQLite files, with an in-memory SQLite dev database
 * (engine.md §4.6, §4.11, E14, E31, E112, E113; schema-hcl.md H34).
 */
class SchemaCommandsSqliteTest extends SqliteMigrationsTestBase {

    private static String dev() {
        return "sqlite://d" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "?mode=memory";
    }

    private void exec(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void h34InspectingAnEmptyDatabasePrintsAnEmptyMain() {
        CliResult r = Cli.run(dir, "schema", "inspect", "-u", url);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("schema \"main\" {\n}\n");
    }

    @Test
    void inspectPrintsHclAndSql() throws Exception {
        exec("CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL DEFAULT 'x' UNIQUE)");
        CliResult hcl = Cli.run(dir, "schema", "inspect", "-u", url);
        assertThat(hcl.exitCode()).as(hcl.toString()).isZero();
        assertThat(hcl.out()).isEqualTo("""
                table "users" {
                  schema = schema.main
                  column "id" {
                    null           = true
                    type           = integer
                    auto_increment = true
                  }
                  column "name" {
                    null    = false
                    type    = text
                    default = "x"
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  index "sqlite_autoindex_users_1" {
                    unique  = true
                    columns = [column.name]
                  }
                }
                schema "main" {
                }
                """);
        CliResult sql = Cli.run(dir, "schema", "inspect", "-u", url, "--format", "{{ sql . }}");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.out()).isEqualTo("""
                -- Create "users" table
                CREATE TABLE `users` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL DEFAULT 'x');
                -- Create index "users_name" to table: "users"
                CREATE UNIQUE INDEX `users_name` ON `users` (`name`);
                """);
    }

    @Test
    void diffPrintsTheRebuildAndTheSyncedMessage() throws Exception {
        exec("CREATE TABLE t (id int NOT NULL, c text)", "CREATE INDEX t_id ON t (id)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int NOT NULL);\nCREATE INDEX t_id ON t (id);\n");
        CliResult r = Cli.run(dir, "schema", "diff", "--from", url, "--to", "file://schema.sql", "--dev-url", dev());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                -- Disable the enforcement of foreign-keys constraints
                PRAGMA foreign_keys = off;
                -- Create "new_t" table
                CREATE TABLE `new_t` (
                  `id` int NOT NULL
                );
                -- Copy rows from old table "t" to new temporary table "new_t"
                INSERT INTO `new_t` (`id`) SELECT `id` FROM `t`;
                -- Drop "t" table after copying rows
                DROP TABLE `t`;
                -- Rename temporary table "new_t" to "t"
                ALTER TABLE `new_t` RENAME TO `t`;
                -- Create index "t_id" to table: "t"
                CREATE INDEX `t_id` ON `t` (`id`);
                -- Enable back the enforcement of foreign-keys constraints
                PRAGMA foreign_keys = on;
                """);
        CliResult same = Cli.run(dir, "schema", "diff", "--from", url, "--to", url);
        assertThat(same.out()).isEqualTo("Schemas are synced, no changes to be made.\n");
    }

    @Test
    void applyKeepsTheRowsThroughARebuildAndIsThenSynced() throws Exception {
        exec("CREATE TABLE users (id int NOT NULL, nick text)", "INSERT INTO users VALUES (1, NULL), (2, 'b')");
        Files.writeString(dir.resolve("schema.hcl"), """
                table "users" {
                  schema = schema.main
                  column "id" {
                    type = int
                  }
                  column "nick" {
                    type    = text
                    default = "a8m"
                  }
                  primary_key {
                    columns = [column.id]
                  }
                }
                table "posts" {
                  schema = schema.main
                  column "id" {
                    type = int
                  }
                  column "author" {
                    type = int
                    null = true
                  }
                  foreign_key "author" {
                    columns     = [column.author]
                    ref_columns = [table.users.column.id]
                    on_delete   = CASCADE
                  }
                }
                schema "main" {
                }
                """);
        CliResult dry = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.hcl", "--dev-url", dev(), "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).startsWith("-- Planned Changes:\n-- Disable the enforcement of foreign-keys constraints\n")
                .contains("INSERT INTO `new_users` (`id`, `nick`) SELECT `id`, IFNULL(`nick`, 'a8m') AS `nick` FROM `users`;")
                .contains("CONSTRAINT `author` FOREIGN KEY (`author`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE");
        assertThat(query("SELECT count(*) FROM sqlite_master WHERE name = 'posts'")).containsExactly("0");

        CliResult applied = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.hcl", "--dev-url", dev(),
                "--auto-approve");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(query("SELECT id, nick FROM users ORDER BY id")).containsExactly("1|a8m", "2|b");

        CliResult again = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.hcl", "--dev-url", dev(),
                "--auto-approve");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo("Schema is synced, no changes to be made\n");
    }

    @Test
    void e14ApplyDropsATableWithForeignKeysOff() throws Exception {
        exec("CREATE TABLE users (id int PRIMARY KEY)", "CREATE TABLE posts (id int, author int REFERENCES users (id))",
                "INSERT INTO users VALUES (1)", "INSERT INTO posts VALUES (1, 1)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE posts (id int, author int REFERENCES users (id));\n");
        CliResult r = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.sql", "--dev-url", dev(),
                "--auto-approve");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PRAGMA foreign_keys = off;\n-- Drop \"users\" table\nDROP TABLE `users`;");
        assertThat(query("SELECT name FROM sqlite_master WHERE type = 'table'")).containsExactly("posts");
    }
}
