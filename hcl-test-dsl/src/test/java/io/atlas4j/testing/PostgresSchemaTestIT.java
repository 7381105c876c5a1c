package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime against a real PostgreSQL server (ATLAS4J_TEST_POSTGRES_URL). */
class PostgresSchemaTestIT {

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void schema() throws IOException {
        devUrl = Backends.url("ATLAS4J_TEST_POSTGRES_URL");
        Files.writeString(dir.resolve("schema.sql"), "CREATE DOMAIN us_postal_code AS TEXT\n"
                + "CHECK(\n  VALUE ~ '^\\d{5}$'\n  OR VALUE ~ '^\\d{5}-\\d{4}$'\n);\n"
                + "CREATE TABLE users (id serial PRIMARY KEY, name text, email text UNIQUE);\n");
    }

    private List<String> run(String text) throws IOException {
        return ConsoleRun.run(dir, devUrl, "schema.test.hcl", text);
    }

    @Test
    void theSeedPostalCodeTestPassesWithItsLogLine() throws IOException {
        assertThat(run("test \"schema\" \"postal\" {\n"
                + "  exec {\n    sql = \"select '12345'::us_postal_code\"\n    output = \"12345\"\n  }\n"
                + "  catch {\n    sql = \"select 'hello'::us_postal_code\"\n  }\n"
                + "  log {\n    message = \"Hello from Atlas4J\"\n  }\n}\n"))
                .containsExactly("-- PASS: postal (D)", "    schema.test.hcl:9: Hello from Atlas4J", "PASS");
    }

    @Test
    void withoutCatchTheDomainErrorFailsTheCase() throws IOException {
        assertThat(run("test \"schema\" \"postal\" {\n"
                + "  exec {\n    sql = \"select '12345'::us_postal_code\"\n    output = \"12345\"\n  }\n"
                + "  exec {\n    sql = \"select 'hello'::us_postal_code\"\n  }\n"
                + "  log {\n    message = \"never\"\n  }\n}\n"))
                .containsExactly("-- FAIL: postal (D)", "    schema.test.hcl:6:",
                        "                Error:          value for domain us_postal_code violates check constraint "
                                + "\"us_postal_code_check\"",
                        "FAIL");
    }

    @Test
    void rowsDdlAndSequencesDoNotLeakBetweenCases() throws IOException {
        assertThat(run("test \"schema\" \"a\" {\n"
                + "  exec {\n    sql = <<-SQL\n      INSERT INTO users (name) VALUES ('a'), ('b');\n"
                + "      CREATE TABLE extra (x int);\n      DROP TABLE users CASCADE;\n      SET search_path TO pg_catalog;\n    SQL\n  }\n}\n"
                + "test \"schema\" \"b\" {\n"
                + "  exec {\n    sql = \"INSERT INTO users (name) VALUES ('c') RETURNING id\"\n    output = \"1\"\n  }\n"
                + "  catch {\n    sql = \"SELECT * FROM extra\"\n  }\n"
                + "  exec {\n    sql = \"SELECT current_schemas(false)::text\"\n    output = \"{public}\"\n  }\n}\n"))
                .containsExactly("-- PASS: a (D)", "-- PASS: b (D)", "PASS");
    }

    @Test
    void aStatementRunningPastTheTimeoutIsCancelledAndTheNextCaseRuns() throws IOException {
        List<String> out = ConsoleRun.run(dir, devUrl, "schema.test.hcl", "test \"schema\" \"slow\" {\n"
                + "  exec {\n    sql = \"SELECT pg_sleep(30)\"\n  }\n}\n"
                + "test \"schema\" \"next\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n", new ArrayList<>(),
                Duration.ofMillis(500));
        assertThat(out).containsExactly("-- FAIL: slow (D)", "    schema.test.hcl:2:",
                "                Error:          case timed out after 500ms: canceling statement due to user request",
                "-- PASS: next (D)", "FAIL");
    }

    @Test
    void t26_t27_multiStatementAndDollarQuotedBodies() throws IOException {
        assertThat(run("test \"schema\" \"t\" {\n"
                + "  exec {\n    sql = <<-SQL\n      CREATE FUNCTION two() RETURNS int LANGUAGE plpgsql AS $$\n      BEGIN\n"
                + "        RETURN 2;\n      END;\n      $$;\n      SELECT two();\n    SQL\n    output = \"2\"\n  }\n"
                + "  catch {\n    sql = <<-SQL\n      INSERT INTO users (id, name) VALUES (1, 'A');\n"
                + "      INSERT INTO users (id, name) VALUES (1, 'B');\n      INSERT INTO users (id, name) VALUES (3, 'C');\n"
                + "    SQL\n    error = \"duplicate key\"\n  }\n"
                + "  exec {\n    sql = \"SELECT count(*) FROM users\"\n    output = \"1\"\n  }\n}\n"))
                .containsExactly("-- PASS: t (D)", "PASS");
    }

    @Test
    void t17_tableFormatAndT37AssertShapes() throws IOException {
        assertThat(run("test \"schema\" \"t\" {\n"
                + "  exec {\n    sql = \"INSERT INTO users (name, email) VALUES ('Ada', NULL), ('Bob', 'b@x')\"\n  }\n"
                + "  exec {\n    sql = \"SELECT id, name, email FROM users ORDER BY id\"\n    format = table\n"
                + "    output = <<-TAB\n       id | name | email\n      ----+------+-------\n       1  | Ada  |\n       2  | Bob  | b@x\n    TAB\n  }\n"
                + "  assert {\n    sql = \"SELECT true\"\n  }\n}\n"
                + "test \"schema\" \"shape\" {\n  assert {\n    sql = \"SELECT true FROM generate_series(1, 2)\"\n  }\n}\n"))
                .containsExactly("-- PASS: t (D)", "-- FAIL: shape (D)", "    schema.test.hcl:20:",
                        "                Error:          assertion failed: expected 1 row and 1 column, got 2 rows and 1 columns",
                        "FAIL");
    }
}
