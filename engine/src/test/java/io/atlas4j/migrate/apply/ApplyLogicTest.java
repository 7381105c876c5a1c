package io.atlas4j.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.migrate.MigrationFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The database-free parts of apply: hashes, pending files, tx-mode directives and the rendered reports. */
class ApplyLogicTest {

    private static final List<MigrationFile> FILES = List.of(MigrationFile.of("1.sql", "a"), MigrationFile.of("2.sql", "b"),
            MigrationFile.of("3.sql", "c"), MigrationFile.of("4.sql", "d"));

    private static Revision rev(String version, int applied, int total) {
        return new Revision(version, "", Revision.APPLIED, applied, total, Instant.EPOCH, 0, "", "", "h", List.of(), "t");
    }

    private static List<String> versions(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::version).toList();
    }

    @Test
    void m21_partialHashesAreCumulative() {
        assertThat(StatementHashes.of(List.of("CREATE TABLE t (id int);", "CREATE TABLE u (id int);"))).containsExactly(
                "h1:MqHbAvZWFUvn+jWeSHim8ncO6SadWY8FV8lAaQ1hSiM=", "h1:KA/66nUb3taudNvbQahkGzKZIf025/vlpwWLf4bM4Tc=");
    }

    @Test
    void pending_firstRunStartsAtTheLastCheckpoint() {
        List<MigrationFile> files = List.of(MigrationFile.of("1.sql", "a"),
                MigrationFile.of("2.sql", "-- atlas:checkpoint\n\nb"), MigrationFile.of("3.sql", "c"));

        assertThat(versions(Pending.of(files, List.of(), ExecOrder.LINEAR).files())).containsExactly("2", "3");
        // With revisions, checkpoint files are skipped.
        assertThat(versions(Pending.of(files, List.of(rev("1", 1, 1)), ExecOrder.LINEAR).files())).containsExactly("3");
    }

    @Test
    void pending_resumesAtAPartialFile_unlessResolved() {
        assertThat(versions(Pending.of(FILES, List.of(rev("1", 1, 1), rev("2", 1, 2)), ExecOrder.LINEAR).files()))
                .containsExactly("2", "3", "4");
        Revision resolved = rev("2", 1, 2).withType(Revision.APPLIED | Revision.RESOLVED);
        assertThat(versions(Pending.of(FILES, List.of(rev("1", 1, 1), resolved), ExecOrder.LINEAR).files()))
                .containsExactly("3", "4");
    }

    @Test
    void pending_partialFileMissing() {
        Revision partial = new Revision("9", "gone", Revision.APPLIED, 1, 2, Instant.EPOCH, 0, "", "", "h", List.of(), "t");
        assertThatThrownBy(() -> Pending.of(FILES, List.of(partial), ExecOrder.LINEAR))
                .hasMessage("sql/migrate: missing migration: revision \"9_gone.sql\" is partially applied but migration "
                        + "file was not found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LINEAR_SKIP|4",
        "NON_LINEAR|2,4",
    })
    void m29_execOrders(ExecOrder order, String expected) {
        List<Revision> revisions = List.of(rev("1", 1, 1), rev("3", 1, 1));
        assertThat(String.join(",", versions(Pending.of(FILES, revisions, order).files()))).isEqualTo(expected);
    }

    @Test
    void m29_linearRefusesOutOfOrderFiles() {
        List<MigrationFile> five = List.of(MigrationFile.of("1.sql", "a"), MigrationFile.of("2.sql", "b"),
                MigrationFile.of("3.sql", "c"), MigrationFile.of("4.sql", "d"), MigrationFile.of("5.sql", "e"));
        assertThatThrownBy(() -> Pending.of(five, List.of(rev("1", 1, 1), rev("4", 1, 1)), ExecOrder.LINEAR))
                .isInstanceOf(Atlas4jException.class)
                .hasMessage("migration files 2.sql, 3.sql were added out of order. "
                        + "See: https://atlasgo.io/versioned/apply#non-linear-error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-- atlas:txmode all|FILE|txmode \"all\" is not allowed in file directive \"1.sql\". Use \"file\" instead",
        "-- atlas:txmode x|FILE|unknown txmode \"x\" found in file directive \"1.sql\"",
        "-- atlas:txmode none file|FILE|multiple txmode values found in file \"1.sql\": [none, file]",
        "-- atlas:txmode none|ALL|cannot set txmode directive to \"none\" in \"1.sql\" when txmode \"all\" is set globally",
    })
    void txModeDirectiveErrors(String header, TxMode global, String message) {
        MigrationFile f = MigrationFile.of("1.sql", header + "\n\nSELECT 1;");
        assertThatThrownBy(() -> global.forFile(f)).hasMessage(message);
    }

    @Test
    void m30_txModeDirectiveNeedsTheBlankLine() {
        assertThat(TxMode.FILE.forFile(MigrationFile.of("1.sql", "-- atlas:txmode none\n\nSELECT 1;"))).isEqualTo(TxMode.NONE);
        assertThat(TxMode.FILE.forFile(MigrationFile.of("1.sql", "-- atlas:txmode none\nSELECT 1;"))).isEqualTo(TxMode.FILE);
        assertThat(TxMode.NONE.forFile(MigrationFile.of("1.sql", "-- atlas:txmode file\n\nSELECT 1;"))).isEqualTo(TxMode.FILE);
    }

    @Test
    void unknownFlagValues() {
        assertThatThrownBy(() -> TxMode.parse("some")).hasMessage("unknown tx-mode \"some\"");
        assertThatThrownBy(() -> ExecOrder.parse("x")).hasMessage("unknown execution order: \"x\"");
    }

    @Test
    void applyLog_rendersAFailedRun() {
        StringWriter text = new StringWriter();
        ApplyLog log = new ApplyLog(new PrintWriter(text));
        log.header("2", "1", 2);
        log.fileStarted("2");
        log.statement("CREATE TABLE t (\n  id int\n);");
        log.fileOk(Duration.ofNanos(1_204_000));
        log.fileStarted("3");
        log.statement("SELECT 1;");
        log.statement("BAD;");
        log.statementFailed("syntax error");
        log.footer(Duration.ofMillis(12));

        assertThat(text.toString()).isEqualTo("""
                Migrating to version 2 from 1 (2 migrations in total):

                  -- migrating version 2
                    -> CREATE TABLE t (
                         id int
                       );
                  -- ok (1.204ms)

                  -- migrating version 3
                    -> SELECT 1;
                    -> BAD;
                    syntax error

                  -------------------------
                  -- 12ms
                  -- 1 migration ok, 1 with errors
                  -- 2 sql statements ok, 1 with errors
                """);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|0|1 migration",
        "2|0|2 migrations",
        "0|1|1 migration with errors",
        "3|1|3 migrations ok, 1 with errors",
    })
    void applyLog_counts(int ok, int failed, String line) {
        assertThat(ApplyLog.counted(ok, failed, "migration")).isEqualTo(line);
    }

    @Test
    void statusReport_outOfOrderOnly() {
        StatusReport report = new StatusReport("3", null, false, 2, 0, 1, "migration file 2.sql was added out of order", null);

        assertThat(report.render()).isEqualTo("""
                Migration Status: PENDING
                  -- Current Version: 3
                  -- Next Version:    UNKNOWN
                  -- Executed Files:  2
                  -- Pending Files:   1 (out of order)

                  ERROR: migration file 2.sql was added out of order
                """);
    }

    @Test
    void statusReport_checkpointAndMultilineError() {
        assertThat(new StatusReport(null, "5", true, 0, 1, 0, null, null).render())
                .contains("  -- Next Version:    5 (checkpoint)\n");
        Revision failed = rev("3", 1, 2).withError("line one\nline two", "SELECT\n1;", 0);
        assertThat(new StatusReport("3", "3", false, 3, 1, 0, null, failed).render())
                .endsWith("  -- SQL:   SELECT 1;\n  -- ERROR: line one line two\n");
    }

    @Test
    void setReport_rendering() {
        SetReport mixed = new SetReport("2", List.of(new SetReport.Change(true, "2", "second"),
                new SetReport.Change(false, "3", "")));
        assertThat(mixed.render()).isEqualTo("Current version is 2 (1 set, 1 removed):\n\n  + 2 (second)\n  - 3\n\n");
        SetReport all = new SetReport(null, List.of(new SetReport.Change(false, "1", "a"), new SetReport.Change(false, "2", "")));
        assertThat(all.render()).isEqualTo("All revisions deleted (2 in total):\n\n  - 1 (a)\n  - 2\n\n");
        assertThat(new SetReport("2", List.of()).render()).isEmpty();
    }

    @Test
    void revisionTypeNames() {
        assertThat(List.of(1, 2, 4, 6, 3).stream().map(Revision::typeName))
                .containsExactly("baseline", "applied", "manually set", "applied + manually set", "unknown (0011)");
    }

    @Test
    void partialHashesJsonRoundTrip() {
        List<String> hashes = List.of("h1:MqHbAvZWFUvn+jWeSHim8ncO6SadWY8FV8lAaQ1hSiM=", "h1:KA/66nUb3taudNvbQahkGzKZIf025/vlpwWLf4bM4Tc=");
        String json = RevisionStore.jsonArray(hashes);
        assertThat(RevisionStore.parseArray(json)).isEqualTo(hashes);
        assertThat(RevisionStore.parseArray("[\"a\", \"b\"]")).containsExactly("a", "b");
        assertThat(RevisionStore.jsonArray(List.of())).isNull();
        assertThat(RevisionStore.parseArray(null)).isEmpty();
    }
}
