package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Black-box runs of {@code schema inspect|diff|apply} against a PostgreSQL server: a scratch target
 * database per test, the server's dev database for normalisation (engine.md §4.11, §5.1, E112–E114).
 */
class SchemaCommandsPostgresIT extends PostgresCliTestBase {

    @Test
    void inspectPrintsTheDatabaseAsSql() throws Exception {
        Scratch.exec(target, "CREATE TABLE users (id bigint PRIMARY KEY, name text NULL)");
        CliResult r = Cli.run(dir, "schema", "inspect", "-u", targetUrl, "--format", "{{ sql . }}");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                -- Create "users" table
                CREATE TABLE "users" ("id" bigint NOT NULL, "name" text NULL, PRIMARY KEY ("id"));
                """);
    }

    @Test
    void diffPrintsIndentedStatementsAndTheSyncedMessage() throws Exception {
        Scratch.exec(target, "CREATE TABLE users (id bigint PRIMARY KEY)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n"
                + "CREATE TABLE posts (id int NOT NULL);\n");
        CliResult r = Cli.run(dir, "schema", "diff", "--from", targetUrl, "--to", "file://schema.sql", "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                -- Modify "users" table
                ALTER TABLE "users" ADD COLUMN "name" text NOT NULL;
                -- Create "posts" table
                CREATE TABLE "posts" (
                  "id" integer NOT NULL
                );
                """);
        CliResult same = Cli.run(dir, "schema", "diff", "--from", targetUrl, "--to", targetUrl);
        assertThat(same.out()).isEqualTo("Schemas are synced, no changes to be made.\n");
    }

    @Test
    void diffRefusesASchemaAgainstADatabase() {
        String realm = target.raw().replace("&search_path=public", "").replace("search_path=public&", "");
        CliResult r = Cli.run(dir, "schema", "diff", "--from", targetUrl, "--to", realm);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot diff a schema \"public\" with a database connection");
    }

    @Test
    void applyDryRunPrintsThePlanAndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t1 (id int NULL);\n");
        CliResult r = Cli.run(dir, "schema", "apply", "-u", targetUrl, "--to", "file://schema.sql", "--dev-url", devUrl(),
                "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                -- Planned Changes:
                -- Create "t1" table
                CREATE TABLE "t1" (
                  "id" integer NULL
                );
                """);
        assertThat(Scratch.tables(target)).isEmpty();
    }

    @Test
    void applyAsksAndAbortsOrApplies() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t1 (id int NULL);\n");
        CliResult aborted = Cli.runWithInput(dir, "Abort\n", "schema", "apply", "-u", targetUrl, "--to", "file://schema.sql",
                "--dev-url", devUrl());
        assertThat(aborted.exitCode()).isEqualTo(1);
        assertThat(aborted.out()).contains("? Are you sure? [Apply/Abort]: ").contains("Aborted: no changes were applied");
        assertThat(Scratch.tables(target)).isEmpty();

        CliResult applied = Cli.runWithInput(dir, "Apply\n", "schema", "apply", "-u", targetUrl, "--to", "file://schema.sql",
                "--dev-url", devUrl());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(Scratch.tables(target)).containsExactly("t1");

        CliResult again = Cli.run(dir, "schema", "apply", "-u", targetUrl, "--to", "file://schema.sql", "--dev-url", devUrl(),
                "--auto-approve");
        assertThat(again.out()).isEqualTo("Schema is synced, no changes to be made\n");
    }

    @Test
    void applyWithoutAnAnswerSaysHowToApproveAndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t1 (id int NULL);\n");
        CliResult r = Cli.runWithInput(dir, "", "schema", "apply", "-u", targetUrl, "--to", "file://schema.sql",
                "--dev-url", devUrl());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no answer to the approval prompt").contains("--auto-approve");
        assertThat(Scratch.tables(target)).isEmpty();
    }

    @Test
    void aFailingStatementNamesItselfAndLeavesNothingApplied() throws Exception {
        // The dev database accepts the desired state; the target's data makes the second statement fail.
        Scratch.exec(target, "CREATE TABLE a (id int NULL)", "CREATE TABLE b (id int NULL)", "INSERT INTO b VALUES (NULL)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE a (id int NULL, name text NULL);\nCREATE TABLE b (id int NOT NULL);\n");
        CliResult r = Cli.run(dir, "schema", "apply", "-u", targetUrl, "--to", "file://schema.sql", "--dev-url", devUrl(),
                "--auto-approve");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out()).contains("ALTER TABLE \"a\" ADD COLUMN \"name\" text NULL;");
        assertThat(r.err()).contains("modify \"b\" table: executing statement \"ALTER TABLE \"b\" ALTER COLUMN \"id\" SET NOT NULL\"")
                .contains("contains null values")
                .contains("rolled back");
        assertThat(r.err()).doesNotContain(pg.server().password());
        assertThat(Scratch.columns(target, "a")).containsExactly("id");
    }
}
