package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.testdsl.TestKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrate tests (testing-dsl.md T64–T70) end to end on in-process SQLite. */
class MigrateTestRunTest {

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void migrations() throws IOException {
        devUrl = "sqlite://mig" + UUID.randomUUID().toString().replace("-", "") + "?mode=memory";
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_init.sql"), "CREATE TABLE people (name text);\n");
        Files.writeString(migrations.resolve("2_split.sql"), "ALTER TABLE people ADD COLUMN first_name text;\n"
                + "ALTER TABLE people ADD COLUMN last_name text;\n"
                + "UPDATE people SET first_name = substr(name, 1, instr(name, ' ') - 1),\n"
                + "  last_name = substr(name, instr(name, ' ') + 1);\n");
        Files.writeString(migrations.resolve("3_more.sql"), "CREATE TABLE extra (id int);\n");
        MigrationDir.open(migrations).writeSumFile();
    }

    private List<String> run(String text) throws IOException {
        Files.writeString(dir.resolve("m.test.hcl"), text);
        TestConfig config = TestConfigResolver.resolve(new TestRequest(TestKind.MIGRATE, dir, null, null, Map.of(), devUrl,
                List.of(), null, null, false, 1));
        List<String> out = new ArrayList<>();
        try (TestEnvironment env = TestEnvironment.create(config)) {
            RunSummary summary = TestRun.run(env, List.of(TestLoader.load(config, dir.resolve("m.test.hcl"))),
                    new CaseListener() {
                        @Override
                        public void caseFinished(CaseResult result) {
                            out.addAll(ConsoleReport.lines(result));
                        }
                    });
            out.add(ConsoleReport.runResult(summary));
        }
        return out.stream().map(l -> l.replaceAll("\\((?!0\u00b5s)[0-9.]+(\u00b5s|ms|s)\\)", "(D)")).collect(Collectors.toList());
    }

    @Test
    void t64_t65_aCaseStartsEmptyAndMigratesUpToAndIncludingTo() throws IOException {
        assertThat(run("test \"migrate\" \"m\" {\n  catch {\n    sql = \"SELECT * FROM people\"\n  }\n"
                + "  migrate {\n    to = \"1\"\n  }\n  exec {\n    sql = \"SELECT count(*) FROM people\"\n    output = \"0\"\n  }\n"
                + "  migrate {\n    to = \"2\"\n  }\n  catch {\n    sql = \"SELECT * FROM extra\"\n  }\n"
                + "  exec {\n    sql = \"SELECT first_name FROM people\"\n  }\n}\n"
                + "test \"migrate\" \"again\" {\n  catch {\n    sql = \"SELECT * FROM people\"\n  }\n}\n"))
                .containsExactly("-- PASS: m (D)", "-- PASS: again (D)", "PASS");
    }

    @Test
    void t66_dataMigrationPattern() throws IOException {
        String text = "test \"migrate\" \"split\" {\n  migrate {\n    to = \"1\"\n  }\n"
                + "  exec {\n    sql = \"INSERT INTO people (name) VALUES ('Ada Lovelace')\"\n  }\n"
                + "  migrate {\n    to = \"2\"\n  }\n"
                + "  exec {\n    sql    = \"SELECT first_name, last_name FROM people\"\n    output = \"OUTPUT\"\n  }\n}\n";
        assertThat(run(text.replace("OUTPUT", "Ada, Lovelace"))).containsExactly("-- PASS: split (D)", "PASS");
        assertThat(run(text.replace("OUTPUT", "Ada, Byron"))).containsExactly("-- FAIL: split (D)", "    m.test.hcl:11:",
                "                Error:          no match for `Ada, Byron` found in \"Ada, Lovelace\"", "FAIL");
    }

    @Test
    void t67_unknownVersionFailsTheCaseOnly() throws IOException {
        List<String> out = run("test \"migrate\" \"bad\" {\n  migrate {\n    to = \"99\"\n  }\n}\n"
                + "test \"migrate\" \"good\" {\n  migrate {\n    to = \"3\"\n  }\n}\n");
        assertThat(out.get(0)).isEqualTo("-- FAIL: bad (D)");
        assertThat(out.get(2)).startsWith("                Error:          migration version \"99\" was not found in ");
        assertThat(out.subList(3, 5)).containsExactly("-- PASS: good (D)", "FAIL");
    }

    @Test
    void migratingDownIsRefused() throws IOException {
        assertThat(run("test \"migrate\" \"down\" {\n  migrate {\n    to = \"2\"\n  }\n  migrate {\n    to = \"1\"\n  }\n}\n"))
                .containsExactly("-- FAIL: down (D)", "    m.test.hcl:5:",
                        "                Error:          cannot migrate down from 2 to 1", "FAIL");
    }

    @Test
    void aFailingMigrationStatementNamesItsFileAndLine() throws IOException {
        Files.writeString(dir.resolve("migrations/4_broken.sql"), "CREATE TABLE ok (x int);\nINSERT INTO nope VALUES (1);\n");
        MigrationDir.open(dir.resolve("migrations")).writeSumFile();
        assertThat(run("test \"migrate\" \"b\" {\n  migrate {\n    to = \"4\"\n  }\n}\n"))
                .containsExactly("-- FAIL: b (D)", "    m.test.hcl:2:",
                        "                Error:          4_broken.sql:2: no such table: nope", "FAIL");
    }

    /** A txtar file's pre-migration checks run before its statements in a migrate step, as apply runs them. */
    @Test
    void preMigrationChecksRunInMigrateSteps() throws IOException {
        Files.writeString(dir.resolve("migrations/4_drop.sql"), "-- atlas:txtar\n\n"
                + "-- checks.sql --\nSELECT count(*) = 0 FROM people;\n"
                + "-- migration.sql --\nDROP TABLE people;\n");
        MigrationDir.open(dir.resolve("migrations")).writeSumFile();
        String seeded = "test \"migrate\" \"seeded\" {\n  migrate {\n    to = \"3\"\n  }\n"
                + "  exec {\n    sql = \"INSERT INTO people (name) VALUES ('Ada Lovelace')\"\n  }\n"
                + "  migrate {\n    to = \"4\"\n  }\n}\n";
        String empty = "test \"migrate\" \"empty\" {\n  migrate {\n    to = \"4\"\n  }\n"
                + "  catch {\n    sql = \"SELECT * FROM people\"\n  }\n}\n";
        assertThat(run(seeded + empty)).containsExactly("-- FAIL: seeded (D)", "    m.test.hcl:8:",
                "                Error:          4_drop.sql:4: pre-migration check checks.sql failed: 1 of 1 assertions failed:"
                        + " check assertion \"SELECT count(*) = 0 FROM people;\" returned false",
                "-- PASS: empty (D)", "FAIL");
    }

    /** A case starting at a version past a txtar file replays the files, so that the checks are not skipped. */
    @Test
    void aStartingVersionPastChecksIsNotTakenFromTheCache() throws IOException {
        Files.writeString(dir.resolve("migrations/4_check.sql"), "-- atlas:txtar\n\n"
                + "-- checks.sql --\nSELECT count(*) > 0 FROM people;\n"
                + "-- migration.sql --\nCREATE TABLE t4 (id int);\n");
        MigrationDir.open(dir.resolve("migrations")).writeSumFile();
        List<String> out = run("test \"migrate\" \"first\" {\n  migrate {\n    to = \"4\"\n  }\n}\n");
        assertThat(out.get(0)).isEqualTo("-- FAIL: first (D)");
        assertThat(out.get(2)).contains("4_check.sql:4: pre-migration check checks.sql failed");
    }

    @Test
    void t69_aTamperedDirectoryStopsTheRunBeforeAnyCase() throws IOException {
        Files.writeString(dir.resolve("migrations/2_split.sql"), "SELECT 1;\n");
        assertThatThrownBy(() -> run("test \"migrate\" \"m\" {\n}\n"))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("checksum mismatch")
                .extracting(e -> ((Atlas4jException) e).code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
    }

    @Test
    void t70_aMissingDirectoryStopsTheRunBeforeAnyCase() throws IOException {
        Files.walk(dir.resolve("migrations")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThatThrownBy(() -> run("test \"migrate\" \"m\" {\n}\n"))
                .isInstanceOf(Atlas4jException.class)
                .extracting(e -> ((Atlas4jException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void t6_onlyMigrateCasesRun() throws IOException {
        assertThat(run("test \"schema\" \"s\" {\n}\ntest \"migrate\" \"m\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n"))
                .containsExactly("-- PASS: m (D)", "PASS");
    }
}
