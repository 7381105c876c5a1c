package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of {@code migrate diff} against the in-process SQLite dev database (migrate-dir.md M33,
 * M34; engine.md E14, E27, E30, E112): the files it writes, byte for byte, and the directory it leaves valid.
 */
class MigrateDiffSqliteTest {

    private static final String SYNCED = "The migration directory is synced with the desired state, no changes to be made\n";

    private static final String USERS_HCL = """
            table "users" {
              schema = schema.main
              column "id" {
                type = int
              }
            }
            schema "main" {
            }
            """;

    @TempDir
    Path dir;

    @Test
    void m33WritesOneFileThenReportsTheDirectorySynced() throws Exception {
        Files.writeString(dir.resolve("1.hcl"), USERS_HCL);
        // M33 names the dev database "sqlite://dev", a file relative to the working directory; the in-process
        // CLI resolves SQLite files against the JVM's directory, so the test names the same file absolutely.
        String dev = "sqlite://" + dir.resolve("dev");
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", dev, "--to", "file://1.hcl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("\\d{14}\\.sql");
        assertThat(Files.readString(files.get(0)))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE `users` (`id` int NOT NULL);\n");
        assertThat(Files.readString(dir.resolve("migrations/atlas.sum"))).contains(files.get(0).getFileName().toString());
        CliResult valid = Cli.run(dir, "migrate", "validate");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();

        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", dev, "--to", "file://1.hcl");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo(SYNCED);
        assertThat(sqlFiles()).hasSize(1);
    }

    @Test
    void m34GolangMigrateFormatWritesUpAndDownFiles() throws Exception {
        Files.writeString(dir.resolve("1.hcl"), USERS_HCL);
        CliResult r = Cli.run(dir, "migrate", "diff", "first", "--dir", "file://migrations?format=golang-migrate",
                "--dev-url", devUrl(), "--to", "file://1.hcl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> names;
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(3);
        assertThat(names.get(0)).matches("\\d{14}_first\\.down\\.sql");
        assertThat(names.get(1)).matches("\\d{14}_first\\.up\\.sql");
        assertThat(Files.readString(dir.resolve("migrations").resolve(names.get(1))))
                .isEqualTo("-- create \"users\" table\nCREATE TABLE `users` (`id` int NOT NULL);\n");
        assertThat(Files.readString(dir.resolve("migrations").resolve(names.get(0))))
                .isEqualTo("-- reverse: create \"users\" table\nDROP TABLE `users`;\n");
        CliResult again = Cli.run(dir, "migrate", "diff", "--dir", "file://migrations?format=golang-migrate",
                "--dev-url", devUrl(), "--to", "file://1.hcl");
        assertThat(again.out()).isEqualTo(SYNCED);
    }

    @Test
    void e30AddColumnThenE14DropTable() throws Exception {
        Files.writeString(dir.resolve("1.hcl"), USERS_HCL);
        assertThat(Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://1.hcl").exitCode()).isZero();
        Files.writeString(dir.resolve("1.hcl"), USERS_HCL.replace("""
                    type = int
                  }
                """, """
                    type = int
                  }
                  column "name" {
                    null = true
                    type = text
                  }
                """));
        Thread.sleep(1100);
        CliResult second = Cli.run(dir, "migrate", "diff", "add_name", "--dev-url", devUrl(), "--to", "file://1.hcl");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(2);
        assertThat(Files.readString(files.get(1)))
                .isEqualTo("-- Add column \"name\" to table: \"users\"\nALTER TABLE `users` ADD COLUMN `name` text NULL;\n");
        assertThat(Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://1.hcl").out()).isEqualTo(SYNCED);

        Files.writeString(dir.resolve("1.hcl"), "schema \"main\" {\n}\n");
        Thread.sleep(1100);
        CliResult third = Cli.run(dir, "migrate", "diff", "drop", "--dev-url", devUrl(), "--to", "file://1.hcl");
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(Files.readString(sqlFiles().get(2))).isEqualTo("""
                -- Disable the enforcement of foreign-keys constraints
                PRAGMA foreign_keys = off;
                -- Drop "users" table
                DROP TABLE `users`;
                -- Enable back the enforcement of foreign-keys constraints
                PRAGMA foreign_keys = on;
                """);
        assertThat(Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://1.hcl").out()).isEqualTo(SYNCED);
    }

    /** E27: a SQL desired state in SQLite's own spelling, normalised by the dev database, then re-diffed. */
    @Test
    void e27SqlDesiredStateIsNormalisedByTheDevDatabase() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), """
                CREATE TABLE records (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name varchar(255) NOT NULL DEFAULT '' UNIQUE,
                  price decimal NOT NULL DEFAULT 0);
                CREATE INDEX records_price ON records (price);
                CREATE TABLE categories (id INTEGER NOT NULL PRIMARY KEY, category_name VARCHAR(255) NOT NULL);
                CREATE TABLE products (id INTEGER NOT NULL PRIMARY KEY, product_name VARCHAR(255) NOT NULL UNIQUE,
                  price DECIMAL(10,2) NOT NULL, category_id INTEGER,
                  FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL);
                """);
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.sql");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(sqlFiles().get(0))).isEqualTo("""
                -- Create "records" table
                CREATE TABLE `records` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` varchar NOT NULL DEFAULT '', `price` decimal NOT NULL DEFAULT 0);
                -- Create index "records_name" to table: "records"
                CREATE UNIQUE INDEX `records_name` ON `records` (`name`);
                -- Create index "records_price" to table: "records"
                CREATE INDEX `records_price` ON `records` (`price`);
                -- Create "categories" table
                CREATE TABLE `categories` (`id` integer NOT NULL, `category_name` varchar NOT NULL, PRIMARY KEY (`id`));
                -- Create "products" table
                CREATE TABLE `products` (`id` integer NOT NULL, `product_name` varchar NOT NULL, `price` decimal NOT NULL, `category_id` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `0` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON UPDATE NO ACTION ON DELETE SET NULL);
                -- Create index "products_product_name" to table: "products"
                CREATE UNIQUE INDEX `products_product_name` ON `products` (`product_name`);
                """);
        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.sql");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo(SYNCED);
    }

    private static String devUrl() {
        return "sqlite://d" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "?mode=memory";
    }

    private List<Path> sqlFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
