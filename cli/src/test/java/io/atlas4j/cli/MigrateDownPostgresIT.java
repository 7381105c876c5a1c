package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Black-box runs of {@code migrate down} against PostgreSQL (migrate-dir.md §13, engine.md §7.2): a directory
 * applied with {@code migrate apply} to a scratch database, then reverted by planning back to the directory's
 * earlier state on the dev database.
 */
class MigrateDownPostgresIT extends PostgresCliTestBase {

    private static final String DURATION = "[0-9.]+(ns|µs|ms|s|m)[0-9.a-zµ]*";

    private void directory(String... files) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(m.resolve((i + 1) + ".sql"), files[i]);
        }
        CliResult hash = Cli.run(dir, "migrate", "hash");
        assertThat(hash.exitCode()).as(hash.toString()).isZero();
        CliResult apply = Cli.run(dir, "migrate", "apply", "-u", target.raw());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
    }

    @Test
    void revertsTheLastVersionAndLeavesItPending() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n");
        assertThat(Scratch.tables(target)).containsExactly("a", "b");

        CliResult r = Cli.run(dir, "migrate", "down", "-u", target.raw(), "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Migrating down from version 2 to 1 (1 migration in total):\n\n");
        assertThat(r.out()).matches("""
                Migrating down from version 2 to 1 \\(1 migration in total\\):

                  -- checks before reverting version 2
                    -> SELECT NOT EXISTS \\(SELECT 1 FROM "b"\\) AS "is_empty"
                  -- ok \\(%s\\)

                  -- reverting version 2
                    -> DROP TABLE "b"
                  -- ok \\(%s\\)

                  -------------------------
                  -- %s
                  -- 1 migration
                  -- 1 sql statement
                """.formatted(DURATION, DURATION, DURATION));
        assertThat(Scratch.tables(target)).containsExactly("a");

        CliResult status = Cli.run(dir, "migrate", "status", "-u", target.raw());
        assertThat(status.out()).isEqualTo("""
                Migration Status: PENDING
                  -- Current Version: 1
                  -- Next Version:    2
                  -- Executed Files:  1
                  -- Pending Files:   1
                """);
        // The reverted version applies again.
        CliResult reapply = Cli.run(dir, "migrate", "apply", "-u", target.raw());
        assertThat(reapply.exitCode()).as(reapply.toString()).isZero();
        assertThat(Scratch.tables(target)).containsExactly("a", "b");
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "ALTER TABLE a ADD COLUMN name text NULL;\n");
        CliResult r = Cli.run(dir, "migrate", "down", "-u", target.raw(), "--dev-url", devUrl(), "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Migrating down from version 2 to 1 (1 migration in total):\n")
                .contains("    -> ALTER TABLE \"a\" DROP COLUMN \"name\"\n");
        assertThat(Scratch.columns(target, "a")).containsExactly("id", "name");
        assertThat(Scratch.versions(target))
                .containsExactly("1", "2");
    }

    @Test
    void rowsThatWouldBeLostFailTheCheckAndNothingChanges() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n");
        Scratch.exec(target, "INSERT INTO b VALUES (1)");
        CliResult r = Cli.run(dir, "migrate", "down", "-u", target.raw(), "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isNotIn(0, 70);
        String all = r.out() + r.err();
        assertThat(all).contains("reverting version 2 would lose data")
                .contains("SELECT NOT EXISTS (SELECT 1 FROM \"b\") AS \"is_empty\"")
                .doesNotContain("\tat ")
                .doesNotContain(pg.server().password());
        assertThat(Scratch.tables(target)).containsExactly("a", "b");
        assertThat(Scratch.column(target, "SELECT count(*) FROM b")).containsExactly("1");
        assertThat(Scratch.versions(target))
                .containsExactly("1", "2");
    }

    @Test
    void toVersionRevertsEveryLaterVersionNewestFirst() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n",
                "CREATE TABLE c (id int NOT NULL, b_id int NULL);\n");
        CliResult r = Cli.run(dir, "migrate", "down", "-u", target.raw(), "--dev-url", devUrl(), "--to-version", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Migrating down from version 3 to 1 (2 migrations in total):\n");
        assertThat(r.out().indexOf("-- reverting version 3")).isPositive()
                .isLessThan(r.out().indexOf("-- reverting version 2"));
        assertThat(r.out()).contains("  -- 2 migrations\n", "  -- 2 sql statements\n");
        assertThat(Scratch.tables(target)).containsExactly("a");
        CliResult status = Cli.run(dir, "migrate", "status", "-u", target.raw());
        assertThat(status.out()).contains("-- Current Version: 1\n", "-- Pending Files:   2\n");
    }

    @Test
    void aFailedCheckOnALaterVersionRollsBackTheEarlierOnes() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n",
                "CREATE TABLE c (id int NOT NULL);\n");
        Scratch.exec(target, "INSERT INTO b VALUES (1)");
        CliResult r = Cli.run(dir, "migrate", "down", "--to-version", "1", "-u", target.raw(), "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isNotIn(0, 70);
        assertThat(r.err()).contains("reverting version 2 would lose data");
        // Version 3 reverted cleanly, but in the same transaction: it is rolled back with the failure.
        assertThat(Scratch.tables(target)).containsExactly("a", "b", "c");
        assertThat(Scratch.versions(target)).containsExactly("1", "2", "3");
    }

    @Test
    void aDryRunOverTwoVersionsPlansEachVersionOnce() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n",
                "CREATE TABLE c (id int NOT NULL);\n");
        CliResult r = Cli.run(dir, "migrate", "down", "2", "-u", target.raw(), "--dev-url", devUrl(), "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out).startsWith("Migrating down from version 3 to 1 (2 migrations in total):\n");
        String v3 = out.substring(out.indexOf("-- reverting version 3"), out.indexOf("-- reverting version 2"));
        String v2 = out.substring(out.indexOf("-- reverting version 2"), out.indexOf("-------"));
        assertThat(v3).contains("DROP TABLE \"c\"").doesNotContain("DROP TABLE \"b\"");
        assertThat(v2).contains("DROP TABLE \"b\"").doesNotContain("DROP TABLE \"c\"");
        assertThat(out).contains("  -- 2 sql statements\n");
        assertThat(Scratch.tables(target)).containsExactly("a", "b", "c");
        assertThat(Scratch.versions(target)).containsExactly("1", "2", "3");
    }

    @Test
    void aRealmUrlRevertsQualifiedAndKeepsTheRevisionsSchema() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("1.sql"), "CREATE TABLE public.a (id int NOT NULL);\n");
        Files.writeString(m.resolve("2.sql"), "CREATE SCHEMA app;\nCREATE TABLE app.b (id int NOT NULL);\n");
        assertThat(Cli.run(dir, "migrate", "hash").exitCode()).isZero();
        String realm = target.raw().replace("&search_path=public", "").replace("search_path=public&", "")
                .replace("?search_path=public", "");
        assertThat(realm).doesNotContain("search_path");
        CliResult apply = Cli.run(dir, "migrate", "apply", "-u", realm);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        String devRealm = devUrl().replace("&search_path=public", "").replace("search_path=public&", "")
                .replace("?search_path=public", "");
        // DROP SCHEMA ... CASCADE would take app.b's rows with it: the check on app.b refuses.
        Scratch.exec(target, "INSERT INTO app.b VALUES (1)");
        CliResult refused = Cli.run(dir, "migrate", "down", "-u", realm, "--dev-url", devRealm);
        assertThat(refused.exitCode()).as(refused.toString()).isNotIn(0, 70);
        assertThat(refused.err()).contains("reverting version 2 would lose data")
                .contains("SELECT NOT EXISTS (SELECT 1 FROM \"app\".\"b\") AS \"is_empty\"");
        assertThat(Scratch.column(target, "SELECT count(*) FROM app.b")).containsExactly("1");
        Scratch.exec(target, "DELETE FROM app.b");

        CliResult r = Cli.run(dir, "migrate", "down", "-u", realm, "--dev-url", devRealm);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Migrating down from version 2 to 1 (1 migration in total):\n")
                .contains("    -> SELECT NOT EXISTS (SELECT 1 FROM \"app\".\"b\") AS \"is_empty\"\n")
                .contains("    -> DROP SCHEMA \"app\" CASCADE\n")
                .doesNotContain("atlas_schema_revisions\"");
        assertThat(Scratch.column(target, "SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'atlas_schema_revisions')"
                + " ORDER BY 1")).containsExactly("atlas_schema_revisions");
        CliResult status = Cli.run(dir, "migrate", "status", "-u", realm);
        assertThat(status.out()).contains("-- Current Version: 1\n", "-- Pending Files:   1\n");
    }

    @Test
    void nothingAppliedMeansNothingToRevert() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("1.sql"), "CREATE TABLE a (id int NOT NULL);\n");
        assertThat(Cli.run(dir, "migrate", "hash").exitCode()).isZero();
        CliResult r = Cli.run(dir, "migrate", "down", "-u", target.raw(), "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("No migration to revert\n");
        assertThat(Scratch.tables(target)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "0          | must be at least 1",
        "abc        | invalid amount \"abc\"",
        "--to-version=9 | version 9 is not applied"})
    void badTargetsAreRefusedAndNothingChanges(String arg, String message) throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n", "CREATE TABLE b (id int NOT NULL);\n");
        CliResult r = Cli.run(dir, "migrate", "down", arg, "-u", target.raw(), "--dev-url", devUrl());
        assertThat(r.exitCode()).as(r.toString()).isNotIn(0, 70);
        assertThat(r.err()).as(r.toString()).contains(message).doesNotContain("\tat ");
        assertThat(Scratch.tables(target)).containsExactly("a", "b");
        assertThat(Scratch.versions(target)).containsExactly("1", "2");
    }

    @Test
    void missingDevUrlIsAUsageError() throws Exception {
        directory("CREATE TABLE a (id int NOT NULL);\n");
        CliResult r = Cli.run(dir, "migrate", "down", "-u", target.raw());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("required flag(s) \"dev-url\" not set");
        assertThat(Scratch.tables(target)).containsExactly("a");
        List<String> versions = Scratch.versions(target);
        assertThat(versions).containsExactly("1");
    }
}
