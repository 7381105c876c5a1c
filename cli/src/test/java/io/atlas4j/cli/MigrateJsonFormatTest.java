package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        env = "\"Driver\":\"sqlite\",\"URL\":\"" + url + "\",\"Dir\":\"file://migrations\"";
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
                + file("1_first.sql", "1", "first") + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Skipped\":0,"
                + "\"Applied\":[\"CREATE TABLE t1 (id int);\"]},"
                + file("2_second.sql", "2", "second") + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Skipped\":0,"
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
        assertThat(out).contains(file("2_broken.sql", "2", "broken") + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Skipped\":0,"
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
                + ",\"Start\":\"<t>\",\"End\":\"<t>\",\"Skipped\":0,\"Applied\":[\"CREATE TABLE t1 (id int);\"]}]");
        assertThat(run("status").out()).contains("Pending Files:   1");
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
