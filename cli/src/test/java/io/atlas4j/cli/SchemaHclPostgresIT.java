package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Files;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Black-box runs of the schema commands with Atlas HCL against PostgreSQL (engine.md §4.11, §5.1, E110–E112):
 * inspect prints HCL, apply takes it back, and the round trip is synced.
 */
class SchemaHclPostgresIT extends PostgresCliTestBase {

    /** What Atlas's {@code schema inspect} prints for {@link #createBlog}: tables by name, then the schema. */
    private static final String BLOG_HCL = """
            table "posts" {
              schema = schema.public
              column "id" {
                null = false
                type = bigint
              }
              column "author_id" {
                null = false
                type = bigint
              }
              primary_key {
                columns = [column.id]
              }
              foreign_key "posts_author_id_fkey" {
                columns     = [column.author_id]
                ref_columns = [table.users.column.id]
                on_update   = NO_ACTION
                on_delete   = CASCADE
              }
            }
            table "users" {
              schema  = schema.public
              comment = "people"
              column "id" {
                null = false
                type = bigint
              }
              column "email" {
                null = false
                type = text
              }
              primary_key {
                columns = [column.id]
              }
              index "users_email_idx" {
                unique  = true
                columns = [column.email]
              }
            }
            schema "public" {
              comment = "standard public schema"
            }
            """;

    private static void createBlog(DatabaseUrl url) throws SQLException {
        Scratch.exec(url, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)",
                "CREATE UNIQUE INDEX users_email_idx ON users (email)",
                "COMMENT ON TABLE users IS 'people'",
                "CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE)");
    }

    @Test
    void inspectPrintsAtlasHcl() throws Exception {
        createBlog(target);
        CliResult r = Cli.run(dir, "schema", "inspect", "-u", target.raw());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(BLOG_HCL);
    }

    @Test
    void applyCreatesTheHclSchemaThenReportsItSynced() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), BLOG_HCL);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("""
                -- Planned Changes:
                -- Create "users" table
                CREATE TABLE "users" (
                  "id" bigint NOT NULL,
                  "email" text NOT NULL,
                  PRIMARY KEY ("id")
                );
                -- Create index "users_email_idx" to table: "users"
                CREATE UNIQUE INDEX "users_email_idx" ON "users" ("email");
                -- Set comment to table: "users"
                COMMENT ON TABLE "users" IS 'people';
                -- Create "posts" table
                CREATE TABLE "posts" (
                  "id" bigint NOT NULL,
                  "author_id" bigint NOT NULL,
                  PRIMARY KEY ("id"),
                  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE
                );
                """);
        assertThat(Scratch.tables(target)).containsExactly("posts", "users");

        CliResult again = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo("Schema is synced, no changes to be made\n");
        // What apply created inspects back to the same HCL.
        assertThat(Cli.run(dir, "schema", "inspect", "-u", target.raw()).out()).isEqualTo(BLOG_HCL);
    }

    @Test
    void inspectedHclDiffsSyncedAgainstItsDatabase() throws Exception {
        createBlog(target);
        Scratch.exec(target, "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE TABLE notes (id serial PRIMARY KEY, body varchar(200) DEFAULT 'x', m mood NULL, "
                        + "tags text[] NULL, at timestamptz NOT NULL DEFAULT now(), CHECK (length(body) > 0))",
                "CREATE INDEX notes_lower ON notes (lower(body)) WHERE m IS NOT NULL",
                "COMMENT ON COLUMN notes.body IS 'what it says'");
        CliResult inspected = Cli.run(dir, "schema", "inspect", "-u", target.raw());
        assertThat(inspected.exitCode()).as(inspected.toString()).isZero();
        Files.writeString(dir.resolve("inspected.hcl"), inspected.out());
        CliResult r = Cli.run(dir, "schema", "diff", "--from", target.raw(), "--to", "file://inspected.hcl", "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Schemas are synced, no changes to be made.\n");
        CliResult back = Cli.run(dir, "schema", "diff", "--from", "file://inspected.hcl", "--to", target.raw(), "--dev-url", devUrl());
        assertThat(back.out()).as(back.toString()).isEqualTo("Schemas are synced, no changes to be made.\n");
    }

    @Test
    void excludeNamesTablesWhenTheUrlIsBoundToASchema() throws Exception {
        createBlog(target);
        CliResult r = Cli.run(dir, "schema", "inspect", "-u", target.raw(), "--exclude", "post*");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(BLOG_HCL.substring(BLOG_HCL.indexOf("table \"users\"")));
    }

    @Test
    void twoHclFilesDiffThroughTheDevDatabase() throws Exception {
        Files.writeString(dir.resolve("from.hcl"), BLOG_HCL);
        Files.writeString(dir.resolve("to.hcl"), BLOG_HCL.replace("""
                  index "users_email_idx" {
                    unique  = true
                    columns = [column.email]
                  }
                """, ""));
        CliResult r = Cli.run(dir, "schema", "diff", "--from", "file://from.hcl", "--to", "file://to.hcl", "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                -- Drop index "users_email_idx" from table: "users"
                DROP INDEX "users_email_idx";
                """);
        assertThat(Scratch.tables(DatabaseUrl.parse(devUrl()))).isEmpty();
    }

    @Test
    void anEnvSkipsDropsAndLeavesExcludedTablesAlone() throws Exception {
        Scratch.exec(target, "CREATE TABLE users (id bigint NOT NULL)", "CREATE TABLE old (id int NOT NULL)",
                "CREATE TABLE legacy (id int NOT NULL)");
        // The desired state has no "old" (skipped drop) and a different "legacy" (excluded on both sides).
        Files.writeString(dir.resolve("schema.hcl"), """
                table "users" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = bigint
                  }
                  column "name" {
                    null = true
                    type = text
                  }
                }
                table "legacy" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = integer
                  }
                  column "extra" {
                    null = true
                    type = text
                  }
                }
                schema "public" {
                }
                """);
        Files.writeString(dir.resolve("atlas.hcl"), """
                env "local" {
                  url     = "%s"
                  dev     = "%s"
                  src     = "file://schema.hcl"
                  exclude = ["legacy"]
                  diff {
                    skip {
                      drop_table = true
                    }
                  }
                }
                """.formatted(target.raw(), devUrl()));
        CliResult dry = Cli.run(dir, "schema", "apply", "--env", "local", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).isEqualTo("""
                -- Planned Changes:
                -- Modify "users" table
                ALTER TABLE "users" ADD COLUMN "name" text NULL;
                """);
        CliResult r = Cli.run(dir, "schema", "apply", "--env", "local", "--auto-approve");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Scratch.tables(target)).containsExactly("legacy", "old", "users");
        assertThat(Scratch.columns(target, "users")).containsExactly("id", "name");
        assertThat(Scratch.columns(target, "legacy")).containsExactly("id");
        CliResult synced = Cli.run(dir, "schema", "apply", "--env", "local", "--auto-approve");
        assertThat(synced.out()).isEqualTo("Schema is synced, no changes to be made\n");
        CliResult diff = Cli.run(dir, "schema", "diff", "--env", "local", "--from", target.raw(), "--to", "file://schema.hcl");
        assertThat(diff.out()).as(diff.toString()).isEqualTo("Schemas are synced, no changes to be made.\n");
    }

    @Test
    void viewsApplyAfterTheirTablesAndStaySynced() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), """
                view "active" {
                  schema = schema.public
                  column "id" {
                    type = bigint
                  }
                  as         = "SELECT id FROM users WHERE email IS NOT NULL"
                  depends_on = [table.users]
                }
                """ + BLOG_HCL);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("-- Create \"active\" view\n");
        assertThat(r.out().indexOf("CREATE VIEW")).isGreaterThan(r.out().indexOf("CREATE TABLE \"users\""));
        assertThat(Scratch.column(target, "SELECT viewname FROM pg_views WHERE schemaname = 'public'")).containsExactly("active");
        CliResult again = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertThat(again.out()).as(again.toString()).isEqualTo("Schema is synced, no changes to be made\n");
    }

    @Test
    void theSkipPolicyFollowsAVariable() throws Exception {
        Scratch.exec(target, "CREATE TABLE users (id bigint NOT NULL)", "CREATE TABLE old (id int NOT NULL)");
        Files.writeString(dir.resolve("schema.hcl"), """
                table "users" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = bigint
                  }
                }
                schema "public" {
                }
                """);
        Files.writeString(dir.resolve("atlas.hcl"), """
                variable "destructive" {
                  type    = bool
                  default = false
                }
                env "local" {
                  url = "%s"
                  dev = "%s"
                  src = "file://schema.hcl"
                  diff {
                    skip {
                      drop_table = !var.destructive
                    }
                  }
                }
                """.formatted(target.raw(), devUrl()));
        CliResult safe = Cli.run(dir, "schema", "diff", "--env", "local", "--from", target.raw(), "--to", "file://schema.hcl");
        assertThat(safe.out()).as(safe.toString()).isEqualTo("Schemas are synced, no changes to be made.\n");
        CliResult destructive = Cli.run(dir, "schema", "diff", "--env", "local", "--var", "destructive=true",
                "--from", target.raw(), "--to", "file://schema.hcl");
        assertThat(destructive.out()).as(destructive.toString()).isEqualTo("""
                -- Drop "old" table
                DROP TABLE "old";
                """);
        assertThat(Scratch.tables(target)).containsExactly("old", "users");
    }

    @Test
    void withoutTheSkipPolicyTheDropIsPlanned() throws Exception {
        Scratch.exec(target, "CREATE TABLE users (id bigint NOT NULL)", "CREATE TABLE old (id int NOT NULL)");
        Files.writeString(dir.resolve("schema.hcl"), """
                table "users" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = bigint
                  }
                }
                schema "public" {
                }
                """);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--dry-run");
        assertThat(r.out()).as(r.toString()).isEqualTo("""
                -- Planned Changes:
                -- Drop "old" table
                DROP TABLE "old";
                """);
        assertThat(Scratch.tables(target)).containsExactly("old", "users");
    }
}
