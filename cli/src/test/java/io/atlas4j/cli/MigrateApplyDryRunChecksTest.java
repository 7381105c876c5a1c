package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate apply --dry-run} runs the pre-migration checks of the txtar files it lists (migrate-dir.md
 * §7.6), each against the database as it is, and writes nothing: a passing check lets the dry run go on, a
 * failing one ends it exactly as it ends a real apply. End to end on a SQLite file database.
 */
class MigrateApplyDryRunChecksTest extends SqliteMigrationsTestBase {

    private static final String USERS = "CREATE TABLE users (id int);\n";
    private static final String DROP_IF_EMPTY = txtar("-- checks.sql --\nSELECT true;\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n",
            "DROP TABLE users;\n");

    private static String txtar(String checks, String migration) {
        return "-- atlas:txtar\n\n" + checks + "-- migration.sql --\n" + migration;
    }

    private CliResult apply(String... extra) {
        List<String> all = new ArrayList<>(List.of("migrate", "apply", "--url", url));
        all.addAll(Arrays.asList(extra));
        return Cli.run(dir, all.toArray(String[]::new));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> tables() throws SQLException {
        return query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    private static String normalised(String out) {
        return out.replaceAll("\\d+(\\.\\d+)?(ns|µs|ms|s)", "<dur>");
    }

    @Test
    void aPassingCheckRunsAndTheDryRunGoesOnWritingNothing() throws SQLException {
        file("1_users.sql", USERS);
        file("2_drop.sql", DROP_IF_EMPTY);
        file("3_accounts.sql", "CREATE TABLE accounts (id int);\n");
        assertThat(apply("1").exitCode()).isZero();

        CliResult result = apply("--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(normalised(result.out())).isEqualTo("""
                Migrating to version 3 from 1 (2 migrations in total):

                  -- checks before migrating version 2
                    -> SELECT true;
                    -> SELECT NOT EXISTS (SELECT 1 FROM users);
                  -- ok (<dur>)

                  -- migrating version 2
                    -> DROP TABLE users;
                  -- ok (<dur>)

                  -- migrating version 3
                    -> CREATE TABLE accounts (id int);
                  -- ok (<dur>)

                  -------------------------
                  -- <dur>
                  -- 2 migrations
                  -- 2 checks
                  -- 2 sql statements
                """);
        assertThat(tables()).containsExactly("atlas_schema_revisions", "users");
        assertThat(query("SELECT version FROM atlas_schema_revisions")).containsExactly("1");
    }

    @Test
    void aFailingCheckEndsTheDryRunExactlyAsItEndsARealApply() throws SQLException {
        file("1_users.sql", USERS);
        file("2_drop.sql", DROP_IF_EMPTY);
        file("3_accounts.sql", "CREATE TABLE accounts (id int);\n");
        assertThat(apply("1").exitCode()).isZero();
        execute("INSERT INTO users VALUES (1)");

        CliResult dry = apply("--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(5);
        assertThat(dry.errLines()).first().isEqualTo(
                "Error: 1 of 2 assertions failed: check assertion \"SELECT NOT EXISTS (SELECT 1 FROM users);\" returned false");
        assertThat(normalised(dry.out())).isEqualTo("""
                Migrating to version 3 from 1 (2 migrations in total):

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

        CliResult real = apply();
        assertThat(real.exitCode()).isEqualTo(dry.exitCode());
        assertThat(normalised(real.out())).isEqualTo(normalised(dry.out()));
        assertThat(real.err()).isEqualTo(dry.err());
    }

    @Test
    void onAFreshDatabaseNeitherTheRevisionsTableNorWhatAChecksWritesIsLeft() throws SQLException {
        execute("CREATE TABLE audit (id int)");
        // A check with a side effect (SQLite's INSERT ... RETURNING yields one true row): the dry run rolls
        // it back; a real apply commits it with the file.
        file("1_a.sql", txtar("-- checks.sql --\nINSERT INTO audit VALUES (1) RETURNING true;\n\n", "CREATE TABLE a (id int);\n"));

        CliResult dry = apply("--dry-run", "--allow-dirty");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("    -> INSERT INTO audit VALUES (1) RETURNING true;\n  -- ok (")
                .contains("  -- 1 check\n");
        assertThat(tables()).containsExactly("audit");
        assertThat(query("SELECT count(*) FROM audit")).containsExactly("0");

        CliResult real = apply("--allow-dirty");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        assertThat(query("SELECT count(*) FROM audit")).containsExactly("1");
        assertThat(tables()).containsExactly("a", "atlas_schema_revisions", "audit");
    }

    @Test
    void aLaterFilesChecksSeeTheDatabaseWithoutTheEarlierListedFiles() throws SQLException {
        // The documented limit: file 1 creates "users" in a real run, not in a dry run, so the check of file 2
        // cannot run in a dry run on an empty database.
        file("1_users.sql", USERS);
        file("2_drop.sql", DROP_IF_EMPTY);

        CliResult dry = apply("--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(5);
        assertThat(dry.errLines()).first().asString().startsWith("Error: sql/migrate: executing check assertion "
                + "\"SELECT NOT EXISTS (SELECT 1 FROM users);\" from version \"2\": ").contains("no such table: users");
        assertThat(normalised(dry.out())).startsWith("""
                Migrating to version 2 (2 migrations in total):

                  -- migrating version 1
                    -> CREATE TABLE users (id int);
                  -- ok (<dur>)

                  -- checks before migrating version 2
                    -> SELECT true;
                    -> SELECT NOT EXISTS (SELECT 1 FROM users);
                """).endsWith("""
                  -------------------------
                  -- <dur>
                  -- 1 migration ok, 1 with errors
                  -- 1 check ok, 1 failure
                  -- 1 sql statement
                """);
        assertThat(tables()).isEmpty();

        CliResult real = apply();
        assertThat(real.exitCode()).as(real.toString()).isZero();
        assertThat(tables()).containsExactly("atlas_schema_revisions");
    }

    @Test
    void aFileResumedAfterAPartialRunDoesNotRunItsChecksAgain() throws SQLException {
        file("1_users.sql", USERS);
        String checks = "-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM users);\n\n";
        file("2_drop.sql", txtar(checks, "DROP TABLE users;\nTHIS FAILS;\n"));
        assertThat(apply("--tx-mode", "none").exitCode()).isEqualTo(5);
        // The check would now fail (no table "users"): the file passed it before it started.
        file("2_drop.sql", txtar(checks, "DROP TABLE users;\nCREATE TABLE accounts (id int);\n"));

        CliResult dry = apply("--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).doesNotContain("checks before").contains("    -> CREATE TABLE accounts (id int);\n");
        assertThat(query("SELECT applied || '/' || total FROM atlas_schema_revisions WHERE version = '2'"))
                .containsExactly("1/2");
    }
}
