package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Declared renames ({@code renamed_from} on HCL tables, columns and indexes) against PostgreSQL: schema
 * apply and migrate diff plan RENAME statements instead of DROP + ADD (engine.md §3.13, E20, E39, E40, E63).
 */
class SchemaRenamePostgresIT extends PostgresCliTestBase {

    private static final String V1 = """
            schema "public" {}
            table "users" {
              schema = schema.public
              column "id" {
                null = false
                type = integer
              }
              column "name" {
                null = false
                type = text
              }
              primary_key {
                columns = [column.id]
              }
              index "users_name_idx" {
                columns = [column.name]
              }
              check "users_name_nonempty" {
                expr = "name <> ''"
              }
            }
            """;

    /** V1 with the table, a column (now nullable too) and an index renamed; the check follows the column. */
    private static final String V2 = """
            schema "public" {}
            table "accounts" {
              schema       = schema.public
              renamed_from = "users"
              column "id" {
                null = false
                type = integer
              }
              column "full_name" {
                null         = true
                type         = text
                renamed_from = "name"
              }
              primary_key {
                columns = [column.id]
              }
              index "accounts_full_name_idx" {
                columns      = [column.full_name]
                renamed_from = "users_name_idx"
              }
              check "users_name_nonempty" {
                expr = "full_name <> ''"
              }
            }
            """;

    private static final String RENAMES = """
            -- Rename a table from "users" to "accounts"
            ALTER TABLE "users" RENAME TO "accounts";
            -- Modify "accounts" table
            ALTER TABLE "accounts" ALTER COLUMN "name" DROP NOT NULL;
            -- Rename a column from "name" to "full_name"
            ALTER TABLE "accounts" RENAME COLUMN "name" TO "full_name";
            -- Rename an index from "users_name_idx" to "accounts_full_name_idx"
            ALTER INDEX "users_name_idx" RENAME TO "accounts_full_name_idx";
            """;

    private static final String SYNCED = "Schema is synced, no changes to be made\n";

    private CliResult apply() {
        return Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
    }

    @Test
    void applyRenamesTableColumnAndIndexKeepingTheData() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), V1);
        CliResult first = apply();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Scratch.exec(target, "INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob')");

        Files.writeString(dir.resolve("schema.hcl"), V2);
        CliResult diff = Cli.run(dir, "schema", "diff", "--from", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl());
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).isEqualTo(RENAMES);

        CliResult renamed = apply();
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        assertThat(renamed.out()).startsWith("-- Planned Changes:\n" + RENAMES);
        assertThat(Scratch.tables(target)).containsExactly("accounts");
        assertThat(Scratch.columns(target, "accounts")).containsExactly("id", "full_name");
        assertThat(Scratch.column(target, "SELECT full_name FROM accounts ORDER BY id")).containsExactly("ann", "bob");
        assertThat(Scratch.column(target, "SELECT indexname FROM pg_indexes WHERE tablename = 'accounts' ORDER BY 1"))
                .contains("accounts_full_name_idx").doesNotContain("users_name_idx");

        // The hints no longer match once applied: the desired state is synced.
        CliResult again = apply();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo(SYNCED);
    }

    @Test
    void aNewIndexOnARenamedColumnIsCreatedAfterTheRename() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), V1);
        assertThat(apply().exitCode()).isZero();
        Scratch.exec(target, "INSERT INTO users (id, name) VALUES (1, 'ann')");
        String index = """
                  index "accounts_id_full_name_idx" {
                    unique  = true
                    columns = [column.id, column.full_name]
                  }
                """;
        Files.writeString(dir.resolve("schema.hcl"), V2.replace("  check \"users_name_nonempty\" {",
                index + "  check \"users_name_nonempty\" {"));
        CliResult r = apply();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // The index names the column by its new name: it is created after the rename.
        assertThat(r.out()).startsWith("-- Planned Changes:\n" + RENAMES + """
                -- Create index "accounts_id_full_name_idx" to table: "accounts"
                CREATE UNIQUE INDEX "accounts_id_full_name_idx" ON "accounts" ("id", "full_name");
                """);
        assertThat(Scratch.column(target, "SELECT full_name FROM accounts")).containsExactly("ann");
        assertThat(apply().out()).isEqualTo(SYNCED);
    }

    @Test
    void withoutHintsTheSameChangeDropsAndAdds() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), V1);
        assertThat(apply().exitCode()).isZero();
        Files.writeString(dir.resolve("schema.hcl"), V2.replaceAll("(?m)^\\s*renamed_from = .*\\n", ""));
        CliResult diff = Cli.run(dir, "schema", "diff", "--from", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl());
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).doesNotContain("RENAME").contains("DROP TABLE \"users\"", "CREATE TABLE \"accounts\"");
    }

    @Test
    void migrateDiffWritesTheRenames() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), V1);
        CliResult first = Cli.run(dir, "migrate", "diff", "init", "--dev-url", devUrl(), "--to", "file://schema.hcl");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        Files.writeString(dir.resolve("schema.hcl"), V2);
        // Versions are seconds: make sure the second file gets a later one.
        Thread.sleep(1100);
        CliResult second = Cli.run(dir, "migrate", "diff", "rename", "--dev-url", devUrl(), "--to", "file://schema.hcl");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(2);
        assertThat(files.get(1).getFileName().toString()).matches("\\d{14}_rename\\.sql");
        assertThat(Files.readString(files.get(1))).isEqualTo(RENAMES);

        CliResult synced = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.hcl");
        assertThat(synced.exitCode()).as(synced.toString()).isZero();
        assertThat(synced.out()).isEqualTo("The migration directory is synced with the desired state, no changes to be made\n");
    }

    private List<Path> sqlFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }
}
