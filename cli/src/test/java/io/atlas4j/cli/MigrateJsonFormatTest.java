package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code migrate apply|status --format '{{ json . }}'} on a SQLite file database (migrate-dir.md §7.7, §8):
 * the printed object is compared as a whole once its times are replaced by {@code <t>}.
 */
class MigrateJsonFormatTest extends SqliteMigrationsTestBase {

    private static final String JSON = "{{ json . }}";

    String env;

    @BeforeEach
    void environment() {
        env = "\"Driver\":\"sqlite3\",\"URL\":\"" + url + "\",\"Dir\":\"file://migrations\"";
    }

    private CliResult run(String command, String... extra) {
        List<String> all = new ArrayList<>(List.of("migrate", command, "--url", url));
        all.addAll(Arrays.asList(extra));
        return Cli.run(dir, all.toArray(String[]::new));
    }

    // Times and durations vary from run to run; everything else is stable.
    private static String stable(String out) {
        return out.replaceAll("\"(Start|End|ExecutedAt)\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"", "\"$1\":\"<t>\"")
                .replaceAll("\"ExecutionTime\":\\d+", "\"ExecutionTime\":<n>")
                .replaceAll("\"Hash\":\"[A-Za-z0-9+/=]+\"", "\"Hash\":\"<h>\"")
                .replaceAll("\"OperatorVersion\":\"Atlas4J CLI v[^\"]+\"", "\"OperatorVersion\":\"<v>\"");
    }

    private static String file(String name, String version, String description) {
        return "{\"Name\":\"" + name + "\",\"Version\":\"" + version + "\",\"Description\":\"" + description + "\"";
    }

    @Test
    void applyPrintsOneObjectWithPendingAppliedAndMessage() {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_second.sql", "CREATE TABLE t2 (id int);\nCREATE TABLE t3 (\n  id int\n);\n");

        CliResult r = run("apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stable(r.out())).isEqualTo("{" + env
                + ",\"Pending\":[" + file("1_first.sql", "1", "first") + "}," + file("2_second.sql", "2", "second") + "}]"
                + ",\"Applied\":["
                + file("1_first.sql", "1", "first") + ",\"Start\":\"<t>\",\"End\":\"<t>\","
                + "\"Applied\":[\"CREATE TABLE t1 (id int);\"]},"
                + file("2_second.sql", "2", "second") + ",\"Start\":\"<t>\",\"End\":\"<t>\","
                + "\"Applied\":[\"CREATE TABLE t2 (id int);\",\"CREATE TABLE t3 (\\n  id int\\n);\"]}]"
                + ",\"Target\":\"2\",\"Start\":\"<t>\",\"End\":\"<t>\""
                + ",\"Message\":\"Migrated to version 2 (2 migrations in total)\"}\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void applyFromAnEarlierVersionNamesItAndNothingPendingSaysSo() {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        assertThat(run("apply").exitCode()).isZero();
        file("2_second.sql", "CREATE TABLE t2 (id int);\n");

        CliResult second = run("apply", "--format", JSON);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(stable(second.out())).contains(",\"Current\":\"1\",\"Target\":\"2\",")
                .endsWith(",\"Message\":\"Migrated to version 2 from 1 (1 migrations in total)\"}\n");

        CliResult none = run("apply", "--format", JSON);
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(stable(none.out())).isEqualTo("{" + env
                + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Message\":\"No migration files to execute\"}\n");
    }

    @Test
    void aFailedApplyStillPrintsTheObjectWithTheErrorAndKeepsTheExitCode() {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_broken.sql", "CREATE TABLE broken (id int); THIS IS A FAILING STATEMENT;\n");

        CliResult r = run("apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        String out = stable(r.out());
        assertThat(out).startsWith("{" + env + ",\"Pending\":[" + file("1_first.sql", "1", "first") + "},"
                + file("2_broken.sql", "2", "broken") + "}],\"Applied\":[");
        // The failing statement is the file's Error, not one of its applied statements.
        assertThat(out).contains(file("2_broken.sql", "2", "broken") + ",\"Start\":\"<t>\",\"End\":\"<t>\","
                + "\"Applied\":[\"CREATE TABLE broken (id int);\"],"
                + "\"Error\":{\"Stmt\":\"THIS IS A FAILING STATEMENT;\",\"Text\":\"");
        assertThat(out).contains(",\"Target\":\"2\",\"Start\":\"<t>\",\"End\":\"<t>\","
                + "\"Error\":\"sql/migrate: executing statement \\\"THIS IS A FAILING STATEMENT;\\\" from version \\\"2\\\": ");
        assertThat(out).doesNotContain("\"Message\"").endsWith("\"}\n");
        assertThat(out.lines()).hasSize(1);
        assertThat(r.err()).contains("Error: sql/migrate: executing statement");
    }

    @Test
    void aResumedFileCountsTheStatementsAnEarlierRunApplied() {
        file("1_broken.sql", "CREATE TABLE broken (id int); THIS IS A FAILING STATEMENT;\n");
        assertThat(run("apply", "--tx-mode", "none").exitCode()).isEqualTo(5);
        file("1_broken.sql", "CREATE TABLE broken (id int); CREATE TABLE fixed (id int);\n");

        CliResult r = run("apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stable(r.out())).contains("\"Applied\":[" + file("1_broken.sql", "1", "broken")
                + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Skipped\":1,\"Applied\":[\"CREATE TABLE fixed (id int);\"]}]")
                .endsWith(",\"Message\":\"Migrated to version 1 from 1 (1 migrations in total)\"}\n");
    }

    @Test
    void dryRunListsTheStatementsItWouldRun() {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");

        CliResult r = run("apply", "--dry-run", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stable(r.out())).contains("\"Applied\":[" + file("1_first.sql", "1", "first")
                + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Applied\":[\"CREATE TABLE t1 (id int);\"]}]");
        assertThat(run("status").out()).contains("Pending Files:   1");
    }

    private static String txtar(String checks, String migration) {
        return "-- atlas:txtar\n\n-- checks.sql --\n" + checks + "\n-- migration.sql --\n" + migration;
    }

    private static final String FAILED = "1 of 2 assertions failed: check assertion "
            + "\\\"SELECT NOT EXISTS (SELECT 1 FROM users);\\\" returned false";

    @ParameterizedTest(name = "dry run: {0}")
    @ValueSource(booleans = {false, true})
    void aFailingCheckIsTheFilesErrorWithItsCheckFile(boolean dryRun) throws Exception {
        file("1_users.sql", "CREATE TABLE users (id int);\n");
        file("2_drop.sql", txtar("SELECT true;\nSELECT NOT EXISTS (SELECT 1 FROM users);\n", "DROP TABLE users;\n"));
        file("3_after.sql", "CREATE TABLE after (id int);\n");
        assertThat(run("apply", "1").exitCode()).isZero();
        execute("INSERT INTO users VALUES (1)");

        CliResult r = dryRun ? run("apply", "--dry-run", "--format", JSON) : run("apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        String check = "{\"Stmt\":\"SELECT NOT EXISTS (SELECT 1 FROM users);\",\"Text\":\"" + FAILED + "\"}";
        assertThat(stable(r.out())).isEqualTo("{" + env
                + ",\"Pending\":[" + file("2_drop.sql", "2", "drop") + "}," + file("3_after.sql", "3", "after") + "}]"
                + ",\"Applied\":[" + file("2_drop.sql", "2", "drop") + ",\"Start\":\"<t>\",\"End\":\"<t>\""
                + ",\"Checks\":[{\"Name\":\"checks.sql\",\"Stmts\":[{\"Stmt\":\"SELECT true;\"},"
                + "{\"Stmt\":\"SELECT NOT EXISTS (SELECT 1 FROM users);\",\"Error\":\"returned false\"}]"
                + ",\"Error\":" + check + ",\"Start\":\"<t>\",\"End\":\"<t>\"}]"
                + ",\"Error\":" + check + "}]"
                + ",\"Current\":\"1\",\"Target\":\"3\",\"Start\":\"<t>\",\"End\":\"<t>\",\"Error\":\"" + FAILED + "\"}\n");
        assertThat(r.err()).startsWith("Error: 1 of 2 assertions failed");
        assertThat(query("SELECT version FROM atlas_schema_revisions")).containsExactly("1");
        assertThat(query("SELECT count(*) FROM users")).containsExactly("1");
    }

    @Test
    void passingChecksAreListedWithTheFileTheyGuard() {
        file("1_users.sql", "CREATE TABLE users (id int);\n");
        file("2_drop.sql", txtar("SELECT NOT EXISTS (SELECT 1 FROM users);\n", "DROP TABLE users;\n"));

        CliResult r = run("apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stable(r.out())).contains("," + file("2_drop.sql", "2", "drop")
                + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Applied\":[\"DROP TABLE users;\"]"
                + ",\"Checks\":[{\"Name\":\"checks.sql\",\"Stmts\":[{\"Stmt\":\"SELECT NOT EXISTS (SELECT 1 FROM users);\"}]"
                + ",\"Start\":\"<t>\",\"End\":\"<t>\"}]}]")
                .endsWith(",\"Message\":\"Migrated to version 2 (2 migrations in total)\"}\n");
    }

    @Test
    void aFalseAssertionOfAOneOfFileThatPassedHasNoError() {
        file("1_users.sql", "CREATE TABLE users (id int);\n");
        file("2_drop.sql", txtar("-- atlas:assert oneof\nSELECT false;\nSELECT NOT EXISTS (SELECT 1 FROM users);\n",
                "DROP TABLE users;\n"));

        CliResult r = run("apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stable(r.out())).contains(",\"Checks\":[{\"Name\":\"checks.sql\",\"Stmts\":[{\"Stmt\":\"SELECT false;\"},"
                + "{\"Stmt\":\"SELECT NOT EXISTS (SELECT 1 FROM users);\"}],\"Start\":\"<t>\",\"End\":\"<t>\"}]}]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "status"})
    void aChecksumErrorIsOneJsonObjectWithTheErrorAndTheSameExitCode(String command) throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        Files.writeString(dir.resolve("migrations/1_first.sql"), "CREATE TABLE changed (id int);\n");
        CliResult text = run(command);
        assertThat(text.exitCode()).as(text.toString()).isNotZero();
        assertThat(text.out()).startsWith("You have a checksum error");

        CliResult r = run(command, "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(text.exitCode());
        assertThat(stable(r.out())).isEqualTo(command.equals("apply")
                ? "{" + env + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Error\":\"checksum mismatch\"}\n"
                : "{\"Env\":{" + env + "},\"Error\":\"checksum mismatch\"}\n");
        assertThat(r.errLines()).first().isEqualTo("Error: checksum mismatch");
        assertThat(r.err()).contains("1_first.sql was edited");
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void aChecksumErrorBeforeAnyUrlIsGivenStillPrintsTheObject() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        Files.writeString(dir.resolve("migrations/1_first.sql"), "CREATE TABLE changed (id int);\n");

        CliResult r = Cli.run(dir, "migrate", "apply", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(stable(r.out())).isEqualTo(
                "{\"Dir\":\"file://migrations\",\"Start\":\"<t>\",\"End\":\"<t>\",\"Error\":\"checksum mismatch\"}\n");
        assertThat(r.errLines()).first().isEqualTo("Error: checksum mismatch");
    }

    @ParameterizedTest
    @CsvSource({"sqlite,sqlite3", "postgres,postgres", "mysql,mysql"})
    void driverIsTheNameAtlasRegistersItsDriverUnder(String dialect, String driver) {
        assertThat(io.atlas4j.cli.output.JsonFormat.driverName(dialect)).isEqualTo(driver);
    }

    private void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void statusPrintsFilesRevisionsAndVersions() {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_second.sql", "CREATE TABLE t2 (id int);\n");
        assertThat(run("apply", "1").exitCode()).isZero();

        CliResult r = run("status", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stable(r.out())).isEqualTo("{\"Env\":{" + env + "}"
                + ",\"Available\":[" + file("1_first.sql", "1", "first") + "}," + file("2_second.sql", "2", "second") + "}]"
                + ",\"Pending\":[" + file("2_second.sql", "2", "second") + "}]"
                + ",\"Applied\":[{\"Version\":\"1\",\"Description\":\"first\",\"Type\":\"applied\",\"Applied\":1,\"Total\":1,"
                + "\"ExecutedAt\":\"<t>\",\"ExecutionTime\":<n>,\"Hash\":\"<h>\",\"OperatorVersion\":\"<v>\"}]"
                + ",\"Current\":\"1\",\"Next\":\"2\",\"Status\":\"PENDING\"}\n");
    }

    @Test
    void statusOfAPartiallyAppliedFileHasCountTotalErrorAndSql() {
        file("1_broken.sql", "CREATE TABLE broken (id int); THIS IS A FAILING STATEMENT;\n");
        assertThat(run("apply", "--tx-mode", "none").exitCode()).isEqualTo(5);

        CliResult r = run("status", "--format", JSON);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = stable(r.out());
        assertThat(out).contains(",\"Current\":\"1\",\"Next\":\"1\",\"Count\":1,\"Total\":2,\"Status\":\"PENDING\",\"Error\":\"")
                .endsWith(",\"SQL\":\"THIS IS A FAILING STATEMENT;\"}\n");
        assertThat(out).contains("\"ErrorStmt\":\"THIS IS A FAILING STATEMENT;\"");
    }

    @Test
    void withoutFormatTheTextReportsStay() {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        assertThat(run("status").out()).startsWith("Migration Status: PENDING\n");
        assertThat(run("apply").out()).startsWith("Migrating to version 1 (1 migrations in total):\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "status"})
    void anotherFormatIsAUsageErrorNamingTheSupportedOne(String command) {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");

        CliResult r = run(command, "--format", "{{ sql . }}");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unsupported --format \"{{ sql . }}\"").contains("'{{ json . }}'");
        assertThat(run("status").out()).contains("Pending Files:   1");
    }
}
