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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code migrate apply}, {@code status} and {@code set} end to end on a SQLite file database, with the
 * checklist items of migrate-dir.md (M22–M32, M40) in the method names.
 */
class MigrateApplySqliteTest extends SqliteMigrationsTestBase {

    private static final String FIRST = "CREATE TABLE t1 (id int);\n";
    private static final String SECOND = "CREATE TABLE t2 (id int);\n";
    private static final String BROKEN = "CREATE TABLE broken (id int); THIS IS A FAILING STATEMENT;\n";

    private void twoFiles() {
        file("1_first.sql", FIRST);
        file("2_second.sql", SECOND);
    }

    private CliResult atlas4j(String... args) {
        return Cli.run(dir, args);
    }

    private CliResult apply(String... extra) {
        List<String> all = new ArrayList<>(List.of("migrate", "apply", "--url", url));
        all.addAll(Arrays.asList(extra));
        return atlas4j(all.toArray(String[]::new));
    }

    private CliResult status() {
        return atlas4j("migrate", "status", "--url", url);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private List<String> tables() throws SQLException {
        return query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // Durations vary: 1.204ms, 624.004µs, 2.5s, 12ns.
    private static String normalised(String out) {
        return out.replaceAll("\\d+(\\.\\d+)?(ns|µs|ms|s)", "<dur>");
    }

    @Test
    void m22_appliesTwoFilesWithAtlasOutput() throws SQLException {
        twoFiles();

        CliResult result = apply();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(normalised(result.out())).isEqualTo("""
                Migrating to version 2 (2 migrations in total):

                  -- migrating version 1
                    -> CREATE TABLE t1 (id int);
                  -- ok (<dur>)

                  -- migrating version 2
                    -> CREATE TABLE t2 (id int);
                  -- ok (<dur>)

                  -------------------------
                  -- <dur>
                  -- 2 migrations
                  -- 2 sql statements
                """);
        assertThat(result.err()).isEmpty();
        assertThat(tables()).containsExactly("atlas_schema_revisions", "t1", "t2");
    }

    @Test
    void m23_nothingPendingAndAmounts() {
        twoFiles();

        CliResult first = apply("1");
        CliResult second = apply("1");
        CliResult third = apply();

        assertThat(first.out()).startsWith("Migrating to version 1 (1 migrations in total):\n");
        assertThat(second.out()).startsWith("Migrating to version 2 from 1 (1 migrations in total):\n")
                .contains("  -- 1 migration\n  -- 1 sql statement\n");
        assertThat(third.exitCode()).isZero();
        assertThat(third.out()).isEqualTo("No migration files to execute\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|Error: cannot apply '0' migration files",
        "x|Error: invalid amount argument \"x\" (invalid syntax). Omit the argument or pass a valid integer instead",
    })
    void m24_invalidAmounts(String amount, String error) {
        twoFiles();

        CliResult result = apply(amount);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).first().isEqualTo(error);
    }

    @Test
    void m25_txModeFile_rollsBackTheFailingFileAndItsRevision() throws SQLException {
        twoFiles();
        file("3_third.sql", BROKEN);

        CliResult result = apply();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.errLines()).first().asString()
                .startsWith("Error: sql/migrate: executing statement \"THIS IS A FAILING STATEMENT;\" from version \"3\": ");
        assertThat(result.err()).contains("hint: the statement is at ").contains("3_third.sql:1:31");
        assertThat(normalised(result.out())).endsWith("""
                  -- migrating version 3
                    -> CREATE TABLE broken (id int);
                    -> THIS IS A FAILING STATEMENT;
                    near "THIS": syntax error

                  -------------------------
                  -- <dur>
                  -- 2 migrations ok, 1 with errors
                  -- 3 sql statements ok, 1 with errors
                """);
        assertThat(tables()).doesNotContain("broken").contains("t1", "t2");
        assertThat(query("SELECT version FROM atlas_schema_revisions ORDER BY version")).containsExactly("1", "2");
    }

    @Test
    void m25_txModeAll_rollsBackEverything() throws SQLException {
        twoFiles();
        file("3_third.sql", BROKEN);

        CliResult result = apply("--tx-mode", "all");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(tables()).containsExactly("atlas_schema_revisions");
        assertThat(query("SELECT count(*) FROM atlas_schema_revisions")).containsExactly("0");
    }

    @Test
    void m25_m26_m27_txModeNone_keepsProgress_statusExplains_resumeChecksHistory() throws SQLException, IOException {
        twoFiles();
        file("3_third.sql", BROKEN);

        CliResult failed = apply("--tx-mode", "none");

        assertThat(failed.exitCode()).isEqualTo(5);
        assertThat(tables()).contains("broken");
        assertThat(query("SELECT applied, total, error_stmt, error FROM atlas_schema_revisions WHERE version = '3'"))
                .containsExactly("1|2|THIS IS A FAILING STATEMENT;|near \"THIS\": syntax error");

        CliResult status = status();
        assertThat(status.out()).isEqualTo("""
                Migration Status: PENDING
                  -- Current Version: 3 (1 statements applied)
                  -- Next Version:    3 (1 statements left)
                  -- Executed Files:  3 (last one partially)
                  -- Pending Files:   1

                Last migration attempt had errors:
                  -- SQL:   THIS IS A FAILING STATEMENT;
                  -- ERROR: near "THIS": syntax error
                """);

        file("3_third.sql", "CREATE TABLE broken (id int, c int); THIS IS A FAILING STATEMENT;\n");
        CliResult changed = apply();
        assertThat(changed.errLines()).first()
                .isEqualTo("Error: sql/migrate: history changed: statement 1 from file \"3_third.sql\" changed");

        file("3_third.sql", "CREATE TABLE broken (id int); CREATE TABLE fixed (id int);\n");
        CliResult resumed = apply();
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).startsWith("Migrating to version 3 from 3 (1 migrations in total):")
                .contains("    -> CREATE TABLE fixed (id int);").doesNotContain("CREATE TABLE broken");
        assertThat(query("SELECT applied, total, error, partial_hashes FROM atlas_schema_revisions WHERE version = '3'"))
                .containsExactly("2|2||null");
        assertThat(status().out()).startsWith("Migration Status: OK\n");
    }

    @Test
    void m28_dirtyDatabaseNeedsBaselineOrAllowDirty() throws SQLException {
        twoFiles();
        execute("CREATE TABLE x (id int)");

        CliResult refused = apply();
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.errLines()).first().isEqualTo("Error: sql/migrate: connected database is not clean: "
                + "found table \"x\". baseline version or allow-dirty is required");
        assertThat(tables()).doesNotContain("t1");

        CliResult baseline = apply("--baseline", "1");
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
        assertThat(baseline.out()).startsWith("Migrating to version 2 from 1 (1 migrations in total):");
        assertThat(query("SELECT version, type FROM atlas_schema_revisions ORDER BY version"))
                .containsExactly("1|1", "2|2");
        assertThat(tables()).doesNotContain("t1").contains("t2");
    }

    @Test
    void m28_allowDirtyAppliesOnTop_andBaselineExcludesIt() throws SQLException {
        twoFiles();
        execute("CREATE TABLE x (id int)");

        CliResult both = apply("--baseline", "1", "--allow-dirty");
        assertThat(both.errLines()).first()
                .isEqualTo("Error: sql/migrate: baseline and allow-dirty are mutually exclusive");

        CliResult dirty = apply("--allow-dirty");
        assertThat(dirty.exitCode()).as(dirty.toString()).isZero();
        assertThat(tables()).contains("x", "t1", "t2");
    }

    @Test
    void m29_outOfOrderFiles() throws SQLException {
        file("1.sql", "CREATE TABLE a (id int);");
        file("3.sql", "CREATE TABLE c (id int);");
        assertThat(apply().exitCode()).isZero();
        file("2.sql", "CREATE TABLE b (id int);");
        file("4.sql", "CREATE TABLE d (id int);");

        CliResult linear = apply();
        assertThat(linear.errLines()).first().isEqualTo("Error: migration file 2.sql was added out of order. "
                + "See: https://atlasgo.io/versioned/apply#non-linear-error");
        assertThat(status().out()).contains("  -- Next Version:    UNKNOWN\n")
                .contains("  -- Pending Files:   2 (1 out of order)\n")
                .endsWith("\n  ERROR: migration file 2.sql was added out of order. "
                        + "See: https://atlasgo.io/versioned/apply#non-linear-error\n");

        CliResult nonLinear = apply("--exec-order", "non-linear");
        assertThat(nonLinear.exitCode()).as(nonLinear.toString()).isZero();
        assertThat(nonLinear.out()).contains("  -- migrating version 2\n").contains("  -- migrating version 4\n");
        assertThat(tables()).contains("b", "d");
    }

    @Test
    void m29_linearSkipIgnoresOldFiles() throws SQLException {
        file("1.sql", "CREATE TABLE a (id int);");
        file("3.sql", "CREATE TABLE c (id int);");
        assertThat(apply().exitCode()).isZero();
        file("2.sql", "CREATE TABLE b (id int);");
        file("4.sql", "CREATE TABLE d (id int);");

        CliResult skip = apply("--exec-order", "linear-skip");

        assertThat(skip.exitCode()).as(skip.toString()).isZero();
        assertThat(skip.out()).startsWith("Migrating to version 4 from 3 (1 migrations in total):");
        assertThat(tables()).contains("d").doesNotContain("b");
    }

    @Test
    void m30_txmodeDirectiveRunsOutsideTheTransaction_andConflictsWithAll() throws SQLException {
        file("1.sql", "-- atlas:txmode none\n\nCREATE TABLE a (id int);\nNOT SQL;\n");

        CliResult all = apply("--tx-mode", "all");
        assertThat(all.errLines()).first().isEqualTo(
                "Error: cannot set txmode directive to \"none\" in \"1.sql\" when txmode \"all\" is set globally");

        CliResult file = apply();
        assertThat(file.exitCode()).isEqualTo(5);
        // Outside a transaction, the first statement stays, and its revision says so.
        assertThat(tables()).contains("a");
        assertThat(query("SELECT applied, total FROM atlas_schema_revisions")).containsExactly("1|2");
    }

    @Test
    void m31_statusPendingThenOk() {
        twoFiles();

        CliResult pending = status();
        assertThat(pending.exitCode()).as(pending.toString()).isZero();
        assertThat(pending.out()).isEqualTo("""
                Migration Status: PENDING
                  -- Current Version: No migration applied yet
                  -- Next Version:    1
                  -- Executed Files:  0
                  -- Pending Files:   2
                """);

        apply();
        assertThat(status().out()).isEqualTo("""
                Migration Status: OK
                  -- Current Version: 2
                  -- Next Version:    Already at latest version
                  -- Executed Files:  2
                  -- Pending Files:   0
                """);
    }

    @Test
    void m32_setRemovesAndAddsRevisions() throws SQLException {
        file("20220318104614_first.sql", FIRST);
        file("20220318104615_second.sql", SECOND);
        apply();

        CliResult down = atlas4j("migrate", "set", "20220318104614", "--url", url);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).isEqualTo("""
                Current version is 20220318104614 (1 removed):

                  - 20220318104615 (second)

                """);
        assertThat(status().out()).contains("  -- Next Version:    20220318104615\n");

        CliResult up = atlas4j("migrate", "set", "--url", url);
        assertThat(up.out()).isEqualTo("""
                Current version is 20220318104615 (1 set):

                  + 20220318104615 (second)

                """);
        assertThat(query("SELECT version, type FROM atlas_schema_revisions ORDER BY version"))
                .containsExactly("20220318104614|2", "20220318104615|4");
        assertThat(atlas4j("migrate", "set", "--url", url).out()).isEmpty();

        CliResult unknown = atlas4j("migrate", "set", "9", "--url", url);
        assertThat(unknown.errLines()).first().isEqualTo("Error: migration with version \"9\" not found");
        CliResult two = atlas4j("migrate", "set", "1", "2", "--url", url);
        assertThat(two.errLines()).first().isEqualTo("Error: accepts 1 arg(s), received 2");
    }

    @Test
    void m32_setWithoutArgumentOnAFreshDatabase() {
        twoFiles();

        CliResult result = atlas4j("migrate", "set", "--url", url);

        assertThat(result.errLines()).first().isEqualTo("Error: accepts 1 arg(s), received 0");
    }

    @Test
    void m40_revisionRowOfASuccessfulRun() throws SQLException, IOException {
        twoFiles();

        apply();

        String sum = Files.readString(dir.resolve("migrations/atlas.sum"));
        String hash = sum.lines().filter(l -> l.startsWith("1_first.sql ")).findFirst().orElseThrow()
                .substring("1_first.sql h1:".length());
        assertThat(query("SELECT version, description, type, applied, total, error, error_stmt, hash, partial_hashes,"
                + " operator_version FROM atlas_schema_revisions WHERE version = '1'"))
                .singleElement().asString()
                .startsWith("1|first|2|1|1|||" + hash + "|null|Atlas4J CLI v");
        assertThat(query("SELECT name FROM pragma_table_info('atlas_schema_revisions') ORDER BY cid"))
                .containsExactly("version", "description", "type", "applied", "total", "executed_at", "execution_time",
                        "error", "error_stmt", "hash", "partial_hashes", "operator_version");
    }

    @Test
    void dryRunPrintsButChangesNothing() throws SQLException {
        twoFiles();

        CliResult result = apply("--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("    -> CREATE TABLE t1 (id int);");
        assertThat(tables()).isEmpty();
    }

    @Test
    void tamperedSumIsRefusedBeforeConnecting() throws IOException, SQLException {
        twoFiles();
        Files.writeString(dir.resolve("migrations/1_first.sql"), "CREATE TABLE t1 (id bigint);\n");

        CliResult result = apply();

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.out()).contains("\tL2: 1_first.sql was edited");
        assertThat(result.errLines()).first().isEqualTo("Error: checksum mismatch");
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void missingUrl() {
        twoFiles();

        CliResult result = atlas4j("migrate", "apply");

        assertThat(result.errLines()).first().isEqualTo("Error: required flag \"url\" not set");
    }

    @Test
    void heldLockTimesOutWithAClearMessage() throws SQLException {
        twoFiles();
        // Held by a live process: this one.
        ProcessHandle self = ProcessHandle.current();
        execute("CREATE TABLE atlas_migrate_lock (name text PRIMARY KEY, acquired_at text, pid integer, started text)");
        execute("INSERT INTO atlas_migrate_lock VALUES ('atlas_migrate_execute', datetime('now'), " + self.pid() + ", '"
                + self.info().startInstant().map(Object::toString).orElse("") + "')");

        CliResult result = apply("--lock-timeout", "300ms");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.errLines()).first().isEqualTo("Error: acquiring database lock: timed out after 300ms "
                + "waiting for lock \"atlas_migrate_execute\" on " + url);
        assertThat(tables()).doesNotContain("t1");

        execute("DELETE FROM atlas_migrate_lock");
        assertThat(apply().exitCode()).isZero();
        // The lock table goes away with the last lock.
        assertThat(tables()).containsExactly("atlas_schema_revisions", "t1", "t2");
    }

    @Test
    void concurrentAppliersAreSerialised() throws Exception {
        for (int i = 1; i <= 20; i++) {
            file(String.format("%02d.sql", i), "CREATE TABLE t" + i + " (id int);");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<CliResult> run = () -> apply("--lock-timeout", "30s");
            Future<CliResult> a = pool.submit(run);
            Future<CliResult> b = pool.submit(run);
            List<CliResult> results = List.of(a.get(), b.get());

            assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
            assertThat(results).filteredOn(r -> r.out().equals("No migration files to execute\n")).hasSize(1);
            assertThat(query("SELECT count(*) FROM atlas_schema_revisions")).containsExactly("20");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockLeftByAKilledProcessIsTakenOver() throws Exception {
        twoFiles();
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        execute("CREATE TABLE atlas_migrate_lock (name text PRIMARY KEY, acquired_at text, pid integer, started text)");
        execute("INSERT INTO atlas_migrate_lock VALUES ('atlas_migrate_execute', datetime('now'), " + gone.pid() + ", 'x')");

        CliResult result = apply("--lock-timeout", "300ms");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tables()).containsExactly("atlas_schema_revisions", "t1", "t2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--tx-mode|some|Error: unknown tx-mode \"some\"",
        "--exec-order|random|Error: unknown execution order: \"random\"",
        "--lock-timeout|10|Error: time: invalid duration \"10\"",
        "--revisions-schema|other|Error: cannot store revisions-table in a separate schema (\"other\") with SQLite driver",
        "--baseline|9|Error: baseline version \"9\" not found",
    })
    void flagErrors(String flag, String value, String error) throws SQLException {
        twoFiles();

        CliResult result = apply(flag, value);

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.errLines()).first().isEqualTo(error);
        assertThat(tables()).doesNotContain("t1");
    }
}
