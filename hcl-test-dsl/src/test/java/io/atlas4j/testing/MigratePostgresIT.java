package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.testdsl.TestKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrate tests on a real PostgreSQL server (ATLAS4J_TEST_POSTGRES_URL), cases starting from cached versions. */
class MigratePostgresIT {

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void migrations() throws IOException {
        devUrl = Backends.url("ATLAS4J_TEST_POSTGRES_URL");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_init.sql"), "CREATE TABLE people (id serial PRIMARY KEY, name text);\n");
        Files.writeString(migrations.resolve("2_split.sql"), "ALTER TABLE people ADD COLUMN first_name text, "
                + "ADD COLUMN last_name text;\n"
                + "UPDATE people SET first_name = split_part(name, ' ', 1), last_name = split_part(name, ' ', 2);\n");
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
    void casesStartingAtACachedVersionAreIsolatedAndMigrateFurther() throws IOException {
        String seed = "test \"migrate\" \"seed\" {\n  migrate {\n    to = \"1\"\n  }\n"
                + "  exec {\n    sql = \"INSERT INTO people (name) VALUES ('Ada Lovelace') RETURNING id\"\n    output = \"1\"\n  }\n"
                + "  exec {\n    sql = \"CREATE TABLE scratch (x int)\"\n  }\n"
                + "  migrate {\n    to = \"2\"\n  }\n"
                + "  exec {\n    sql = \"SELECT first_name, last_name FROM people\"\n    output = \"Ada, Lovelace\"\n  }\n}\n";
        String next = "test \"migrate\" \"next\" {\n  migrate {\n    to = \"1\"\n  }\n"
                + "  exec {\n    sql = \"INSERT INTO people (name) VALUES ('x') RETURNING id\"\n    output = \"1\"\n  }\n"
                + "  catch {\n    sql = \"SELECT * FROM scratch\"\n  }\n"
                + "  catch {\n    sql = \"SELECT first_name FROM people\"\n  }\n}\n";
        String empty = "test \"migrate\" \"empty\" {\n  catch {\n    sql = \"SELECT * FROM people\"\n  }\n}\n";

        assertThat(run(seed + next + seed.replace("\"seed\"", "\"again\"") + empty))
                .containsExactly("-- PASS: seed (D)", "-- PASS: next (D)", "-- PASS: again (D)", "-- PASS: empty (D)", "PASS");
    }

    @Test
    void aFailingFileOfACachedVersionFailsTheCaseAtItsMigrateStep() throws IOException {
        Files.writeString(dir.resolve("migrations/3_broken.sql"), "CREATE TABLE ok (x int);\nINSERT INTO nope VALUES (1);\n");
        MigrationDir.open(dir.resolve("migrations")).writeSumFile();

        assertThat(run("test \"migrate\" \"b\" {\n  migrate {\n    to = \"3\"\n  }\n}\n"
                + "test \"migrate\" \"good\" {\n  migrate {\n    to = \"2\"\n  }\n}\n"))
                .containsExactly("-- FAIL: b (D)", "    m.test.hcl:2:",
                        "                Error:          3_broken.sql:2: relation \"nope\" does not exist", "-- PASS: good (D)",
                        "FAIL");
    }
}
