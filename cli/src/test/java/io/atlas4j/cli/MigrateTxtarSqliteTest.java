package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code migrate apply} of {@code -- atlas:txtar} files with pre-migration checks (migrate-dir.md §6, §7.7;
 * engine.md §7.1), end to end on a SQLite file database.
 */
class MigrateTxtarSqliteTest extends SqliteMigrationsTestBase {

    private static final String USERS = "CREATE TABLE users (id int);\n";

    private static String txtar(String checks, String migration) {
        return "-- atlas:txtar\n\n" + checks + "-- migration.sql --\n" + migration;
    }

    private CliResult apply(String... extra) {
        List<String> all = new ArrayList<>(List.of("migrate", "apply", "--url", url));
        all.addAll(Arrays.asList(extra));
        return Cli.run(dir, all.toArray(String[]::new));
    }

    private List<String> tables() throws SQLException {
        return query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String normalised(String out) {
        return out.replaceAll("\\d+(\\.\\d+)?(ns|µs|ms|s)", "<dur>");
    }

    @Test
    void passingCheckAppliesTheMigrationOnly() throws SQLException {
        file("1_users.sql", USERS);
        file("2_drop.sql", txtar("-- checks.sql --\n-- The table must be empty.\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n",
                "DROP TABLE users;\nCREATE TABLE accounts (id int);\n"));

        CliResult result = apply();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(normalised(result.out())).isEqualTo("""
                Migrating to version 2 (2 migrations in total):

                  -- migrating version 1
                    -> CREATE TABLE users (id int);
                  -- ok (<dur>)

                  -- checks before migrating version 2
                    -> SELECT NOT EXISTS (SELECT 1 FROM users);
                  -- ok (<dur>)

                  -- migrating version 2
                    -> DROP TABLE users;
                    -> CREATE TABLE accounts (id int);
                  -- ok (<dur>)

                  -------------------------
                  -- <dur>
                  -- 2 migrations
                  -- 1 check
                  -- 3 sql statements
                """);
        assertThat(tables()).containsExactly("accounts", "atlas_schema_revisions");
        assertThat(query("SELECT version || ':' || applied || '/' || total FROM atlas_schema_revisions ORDER BY version"))
                .containsExactly("1:1/1", "2:2/2");
    }

    @Test
    void failingCheckStopsTheFile_noRevision_statusPending() throws SQLException {
        file("1_users.sql", USERS);
        file("2_drop.sql", txtar("-- checks.sql --\nSELECT true;\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n",
                "DROP TABLE users;\nCREATE TABLE accounts (id int);\n"));
        assertThat(apply("1").exitCode()).isZero();
        execute("INSERT INTO users VALUES (1)");

        CliResult result = apply();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.errLines()).first().isEqualTo(
                "Error: 1 of 2 assertions failed: check assertion \"SELECT NOT EXISTS (SELECT 1 FROM users);\" returned false");
        assertThat(result.err()).contains("2_drop.sql:5:1");
        assertThat(normalised(result.out())).isEqualTo("""
                Migrating to version 2 from 1 (1 migrations in total):

                  -- checks before migrating version 2
                    -> SELECT true;
                    -> SELECT NOT EXISTS (SELECT 1 FROM users);
                    1 of 2 assertions failed: check assertion "SELECT NOT EXISTS (SELECT 1 FROM users);" returned false

                  -------------------------
                  -- <dur>
                  -- 1 migration with errors
                  -- 1 check ok, 1 failure
                """);
        assertThat(tables()).containsExactly("atlas_schema_revisions", "users");
        assertThat(query("SELECT version FROM atlas_schema_revisions")).containsExactly("1");
        CliResult status = Cli.run(dir, "migrate", "status", "--url", url);
        assertThat(status.out()).startsWith("Migration Status: PENDING\n").contains("-- Next Version:    2");

        execute("DELETE FROM users");
        CliResult retried = apply();
        assertThat(retried.exitCode()).as(retried.toString()).isZero();
        assertThat(tables()).containsExactly("accounts", "atlas_schema_revisions");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "file", "none", "all",
    })
    void failingCheckLeavesNothingInEveryTxMode(String txMode) throws SQLException {
        file("1_users.sql", USERS + "INSERT INTO users VALUES (1);\n");
        file("2_drop.sql", txtar("-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM users);\n", "DROP TABLE users;\n"));

        CliResult result = apply("--tx-mode", txMode);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(query("SELECT version FROM atlas_schema_revisions"))
                .containsExactlyElementsOf(txMode.equals("all") ? List.of() : List.of("1"));
        assertThat(tables()).contains("atlas_schema_revisions").doesNotContain(txMode.equals("all") ? "users" : "none");
        if (!txMode.equals("all")) {
            assertThat(query("SELECT count(*) FROM users")).containsExactly("1");
        }
    }

    @Test
    void oneOfNeedsOneTrueAssertion_everyCheckFileMustPass() throws SQLException {
        file("1_users.sql", USERS);
        String checks = "-- checks/any.sql --\n-- atlas:assert oneof\nSELECT false;\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n"
                + "-- checks/all.sql --\nSELECT 1;\nSELECT 1 = 1;\n\n";
        file("2_drop.sql", txtar(checks, "DROP TABLE users;\n"));

        CliResult passed = apply();

        assertThat(passed.exitCode()).as(passed.toString()).isZero();
        assertThat(normalised(passed.out())).contains("""
                  -- checks before migrating version 2
                    -> SELECT false;
                    -> SELECT NOT EXISTS (SELECT 1 FROM users);
                  -- ok (<dur>)

                  -- checks before migrating version 2
                    -> SELECT 1;
                    -> SELECT 1 = 1;
                  -- ok (<dur>)

                  -- migrating version 2
                    -> DROP TABLE users;
                """).contains("  -- 4 checks\n");
        assertThat(tables()).doesNotContain("users");
    }

    @Test
    void oneOfFailsWhenNoAssertionHolds() throws SQLException {
        file("1_users.sql", USERS + "INSERT INTO users VALUES (1);\n");
        file("2_drop.sql", txtar("-- checks.sql --\n-- atlas:assert oneof\nSELECT false;\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n",
                "DROP TABLE users;\n"));

        CliResult result = apply();

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.errLines()).first()
                .isEqualTo("Error: 2 of 2 assertions failed: check assertion \"SELECT false;\" returned false");
        assertThat(result.out()).contains("  -- 2 check errors\n");
        assertThat(tables()).contains("users");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT NULL;|returned NULL",
        "SELECT 'maybe';|'returned maybe, not a boolean'",
        "SELECT 1 WHERE 0;|returned no rows",
    })
    void nonBooleanResultsFail(String check, String reason) throws SQLException {
        file("1_a.sql", txtar("-- checks.sql --\n" + check + "\n", "CREATE TABLE a (id int);\n"));

        CliResult result = apply();

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.errLines()).first()
                .isEqualTo("Error: 1 of 1 assertions failed: check assertion \"" + check + "\" " + reason);
        assertThat(tables()).doesNotContain("a");
    }

    @Test
    void checkThatCannotRunStopsTheFile() throws SQLException {
        file("1_a.sql", txtar("-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM missing);\nSELECT 1;\n",
                "CREATE TABLE a (id int);\n"));

        CliResult result = apply();

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.errLines()).first().asString().startsWith("Error: sql/migrate: executing check assertion "
                + "\"SELECT NOT EXISTS (SELECT 1 FROM missing);\" from version \"1\": ").contains("no such table: missing");
        assertThat(result.out()).doesNotContain("SELECT 1;").contains("  -- 1 check error\n");
        assertThat(tables()).doesNotContain("a");
    }

    @Test
    void dryRunRunsTheChecksAndPrintsTheStatementsWithoutRunningThem() throws SQLException {
        // The check holds only while table "a" does not exist: true on the database as it is.
        file("1_a.sql", txtar("-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'a');\n\n",
                "CREATE TABLE a (id int);\n"));

        CliResult result = apply("--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(normalised(result.out())).isEqualTo("""
                Migrating to version 1 (1 migrations in total):

                  -- checks before migrating version 1
                    -> SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'a');
                  -- ok (<dur>)

                  -- migrating version 1
                    -> CREATE TABLE a (id int);
                  -- ok (<dur>)

                  -------------------------
                  -- <dur>
                  -- 1 migration
                  -- 1 check
                  -- 1 sql statement
                """);
        assertThat(tables()).isEmpty();
    }

    @Test
    void migrateTestRunsTheChecksBeforeTheMigrationMember() throws IOException {
        file("1_users.sql", USERS);
        // The check fails on the dev database (no table "audit"): the migrate step fails as apply would.
        file("2_accounts.sql", txtar("-- checks.sql --\nSELECT count(*) FROM audit;\n\n",
                "CREATE TABLE accounts (id int);\nINSERT INTO accounts VALUES (1);\n"));
        Files.writeString(dir.resolve("m.test.hcl"), "test \"migrate\" \"m\" {\n  migrate {\n    to = \"2\"\n  }\n"
                + "  exec {\n    sql    = \"SELECT count(*) FROM accounts\"\n    output = \"1\"\n  }\n}\n");
        String devUrl = "sqlite://txtar" + System.nanoTime() + "?mode=memory";

        CliResult failed = Cli.run(dir, "migrate", "test", "--dev-url", devUrl, "m.test.hcl");

        assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
        assertThat(failed.out()).contains("2_accounts.sql:4: pre-migration check checks.sql failed: no such table: audit");

        file("2_accounts.sql", txtar("-- checks.sql --\nSELECT count(*) = 0 FROM users;\n\n",
                "CREATE TABLE accounts (id int);\nINSERT INTO accounts VALUES (1);\n"));
        CliResult passed = Cli.run(dir, "migrate", "test", "--dev-url", devUrl, "m.test.hcl");

        assertThat(passed.exitCode()).as("%s", passed).isZero();
        assertThat(passed.outLines()).last().isEqualTo("PASS");
    }

    @Test
    void aResumedFileDoesNotRunItsChecksAgain() throws SQLException {
        file("1_users.sql", USERS);
        String checks = "-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n";
        file("2_drop.sql", txtar(checks, "DROP TABLE users;\nTHIS FAILS;\n"));
        CliResult failed = apply("--tx-mode", "none");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(5);
        assertThat(failed.out()).contains("  -- checks before migrating version 2\n");
        assertThat(query("SELECT applied || '/' || total FROM atlas_schema_revisions WHERE version = '2'"))
                .containsExactly("1/2");

        // The check would now fail (no table "users"): the file passed it before it started.
        file("2_drop.sql", txtar(checks, "DROP TABLE users;\nCREATE TABLE accounts (id int);\n"));
        CliResult resumed = apply();

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).doesNotContain("checks before").contains("    -> CREATE TABLE accounts (id int);\n");
        assertThat(tables()).containsExactly("accounts", "atlas_schema_revisions");
    }
}
