package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrate cases starting with {@code migrate { to = "v" }} start from the state at {@code v}, prepared
 * once per version (issue 4, Speed), observed through the dev database SPI of {@code faulty://}.
 */
class MigrateStateCacheTest {

    private static final String INIT = "CREATE TABLE people (name text);\n";
    private static final String SPLIT = "ALTER TABLE people ADD COLUMN first_name text;\n"
            + "UPDATE people SET first_name = substr(name, 1, instr(name, ' ') - 1);\n";
    private static final String MORE = "CREATE TABLE extra (id int);\n";

    @TempDir
    Path dir;

    private String name;

    @BeforeEach
    void migrations() throws IOException {
        name = "cache" + UUID.randomUUID().toString().replace("-", "");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_init.sql"), INIT);
        Files.writeString(migrations.resolve("2_split.sql"), SPLIT);
        Files.writeString(migrations.resolve("3_more.sql"), MORE);
        MigrationDir.open(migrations).writeSumFile();
    }

    private List<String> run(String text, int workers) throws IOException {
        Files.writeString(dir.resolve("m.test.hcl"), text);
        TestConfig config = TestConfigResolver.resolve(new TestRequest(TestKind.MIGRATE, dir, null, null, Map.of(),
                "faulty://" + name + "?mode=memory", List.of(), null, null, false, workers));
        List<String> out = new ArrayList<>();
        try (TestEnvironment env = TestEnvironment.create(config)) {
            RunSummary summary = TestRun.run(env, List.of(TestLoader.load(config, dir.resolve("m.test.hcl"))),
                    new CaseListener() {
                        @Override
                        public synchronized void caseFinished(CaseResult result) {
                            out.addAll(ConsoleReport.lines(result));
                        }
                    });
            out.add(ConsoleReport.runResult(summary));
        }
        return out.stream().map(l -> l.replaceAll("\\((?!0\u00b5s)[0-9.]+(\u00b5s|ms|s)\\)", "(D)")).collect(Collectors.toList());
    }

    private FaultyDevDatabaseProvider.Calls calls() {
        return FaultyDevDatabaseProvider.calls(name);
    }

    private static List<String> texts(SchemaState state) {
        return state.scripts().stream().map(SqlScript::text).collect(Collectors.toList());
    }

    private static String migrateCase(String caseName, String to, String... execs) {
        StringBuilder sb = new StringBuilder("test \"migrate\" \"" + caseName + "\" {\n  migrate {\n    to = \"" + to + "\"\n  }\n");
        for (String exec : execs) {
            sb.append(exec);
        }
        return sb.append("}\n").toString();
    }

    private static String exec(String sql, String output) {
        return "  exec {\n    sql = \"" + sql + "\"\n" + (output == null ? "" : "    output = \"" + output + "\"\n") + "  }\n";
    }

    @Test
    void eachVersionIsPreparedOnceAndCasesStartingElsewhereStartEmpty() throws IOException {
        String text = migrateCase("a", "1", exec("SELECT count(*) FROM people", "0"))
                + migrateCase("b", "1", exec("SELECT count(*) FROM people", "0"))
                + migrateCase("c", "2", exec("SELECT count(first_name) FROM people", "0"))
                + migrateCase("d", "1", exec("SELECT count(*) FROM people", "0"))
                + "test \"migrate\" \"empty\" {\n  catch {\n    sql = \"SELECT * FROM people\"\n  }\n}\n";

        assertThat(run(text, 1)).containsExactly("-- PASS: a (D)", "-- PASS: b (D)", "-- PASS: c (D)", "-- PASS: d (D)",
                "-- PASS: empty (D)", "PASS");

        assertThat(calls().prepared).extracting(MigrateStateCacheTest::texts)
                .containsExactly(List.of(), List.of(INIT), List.of(INIT, SPLIT));
        // The dev database is told how many cases start at each cached version (a, b and d at 1; c at 2).
        assertThat(calls().expectedLeases).containsExactly(3, 1);
        // Every prepared state, the cached ones included, is removed when the environment closes.
        assertThat(calls().closedWorkspaces).hasValue(3);
    }

    @Test
    void aCaseStartingAtACachedVersionStillAppliesTheLaterFiles() throws IOException {
        String text = migrateCase("split", "1", exec("INSERT INTO people (name) VALUES ('Ada Lovelace')", null),
                "  migrate {\n    to = \"2\"\n  }\n", exec("SELECT first_name FROM people", "Ada"),
                "  catch {\n    sql = \"SELECT * FROM extra\"\n  }\n");

        assertThat(run(text, 1)).containsExactly("-- PASS: split (D)", "PASS");
        // The files up to 1 are in the prepared state; only 2 remains a statement of the case.
        assertThat(calls().needs).containsExactly(new SessionNeeds(List.of(
                "INSERT INTO people (name) VALUES ('Ada Lovelace')", SPLIT, "SELECT first_name FROM people",
                "SELECT * FROM extra"), false));
    }

    @Test
    void rowsSeededAfterACachedVersionDoNotLeakIntoTheNextCaseAtThatVersion() throws IOException {
        String text = migrateCase("seed", "1", exec("INSERT INTO people (name) VALUES ('a'), ('b')", null),
                exec("CREATE TABLE scratch (x int)", null), exec("SELECT count(*) FROM people", "2"))
                + migrateCase("next", "1", exec("SELECT count(*) FROM people", "0"))
                + migrateCase("ddl", "1", "  catch {\n    sql = \"SELECT * FROM scratch\"\n  }\n");

        assertThat(run(text, 1)).containsExactly("-- PASS: seed (D)", "-- PASS: next (D)", "-- PASS: ddl (D)", "PASS");
        assertThat(calls().prepared).hasSize(2);
    }

    @Test
    void aFailingFileInTheCachedStateFailsOnlyTheCaseAtItsMigrateStep() throws IOException {
        Files.writeString(dir.resolve("migrations/4_broken.sql"), "CREATE TABLE ok (x int);\nINSERT INTO nope VALUES (1);\n");
        MigrationDir.open(dir.resolve("migrations")).writeSumFile();

        List<String> out = run(migrateCase("b", "4") + migrateCase("again", "4") + migrateCase("good", "3"), 1);

        assertThat(out).containsExactly("-- FAIL: b (D)", "    m.test.hcl:2:",
                "                Error:          4_broken.sql:2: no such table: nope",
                "-- FAIL: again (D)", "    m.test.hcl:7:",
                "                Error:          4_broken.sql:2: no such table: nope",
                "-- PASS: good (D)", "FAIL");
        // The broken state is tried once; its cases then replay from the empty state.
        assertThat(calls().prepared).extracting(s -> s.scripts().size()).containsExactly(0, 4, 3);
    }

    @Test
    void concurrentCasesAtOneVersionShareOneBuild() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(migrateCase("c" + i, i % 2 == 0 ? "2" : "3",
                    exec("INSERT INTO people (name) VALUES ('x y')", null), exec("SELECT count(*) FROM people", "1")));
        }
        Files.writeString(dir.resolve("m.test.hcl"), text);
        TestConfig config = TestConfigResolver.resolve(new TestRequest(TestKind.MIGRATE, dir, null, null, Map.of(),
                "faulty://" + name + "?mode=memory", List.of(), null, null, false, 4));
        List<CaseResult> results;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TestEnvironment env = TestEnvironment.create(config)) {
            List<Future<CaseResult>> futures = new ArrayList<>();
            // The JUnit engine may run cases from several threads at once: they all ask for versions 2 and 3.
            for (TestCase testCase : TestLoader.load(config, dir.resolve("m.test.hcl")).cases()) {
                futures.add(pool.submit(() -> env.run(testCase, CaseListener.NONE)));
            }
            results = new ArrayList<>();
            for (Future<CaseResult> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(results).hasSize(12).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CaseResult.Status.PASSED));
        assertThat(calls().prepared).extracting(s -> s.scripts().size()).containsExactlyInAnyOrder(0, 2, 3);
    }
}
