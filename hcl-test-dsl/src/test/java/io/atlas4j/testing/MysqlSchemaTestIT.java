package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime against a real MySQL/MariaDB server (ATLAS4J_TEST_MYSQL_URL). */
class MysqlSchemaTestIT {

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void schema() throws IOException {
        devUrl = Backends.url("ATLAS4J_TEST_MYSQL_URL");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (\n  id int AUTO_INCREMENT PRIMARY KEY,\n"
                + "  name varchar(100) NOT NULL,\n  age int CHECK (age >= 0)\n);\n"
                + "CREATE TRIGGER users_name BEFORE INSERT ON users FOR EACH ROW\nBEGIN\n"
                + "  SET NEW.name = UPPER(NEW.name);\nEND;\n");
    }

    private List<String> run(String url, String text) throws IOException {
        return ConsoleRun.run(dir, url, "schema.test.hcl", text);
    }

    private static final String CASES = "test \"schema\" \"a\" {\n"
            + "  exec {\n    sql = \"INSERT INTO users (name, age) VALUES ('ada', 36)\"\n  }\n"
            + "  exec {\n    sql = \"SELECT id, name FROM users\"\n    output = \"1, ADA\"\n  }\n"
            + "  exec {\n    sql = \"DROP TABLE users\"\n  }\n}\n"
            + "test \"schema\" \"b\" {\n"
            + "  exec {\n    sql = \"INSERT INTO users (name, age) VALUES ('bob', 1)\"\n  }\n"
            + "  exec {\n    sql = \"SELECT id, name FROM users\"\n    output = \"1, BOB\"\n  }\n"
            + "  catch {\n    sql = \"INSERT INTO users (name, age) VALUES ('eve', -1)\"\n    error = \"(?i)constraint\"\n  }\n}\n"
            + "test \"schema\" \"c\" {\n  exec {\n    sql = \"SELECT * FROM nope\"\n  }\n}\n";

    @Test
    void casesAreIsolatedAndErrorsReported() throws IOException {
        List<String> out = run(devUrl, CASES);
        assertThat(out.subList(0, 3)).containsExactly("-- PASS: a (D)", "-- PASS: b (D)", "-- FAIL: c (D)");
        assertThat(out.get(3)).isEqualTo("    schema.test.hcl:27:");
        assertThat(out.get(4)).startsWith("                Error:          Table ").endsWith(".nope' doesn't exist");
        assertThat(out.get(5)).isEqualTo("FAIL");
    }

    @Test
    void mariaSchemeWorksToo() throws IOException {
        String maria = devUrl.replaceFirst("^mysql://", "maria://");
        assertThat(run(maria, CASES).subList(0, 3)).containsExactly("-- PASS: a (D)", "-- PASS: b (D)", "-- FAIL: c (D)");
    }
}
